//! Integration tests: the real `wirecheck` binary against temporary archives.

mod archive;
mod check;
mod errors;
mod import;
mod util;
