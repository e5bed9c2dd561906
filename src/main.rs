//! `wirecheck`: check articles against a local archive of wire-service originals.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
