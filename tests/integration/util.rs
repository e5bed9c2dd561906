//! A temporary archive and a way to run the binary against it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary folder holding an archive file; removed on drop.
pub struct TempArchive {
    pub dir: tempfile::TempDir,
}

impl TempArchive {
    pub fn new() -> Self {
        TempArchive {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("archive.sqlite")
    }

    /// Runs `wirecheck --db <archive> args...`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None)
    }

    /// `wirecheck --db <archive>`, uncoloured, to add arguments to.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_wirecheck"));
        command
            .arg("--db")
            .arg(self.db())
            .env_remove("WIRECHECK_DB")
            .env("NO_COLOR", "1");
        command
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> Run {
        let mut child = self
            .command()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the wirecheck binary runs");
        {
            let mut pipe = child.stdin.take().expect("stdin is piped");
            if let Some(bytes) = stdin {
                // The binary may stop reading early (input too large): ignore a broken pipe.
                let _ = pipe.write_all(bytes);
            }
        }
        Run(child.wait_with_output().expect("wirecheck finishes"))
    }

    /// Imports the demo archive and returns the import summary.
    pub fn with_demo(self) -> Self {
        let run = self.run(&["import", "--json", demo("archive").to_str().unwrap()]);
        run.success();
        self
    }

    /// Writes a file into the temporary folder.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

/// The repository's demo folder.
pub fn demo(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("demo").join(sub)
}

pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    /// Asserts exit code 0 and returns self.
    pub fn success(self) -> Self {
        assert_eq!(
            self.code(),
            0,
            "expected success; stderr: {}\nstdout: {}",
            self.stderr(),
            self.stdout()
        );
        self
    }
    /// Asserts a clean failure: the given exit code, one error line, no panic.
    pub fn fails_with(self, code: i32, needle: &str) -> Self {
        let stderr = self.stderr();
        assert_eq!(self.code(), code, "exit code; stderr: {stderr}");
        assert!(!stderr.contains("panicked"), "must not panic: {stderr}");
        assert!(
            stderr.to_lowercase().contains(&needle.to_lowercase()),
            "stderr should mention {needle:?}: {stderr}"
        );
        self
    }
    /// The stdout parsed as JSON lines.
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
            .collect()
    }
}
