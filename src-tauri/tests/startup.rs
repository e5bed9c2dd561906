//! The app binary's command line, checked before any window opens (no display needed).
//!
//! Having an integration test also makes `cargo test` build the `wirecheck-app` binary with
//! the test build's features, so the end-to-end run reuses it instead of compiling the Tauri
//! stack a second time.

use std::process::Command;

#[test]
fn a_db_flag_without_a_path_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_wirecheck-app"))
        .arg("--db")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the app binary runs");
    assert_eq!(out.status.code(), Some(2), "exit code 2 for bad arguments");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--db needs a path"), "{stderr}");
}
