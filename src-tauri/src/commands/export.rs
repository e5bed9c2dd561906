//! Exporting a check: a self-contained HTML report, or the CLI's JSON report.

use std::path::{Path, PathBuf};

use tauri::State;
use wirecheck_core::html_report;

use super::blocking;
use crate::error::{AppError, CmdResult};
use crate::state::AppState;

/// Writes the check's HTML report to `path` (chosen in the native save dialog).
#[tauri::command]
pub async fn export_html(
    state: State<'_, AppState>,
    check_id: i64,
    path: String,
) -> CmdResult<String> {
    let path = export_path(&path, "html")?;
    let state = state.inner().clone();
    blocking(move || {
        let archive = state.open()?;
        let loaded = archive.load_check(check_id)?;
        let stories = archive.stories_of(&loaded)?;
        write(&path, html_report(&loaded, &stories).as_bytes())
    })
    .await
}

/// Writes the check's report as JSON, in the CLI's `check --json` schema.
#[tauri::command]
pub async fn export_json(
    state: State<'_, AppState>,
    check_id: i64,
    path: String,
) -> CmdResult<String> {
    let path = export_path(&path, "json")?;
    let state = state.inner().clone();
    blocking(move || {
        let loaded = state.open()?.load_check(check_id)?;
        let json = serde_json::to_string_pretty(&loaded.report)
            .map_err(|e| AppError::internal(format!("cannot serialize the report: {e}")))?;
        write(&path, json.as_bytes())
    })
    .await
}

/// An absolute path with the right extension, in a folder that exists.
fn export_path(path: &str, extension: &str) -> CmdResult<PathBuf> {
    let path = PathBuf::from(path);
    if !path.is_absolute() || path.as_os_str().to_string_lossy().contains('\0') {
        return Err(AppError::invalid("Choose where to save the report."));
    }
    let path = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
    {
        path
    } else {
        path.with_extension(extension)
    };
    match path.parent() {
        Some(dir) if dir.is_dir() => Ok(path),
        _ => Err(AppError::invalid(format!(
            "The folder of {} does not exist.",
            path.display()
        ))),
    }
}

/// Writes through a temporary file in the same folder, so a failed export never leaves half
/// a report where a good one was.
fn write(path: &Path, bytes: &[u8]) -> CmdResult<String> {
    let io = |e: std::io::Error| AppError {
        code: crate::error::ErrorCode::Io,
        message: format!("Cannot write {}: {e}", path.display()),
    };
    let tmp = path.with_extension("wirecheck-tmp");
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)?;
    Ok(path.display().to_string())
}
