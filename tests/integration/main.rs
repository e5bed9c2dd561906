//! Integration tests: the real `wirecheck` binary against temporary archives.
#![allow(clippy::unwrap_used)] // test helpers fail loudly; allow-unwrap-in-tests covers only #[test] fns

mod archive;
mod audit;
mod bench;
mod check;
mod compare;
mod credits;
mod errors;
mod eval;
mod fixture;
mod hostile;
mod import;
mod independent;
mod languages;
mod maintain;
mod republication;
mod robustness;
mod util;
mod watch;
