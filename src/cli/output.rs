//! Terminal output: colour when the stream is a terminal (anstream strips it otherwise and
//! honours NO_COLOR), one-line errors.

use anstyle::{AnsiColor, Style};

pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const RED: Style = AnsiColor::Red.on_default().bold();
pub const GREEN: Style = AnsiColor::Green.on_default();
pub const YELLOW: Style = AnsiColor::Yellow.on_default().bold();
pub const CYAN: Style = AnsiColor::Cyan.on_default();

/// Prints an error and its causes on one line of standard error.
pub fn error(error: &anyhow::Error) {
    let chain: Vec<String> = error.chain().map(ToString::to_string).collect();
    anstream::eprintln!("{RED}error:{RED:#} {}", chain.join(": "));
}

/// Prints a warning on standard error.
pub fn warning(message: &str) {
    anstream::eprintln!("{YELLOW}warning:{YELLOW:#} {message}");
}

/// Prints a note on standard error.
pub fn note(message: &str) {
    anstream::eprintln!("{DIM}{message}{DIM:#}");
}

/// Prints a value as one line of JSON.
pub fn json_line(value: &impl serde::Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string(value)?);
    Ok(())
}

/// A share as a whole percentage.
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}
