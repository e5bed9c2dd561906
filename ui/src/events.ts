// Events from the Rust side (progress) and the webview (file drops). Outside the Tauri window
// (a plain browser, unit tests) there are none: listeners become no-ops instead of throwing.

import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type { AuditProgress, CheckProgress, ImportProgress, WatchLogEntry } from "./bindings";

const noop: UnlistenFn = () => {};

function inTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

export async function onImportProgress(handler: (p: ImportProgress) => void): Promise<UnlistenFn> {
  if (!inTauri()) return noop;
  return listen<ImportProgress>("import-progress", (e) => handler(e.payload));
}

export async function onCheckProgress(handler: (p: CheckProgress) => void): Promise<UnlistenFn> {
  if (!inTauri()) return noop;
  return listen<CheckProgress>("check-progress", (e) => handler(e.payload));
}

export async function onWatchEvent(handler: (e: WatchLogEntry) => void): Promise<UnlistenFn> {
  if (!inTauri()) return noop;
  return listen<WatchLogEntry>("watch-event", (e) => handler(e.payload));
}

export async function onAuditProgress(handler: (p: AuditProgress) => void): Promise<UnlistenFn> {
  if (!inTauri()) return noop;
  return listen<AuditProgress>("audit-progress", (e) => handler(e.payload));
}

export type DropHandlers = {
  /** Files are dragged over the window (true) or left it (false). */
  hover: (over: boolean) => void;
  /** Files and folders were dropped, at `at` (CSS pixels in the window). */
  drop: (paths: string[], at: { x: number; y: number }) => void;
};

export async function onFileDrop(handlers: DropHandlers): Promise<UnlistenFn> {
  if (!inTauri()) return noop;
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === "enter" || p.type === "over") handlers.hover(true);
    else if (p.type === "leave") handlers.hover(false);
    else if (p.type === "drop") {
      handlers.hover(false);
      // The position is in physical pixels; the page works in CSS pixels.
      const scale = window.devicePixelRatio || 1;
      if (p.paths.length > 0) handlers.drop(p.paths, { x: p.position.x / scale, y: p.position.y / scale });
    }
  });
}
