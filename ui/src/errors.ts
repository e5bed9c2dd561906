// Command errors arrive as `{ code, message }` (AppError in src-tauri/src/error.rs). They are
// shown inline, next to what failed; never in alert().

import type { AppError, ErrorCode } from "./bindings";

const CODES: readonly ErrorCode[] = ["invalid_input", "not_found", "archive_busy", "archive_error", "io", "internal"];

/** Whatever was thrown, as an AppError. */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const { code, message } = e as { code: unknown; message: unknown };
    if (typeof code === "string" && (CODES as readonly string[]).includes(code)) {
      return { code: code as ErrorCode, message: String(message) };
    }
  }
  if (e instanceof Error) return { code: "internal", message: e.message };
  return { code: "internal", message: typeof e === "string" ? e : "Something went wrong." };
}

/** One sentence for the editor. */
export function errorText(e: unknown): string {
  const err = toAppError(e);
  switch (err.code) {
    case "archive_busy":
      return "An import is running in the command line; try again in a moment.";
    case "archive_error":
      return `The archive cannot be used: ${err.message}`;
    case "internal":
      return `Something went wrong: ${err.message}`;
    default:
      return err.message;
  }
}
