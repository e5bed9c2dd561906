// The watched-folders panel of Settings, with the Rust side mocked at `invoke`.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { WatchLogEntry, WatchStatus } from "../src/bindings";

import { calls, handlers, resetInvoke } from "./invoke-mock";

vi.mock("@tauri-apps/api/core", async () => ({ invoke: (await import("./invoke-mock")).invoke }));

const { createWatchPanel, newestFirst, stateText, LOG_LEN } = await import("../src/views/watch-folders");

const flush = () => new Promise((r) => setTimeout(r, 0));
const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const $$ = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

const entry = (n: number, kind = "imported"): WatchLogEntry => ({
  atMs: 1_780_000_000_000 + n,
  kind,
  folder: "/wire/afp",
  path: `/wire/afp/story-${n}.xml`,
  message: kind === "imported" ? "1 new, 0 already stored" : "no article text",
});

const status = (over: Partial<WatchStatus> = {}): WatchStatus => ({
  folders: [
    { path: "/wire/afp", agency: "AFP", state: "watching", fileEvents: true, message: null },
    { path: "/mnt/pa", agency: null, state: "error", fileEvents: false, message: "folder missing" },
    { path: "/wire/old", agency: null, state: "stopped", fileEvents: false, message: null },
  ],
  events: [entry(1), entry(2, "skipped")],
  ...over,
});

function mount() {
  document.body.replaceChildren();
  const panel = createWatchPanel();
  document.body.appendChild(panel.el);
  return panel;
}

beforeEach(() => {
  resetInvoke();
  delete (window as unknown as { __wirecheckTest?: unknown }).__wirecheckTest;
});

describe("watched folders", () => {
  it("lists each folder with its state, errors inline, and the log newest first", async () => {
    handlers["watch_status"] = () => status();
    await mount().show();
    const states = $$("watch-state").map((e) => e.textContent);
    expect(states).toEqual(["Watching", "Cannot watch: folder missing", "Stopped"]);
    expect($$("watch-state")[1]?.getAttribute("role")).toBe("alert");
    expect($$("watch-toggle").map((b) => b.textContent)).toEqual(["Stop", "Stop", "Start"]);
    const log = $$("watch-event");
    expect(log.map((e) => e.dataset.kind)).toEqual(["skipped", "imported"]);
    expect(log[0]?.textContent).toContain("/wire/afp/story-2.xml");
    expect(log[0]?.textContent).toContain("no article text");
  });

  it("says so when no folder is watched", async () => {
    handlers["watch_status"] = () => status({ folders: [], events: [] });
    await mount().show();
    expect($("watch-none")).not.toBeNull();
    expect($$("watch-event")).toHaveLength(0);
  });

  it("adds a chosen folder with the agency typed, and stops and removes folders", async () => {
    handlers["watch_status"] = () => status();
    handlers["add_watched_folder"] = () => status();
    handlers["set_watch_enabled"] = () => status();
    handlers["remove_watched_folder"] = () => status({ folders: [] });
    await mount().show();
    (window as unknown as { __wirecheckTest: unknown }).__wirecheckTest = { openPaths: ["/wire/xinhua"] };
    ($("watch-agency") as HTMLInputElement).value = " Xinhua ";
    $("watch-add")?.click();
    await flush();
    expect(calls.find(([n]) => n === "add_watched_folder")?.[1]).toEqual({ path: "/wire/xinhua", agency: "Xinhua" });

    $$("watch-toggle")[0]?.click();
    await flush();
    expect(calls.find(([n]) => n === "set_watch_enabled")?.[1]).toEqual({ path: "/wire/afp", enabled: false });
    $$("watch-toggle")[2]?.click();
    await flush();
    expect(calls.filter(([n]) => n === "set_watch_enabled")[1]?.[1]).toEqual({ path: "/wire/old", enabled: true });

    $$("watch-remove")[1]?.click();
    await flush();
    expect(calls.find(([n]) => n === "remove_watched_folder")?.[1]).toEqual({ path: "/mnt/pa" });
    expect($("watch-none")).not.toBeNull();
  });

  it("shows a refused change inline and keeps the list", async () => {
    handlers["watch_status"] = () => status();
    handlers["remove_watched_folder"] = () => {
      throw { code: "invalid_input", message: "/wire/afp is not a watched folder" };
    };
    await mount().show();
    $$("watch-remove")[0]?.click();
    await flush();
    expect($("watch-status")?.hidden).toBe(false);
    expect($("watch-status")?.textContent).toBe("/wire/afp is not a watched folder");
    expect($$("watch-folder")).toHaveLength(3);
  });

  it("adds live events to the top of the log, keeping the last 200", async () => {
    handlers["watch_status"] = () => status({ events: [] });
    const panel = mount();
    await panel.show();
    for (let n = 0; n < LOG_LEN + 5; n++) panel.push(entry(n));
    const log = $$("watch-event");
    expect(log).toHaveLength(LOG_LEN);
    expect(log[0]?.textContent).toContain(`story-${LOG_LEN + 4}.xml`);
    expect(log.at(-1)?.textContent).toContain("story-5.xml");
    expect(calls.filter(([n]) => n === "watch_status")).toHaveLength(1);

    // A folder that stops or fails is shown again from the Rust side.
    panel.push({ ...entry(999, "error"), path: null, message: "not readable: permission denied" });
    await flush();
    expect(calls.filter(([n]) => n === "watch_status")).toHaveLength(2);
  });

  it("words states and orders the log", () => {
    const base = { path: "/w", agency: null, fileEvents: true, message: null };
    expect(stateText({ ...base, state: "watching", fileEvents: false })).toMatch(/checked every/);
    expect(stateText({ ...base, state: "error", message: "folder missing" })).toBe("Cannot watch: folder missing");
    expect(stateText({ ...base, state: "starting" })).toMatch(/Starting/);
    expect(newestFirst([entry(1), entry(2)]).map((e) => e.atMs)).toEqual([entry(2).atMs, entry(1).atMs]);
  });
});
