// Native open and save dialogs; the only module that touches @tauri-apps/plugin-dialog.
//
// Test hook: end-to-end tests cannot drive native dialogs. When the page defines
// `window.__wirecheckTest = { savePath: "/abs/file.html", openPaths: ["/abs/dir"] }`,
// saveDialog() returns `savePath` and openDialog() returns `openPaths` without opening anything.
// Only a string (savePath) or an array of strings (openPaths) counts; anything else is ignored.

import { open, save } from "@tauri-apps/plugin-dialog";

type TestHook = { savePath?: unknown; openPaths?: unknown };

function testHook(): TestHook | undefined {
  const hook = (window as unknown as { __wirecheckTest?: TestHook }).__wirecheckTest;
  return hook && typeof hook === "object" ? hook : undefined;
}

/** Asks for files (or folders) to import; null when cancelled. */
export async function openDialog(options: { directory: boolean; title?: string }): Promise<string[] | null> {
  const paths = testHook()?.openPaths;
  if (Array.isArray(paths) && paths.every((p) => typeof p === "string")) return paths as string[];
  const chosen = await open({ directory: options.directory, multiple: true, title: options.title });
  if (chosen === null) return null;
  return Array.isArray(chosen) ? chosen : [chosen];
}

/** Asks where to save; null when cancelled. */
export async function saveDialog(options: {
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  title?: string;
}): Promise<string | null> {
  const path = testHook()?.savePath;
  if (typeof path === "string") return path;
  return save({ defaultPath: options.defaultPath, filters: options.filters, title: options.title });
}
