import { afterEach, describe, expect, it, vi } from "vitest";

const open = vi.fn(async (..._a: unknown[]) => null as unknown);
const save = vi.fn(async (..._a: unknown[]) => null as unknown);
vi.mock("@tauri-apps/plugin-dialog", () => ({
  open: (...a: unknown[]) => open(...a),
  save: (...a: unknown[]) => save(...a),
}));

const { openDialog, saveDialog } = await import("../src/dialogs");
type W = { __wirecheckTest?: unknown };

afterEach(() => {
  delete (window as unknown as W).__wirecheckTest;
  open.mockClear();
  save.mockClear();
});

const saveOptions = { defaultPath: "r.html", filters: [{ name: "HTML", extensions: ["html"] }] };

describe("dialogs.ts", () => {
  it("returns the test hook's savePath without opening a dialog", async () => {
    (window as unknown as W).__wirecheckTest = { savePath: "/tmp/out.html" };
    expect(await saveDialog(saveOptions)).toBe("/tmp/out.html");
    expect(save).not.toHaveBeenCalled();
  });

  it("returns the test hook's openPaths without opening a dialog", async () => {
    (window as unknown as W).__wirecheckTest = { openPaths: ["/a", "/b"] };
    expect(await openDialog({ directory: true })).toEqual(["/a", "/b"]);
    expect(open).not.toHaveBeenCalled();
  });

  it("ignores a hook of the wrong type and opens the native dialogs", async () => {
    (window as unknown as W).__wirecheckTest = { savePath: 42, openPaths: "/a" };
    save.mockResolvedValueOnce("/home/ed/r.html");
    open.mockResolvedValueOnce(["/x"]);
    expect(await saveDialog(saveOptions)).toBe("/home/ed/r.html");
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: "r.html", filters: saveOptions.filters }));
    expect(await openDialog({ directory: false })).toEqual(["/x"]);
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ directory: false, multiple: true }));
  });

  it("reports a cancelled dialog as null and a single path as a list", async () => {
    expect(await openDialog({ directory: true })).toBeNull();
    open.mockResolvedValueOnce("/one");
    expect(await openDialog({ directory: true })).toEqual(["/one"]);
  });
});
