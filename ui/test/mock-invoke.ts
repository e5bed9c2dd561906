// The Rust side mocked at `invoke`, for tests of the views: each test sets `handlers[name]`,
// and `calls` records every invocation. Use with
// `vi.mock("@tauri-apps/api/core", () => import("./mock-invoke"))`.

export type Handler = (args: Record<string, unknown> | undefined) => unknown;
export const handlers: Record<string, Handler> = {};
export const calls: [string, Record<string, unknown> | undefined][] = [];

export async function invoke(name: string, args?: Record<string, unknown>): Promise<unknown> {
  calls.push([name, args]);
  const handler = handlers[name];
  if (!handler) throw { code: "internal", message: `no mock for ${name}` };
  return handler(args);
}
