//! The app's state: where the archive is. Each command opens its own connection (cheap with
//! WAL), so a long import never blocks a check and no lock is held across commands.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use wirecheck_core::{Archive, default_archive_path};

use crate::error::CmdResult;
use crate::watch::WatchService;

/// Shared by every command.
#[derive(Debug, Clone)]
pub struct AppState {
    db: PathBuf,
    /// The watched folders' watcher and log, one for the app.
    pub(crate) watch: Arc<WatchService>,
}

impl AppState {
    /// The archive named by `--db PATH` on the command line, else by `WIRECHECK_DB`, else the
    /// platform default shared with the CLI.
    pub fn from_env() -> Result<Self, String> {
        let mut args = std::env::args_os().skip(1);
        let mut from_args = None;
        while let Some(arg) = args.next() {
            if arg == "--db" {
                from_args = Some(PathBuf::from(args.next().ok_or("--db needs a path")?));
            }
        }
        let db = from_args
            .or_else(|| std::env::var_os("WIRECHECK_DB").map(PathBuf::from))
            .or_else(default_archive_path)
            .ok_or("no home directory to keep the archive in; set WIRECHECK_DB")?;
        Ok(AppState::new(db))
    }

    /// An app state on a given archive file.
    pub fn new(db: PathBuf) -> Self {
        AppState {
            db,
            watch: Arc::default(),
        }
    }

    /// The archive file.
    pub fn db(&self) -> &Path {
        &self.db
    }

    /// Opens the archive.
    pub fn open(&self) -> CmdResult<Archive> {
        Ok(Archive::open(&self.db)?)
    }
}
