// The Rust side, mocked at `invoke` for the view tests: a handler per command and a record of
// the calls. A test file mocks the module with
//   vi.mock("@tauri-apps/api/core", async () => ({ invoke: (await import("./mock-invoke")).invoke }));
export type Handler = (args: Record<string, unknown> | undefined) => unknown;
export const handlers: Record<string, Handler> = {};
export const calls: [string, unknown][] = [];

export async function invoke(name: string, args?: Record<string, unknown>): Promise<unknown> {
  calls.push([name, args]);
  const handler = handlers[name];
  if (!handler) throw { code: "internal", message: `no mock for ${name}` };
  return handler(args);
}
