//! The app's commands, by area.

pub mod archive;
pub mod audit;
pub mod check;
pub mod compare;
pub mod export;
pub mod review;
pub mod settings;
pub mod watch;

use wirecheck_core::{Archive, LoadedCheck, Report, Settings};

use crate::dto::CheckResult;
use crate::error::{AppError, CmdResult};

/// Runs blocking work (SQLite, matching) off the async runtime's threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> CmdResult<T> + Send + 'static,
) -> CmdResult<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| AppError::internal(format!("background task failed: {e}")))?
}

/// A saved check with the stories to show beside it (for a comparison, its own story), for
/// the review view.
fn check_result(archive: &Archive, loaded: LoadedCheck) -> CmdResult<CheckResult> {
    let stories = archive.stories_of(&loaded)?;
    Ok(CheckResult {
        check: loaded.check.into(),
        report: loaded.report.into(),
        stories: stories.into_iter().map(Into::into).collect(),
        decisions: loaded.decisions.into_iter().map(Into::into).collect(),
    })
}

/// Saves a check's report to the history with the settings it ran with, and gives it back as
/// the review shows it.
fn saved_check(
    archive: &mut Archive,
    report: Report,
    settings: Settings,
) -> CmdResult<CheckResult> {
    let check = archive.save_check(&report, &settings)?;
    let loaded = LoadedCheck {
        check,
        report,
        settings,
        decisions: Vec::new(),
        story: None,
    };
    check_result(archive, loaded)
}

/// Refuses a string longer than `max` characters.
fn limit_len(what: &str, value: &str, max: usize) -> CmdResult<()> {
    if value.chars().count() > max {
        return Err(AppError::invalid(format!(
            "{what} is too long (at most {max} characters)"
        )));
    }
    Ok(())
}
