// The Rust side mocked at `invoke`, for tests that drive views: one handler per command name,
// every call recorded. A test file wires it in with
//   vi.mock("@tauri-apps/api/core", async () => ({ invoke: (await import("./invoke-mock")).invoke }));
// and clears `handlers` and `calls` before each test.

export type Handler = (args: Record<string, unknown> | undefined) => unknown;

export const handlers: Record<string, Handler> = {};
export const calls: [string, Record<string, unknown> | undefined][] = [];

export async function invoke(name: string, args?: Record<string, unknown>): Promise<unknown> {
  calls.push([name, args]);
  const handler = handlers[name];
  if (!handler) throw { code: "internal", message: `no mock for ${name}` };
  return handler(args);
}

/** Forgets every handler and call. */
export function resetInvoke(): void {
  calls.length = 0;
  for (const k of Object.keys(handlers)) delete handlers[k];
}
