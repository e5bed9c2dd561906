//! Walking the files and folders given to an import.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::SkipReason;

/// The files under `paths` (folders walked recursively), and the paths skipped with reasons.
///
/// Files given by name are taken as given, hidden or not; inside folders, hidden files and
/// folders (names starting with `.`) are passed over silently. Symbolic links are followed;
/// a link back into its own ancestry is reported as [`SkipReason::SymlinkLoop`] and the walk
/// goes on. Folders are listed in file-name order, so repeated imports see the same order.
/// Paths are returned as given or joined under a given folder, never canonicalized, since
/// they are recorded as each story's origin. A file reached twice is listed once.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, SkipReason)>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    let mut add = |path: PathBuf, files: &mut Vec<PathBuf>| {
        if seen.insert(path.clone()) {
            files.push(path);
        }
    };
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => skipped.push((path.clone(), SkipReason::Unreadable(io_message(&e)))),
            Ok(meta) if meta.is_file() => add(path.clone(), &mut files),
            Ok(meta) if meta.is_dir() => {
                walk(path, &mut skipped, |file| add(file, &mut files));
            }
            Ok(_) => skipped.push((path.clone(), not_regular())),
        }
    }
    (files, skipped)
}

fn walk(root: &Path, skipped: &mut Vec<(PathBuf, SkipReason)>, mut add: impl FnMut(PathBuf)) {
    for entry in walk_files(root) {
        match entry {
            Ok(path) => add(path),
            Err(skip) => skipped.push(skip),
        }
    }
}

/// The files under the folder `root`, one at a time as the walk reaches them (an audit of a
/// million pages never holds their list), with the rules of [`collect_files`]: sorted by
/// name, hidden entries passed over, links followed, loops and unreadable entries reported.
pub(crate) fn walk_files(
    root: &Path,
) -> impl Iterator<Item = Result<PathBuf, (PathBuf, SkipReason)>> + use<> {
    let root = root.to_path_buf();
    WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()))
        .filter_map(move |entry| match entry {
            Ok(entry) if entry.file_type().is_file() => Some(Ok(entry.into_path())),
            Ok(entry) if entry.file_type().is_dir() => None,
            Ok(entry) => Some(Err((entry.into_path(), not_regular()))),
            Err(e) => {
                let path = e.path().unwrap_or(&root).to_path_buf();
                let reason = if e.loop_ancestor().is_some() {
                    SkipReason::SymlinkLoop
                } else {
                    let message = e.io_error().map_or_else(|| e.to_string(), io_message);
                    SkipReason::Unreadable(message)
                };
                Some(Err((path, reason)))
            }
        })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

fn not_regular() -> SkipReason {
    SkipReason::Unreadable("not a regular file or folder".to_owned())
}

/// A short lowercase message without the OS error number ("no such file or directory").
pub(crate) fn io_message(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = error.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            text.to_lowercase()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn folders_are_walked_sorted_and_hidden_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/deeper")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for name in [
            "b/deeper/z.txt",
            "b/a.txt",
            "c.txt",
            ".hidden.txt",
            ".git/config",
        ] {
            fs::write(root.join(name), "text").unwrap();
        }
        let explicit = root.join(".hidden.txt");
        let (files, skipped) = collect_files(&[root.to_path_buf(), explicit.clone()]);
        assert!(skipped.is_empty(), "nothing unreadable: {skipped:?}");
        let expected = vec![
            root.join("b/a.txt"),
            root.join("b/deeper/z.txt"),
            root.join("c.txt"),
            explicit,
        ];
        assert_eq!(
            files, expected,
            "sorted, joined to the given root, hidden only if named"
        );
    }

    #[test]
    fn missing_paths_are_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let present = dir.path().join("here.txt");
        fs::write(&present, "x").unwrap();
        let missing = dir.path().join("gone.txt");
        let (files, skipped) = collect_files(&[missing.clone(), present.clone()]);
        assert_eq!(files, vec![present]);
        assert_eq!(
            skipped,
            vec![(
                missing,
                SkipReason::Unreadable("no such file or directory".to_owned())
            )]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_reported_and_the_walk_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::write(root.join("a/story.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("a/back")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere"), root.join("broken")).unwrap();
        let (files, skipped) = collect_files(&[root.to_path_buf()]);
        assert_eq!(files, vec![root.join("a/story.txt")]);
        assert!(
            skipped.contains(&(root.join("a/back"), SkipReason::SymlinkLoop)),
            "the loop is named: {skipped:?}"
        );
        assert!(
            skipped
                .iter()
                .any(|(p, r)| p == &root.join("broken") && matches!(r, SkipReason::Unreadable(_))),
            "a dangling link is unreadable: {skipped:?}"
        );
    }
}
