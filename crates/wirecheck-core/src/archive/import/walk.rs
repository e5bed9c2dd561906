//! Stub: walking files and folders.

use std::path::{Path, PathBuf};

use super::SkipReason;

/// The files under `paths` (folders walked recursively), and the paths skipped with reasons.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, SkipReason)>) {
    let _ = paths;
    let _ = Path::new("");
    unimplemented!("collect_files")
}
