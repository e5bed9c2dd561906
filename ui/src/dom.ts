// A tiny element builder. Text only ever enters the page as text nodes or textContent: pasted
// articles and stored stories are untrusted, so markup in them must stay inert.

export type Child = Node | string | number | null | undefined | false | Child[];

/** Attribute values: strings are set as attributes, booleans toggle them, functions on* listen. */
export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Builds an element; `class`, `data-*`, `aria-*` and the rest go through setAttribute. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (typeof value === "function") {
        if (!name.startsWith("on")) throw new Error(`h: function attribute ${name} must be on*`);
        el.addEventListener(name.slice(2).toLowerCase(), value);
      } else if (value === true) {
        el.setAttribute(name, "");
      } else if (name === "value" && "value" in el) {
        (el as HTMLInputElement).value = String(value);
      } else {
        el.setAttribute(name, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

/** Appends children (nested arrays flattened; strings and numbers as text nodes). */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (typeof child === "string" || typeof child === "number") {
      parent.appendChild(document.createTextNode(String(child)));
    } else parent.appendChild(child);
  }
}

/** Removes every child. */
export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Replaces every child of `el`. */
export function replace(el: Node, ...children: Child[]): void {
  clear(el);
  append(el, children);
}
