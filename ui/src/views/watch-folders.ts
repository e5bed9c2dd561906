// Watched folders, in Settings: the folders whose new files are imported as they arrive, each
// with its state (errors inline) and Start/Stop/Remove, and the watcher's last 200 events,
// live. The watching itself runs in Rust (src-tauri/src/watch.rs over the core's Watcher).

import { hideMessage, messageArea, showMessage } from "../app";
import type { WatchLogEntry, WatchStatus, WatchedFolderStatus } from "../bindings";
import * as cmd from "../commands";
import { openDialog } from "../dialogs";
import { h, replace } from "../dom";
import { errorText } from "../errors";

/** Events the log keeps, as the Rust side does. */
export const LOG_LEN = 200;

export type WatchPanel = {
  el: HTMLElement;
  /** Loads the folders and the log. */
  show(): Promise<void>;
  /** A live `watch-event`. */
  push(entry: WatchLogEntry): void;
};

const STATE_TEXT: Record<WatchedFolderStatus["state"], string> = {
  starting: "Starting…",
  watching: "Watching",
  stopped: "Stopped",
  error: "Cannot watch",
};

/** One line of the folder's state, e.g. "Cannot watch: folder missing". */
export function stateText(folder: WatchedFolderStatus): string {
  const base = STATE_TEXT[folder.state];
  if (folder.state === "error" && folder.message) return `${base}: ${folder.message}`;
  if (folder.state === "watching" && !folder.fileEvents) return `${base} (checked every few seconds)`;
  return base;
}

/** The log, newest first, at most LOG_LEN. */
export function newestFirst(events: WatchLogEntry[]): WatchLogEntry[] {
  return events.slice(-LOG_LEN).reverse();
}

function time(atMs: number): string {
  return new Date(atMs).toLocaleTimeString();
}

export function createWatchPanel(): WatchPanel {
  const rows = h("tbody", null);
  const agency = h("input", {
    id: "watch-agency",
    type: "text",
    "data-testid": "watch-agency",
    placeholder: "read from each file",
  });
  const add = h("button", { type: "button", "data-testid": "watch-add" }, "Watch a folder…");
  const status = messageArea("watch-status", "alert");
  const log = h("ol", { class: "watch-log", "data-testid": "watch-log", "aria-live": "polite" });
  let events: WatchLogEntry[] = [];

  function logLine(e: WatchLogEntry): HTMLLIElement {
    return h(
      "li",
      { class: `watch-event ${e.kind}`, "data-testid": "watch-event", "data-kind": e.kind },
      h("span", { class: "when" }, time(e.atMs)),
      " ",
      h("span", { class: "what" }, e.path ?? e.folder ?? ""),
      " — ",
      h("span", { class: "why" }, e.message),
    );
  }

  function renderLog(): void {
    replace(log, newestFirst(events).map(logLine));
  }

  function folderRow(folder: WatchedFolderStatus): HTMLTableRowElement {
    const running = folder.state !== "stopped";
    const toggle = h(
      "button",
      { type: "button", class: "link", "data-testid": "watch-toggle" },
      running ? "Stop" : "Start",
    );
    toggle.addEventListener("click", () => act(() => cmd.setWatchEnabled(folder.path, !running)));
    const remove = h("button", { type: "button", class: "link", "data-testid": "watch-remove" }, "Remove");
    remove.addEventListener("click", () => act(() => cmd.removeWatchedFolder(folder.path)));
    const state = h(
      "td",
      { class: `watch-state ${folder.state}`, "data-testid": "watch-state", role: folder.state === "error" ? "alert" : null },
      stateText(folder),
    );
    return h(
      "tr",
      { "data-testid": "watch-folder" },
      h("td", { class: "watch-path", title: folder.path }, folder.path),
      h("td", null, folder.agency ?? "from the files"),
      state,
      h("td", null, toggle, " ", remove),
    );
  }

  function renderFolders(folders: WatchedFolderStatus[]): void {
    replace(
      rows,
      folders.length === 0
        ? h("tr", null, h("td", { colspan: 4, class: "hint", "data-testid": "watch-none" }, "No folder is watched."))
        : folders.map(folderRow),
    );
  }

  function fill(s: WatchStatus): void {
    renderFolders(s.folders);
    events = s.events.slice(-LOG_LEN);
    renderLog();
  }

  async function act(change: () => Promise<WatchStatus>): Promise<void> {
    hideMessage(status);
    try {
      fill(await change());
    } catch (e) {
      showMessage(status, "error", errorText(e));
    }
  }

  add.addEventListener("click", async () => {
    try {
      const chosen = await openDialog({ directory: true, title: "Watch a folder" });
      if (!chosen || chosen.length === 0) return;
      const name = agency.value.trim() || null;
      for (const path of chosen) await act(() => cmd.addWatchedFolder(path, name));
    } catch (e) {
      showMessage(status, "error", errorText(e));
    }
  });

  const el = h(
    "section",
    { class: "watch-folders", "aria-label": "Watched folders" },
    h("h2", null, "Watched folders"),
    h(
      "p",
      { class: "hint" },
      "Files your wire system drops into these folders are imported as soon as they are complete, " +
        "like an import: files still being written, or under a temporary name (.part, .tmp), wait. " +
        "Watching resumes when the app starts; files read before are not read again.",
    ),
    h(
      "table",
      { class: "watched" },
      h("thead", null, h("tr", null, h("th", null, "Folder"), h("th", null, "Agency"), h("th", null, "State"), h("th", null, ""))),
      rows,
    ),
    h("div", { class: "field" }, h("label", { for: "watch-agency" }, "Agency of the next folder's stories (optional)"), agency, add),
    status,
    h("h3", null, "Recent events"),
    log,
  );

  return {
    el,
    async show() {
      try {
        fill(await cmd.watchStatus());
      } catch (e) {
        showMessage(status, "error", errorText(e));
      }
    },
    push(entry) {
      // One line in, one out: a burst of imports must not redraw the whole log each time.
      events.push(entry);
      log.insertBefore(logLine(entry), log.firstChild);
      if (events.length > LOG_LEN) {
        events = events.slice(-LOG_LEN);
        log.lastElementChild?.remove();
      }
      // A folder's state changed: fetch it (the log already shows why).
      if (["started", "stopped", "error"].includes(entry.kind)) {
        cmd.watchStatus().then(
          (s) => renderFolders(s.folders),
          () => {},
        );
      }
    },
  };
}
