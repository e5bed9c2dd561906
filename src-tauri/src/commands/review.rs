//! History of checks and the decisions on their flags.

use tauri::State;

use super::{blocking, check_result, limit_len};
use crate::dto::{CheckResult, DecideRequest, Decision, SavedCheck};
use crate::error::{AppError, CmdResult};
use crate::state::AppState;

/// Past checks, newest first.
#[tauri::command]
pub async fn list_checks(
    state: State<'_, AppState>,
    limit: usize,
    offset: usize,
) -> CmdResult<Vec<SavedCheck>> {
    let state = state.inner().clone();
    blocking(move || {
        let checks = state.open()?.checks(limit.clamp(1, 1_000), offset)?;
        Ok(checks.into_iter().map(Into::into).collect())
    })
    .await
}

/// A past check with its report, sources and decisions.
#[tauri::command]
pub async fn open_check(state: State<'_, AppState>, id: i64) -> CmdResult<CheckResult> {
    let state = state.inner().clone();
    blocking(move || {
        let archive = state.open()?;
        let loaded = archive.load_check(id)?;
        check_result(&archive, loaded)
    })
    .await
}

/// Removes a check from the history, with its decisions.
#[tauri::command]
pub async fn delete_check(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    let state = state.inner().clone();
    blocking(move || Ok(state.open()?.delete_check(id)?)).await
}

/// Confirms or dismisses a flag, with a reason and a note.
#[tauri::command]
pub async fn decide(state: State<'_, AppState>, request: DecideRequest) -> CmdResult<Decision> {
    if request.reason.trim().is_empty() {
        return Err(AppError::invalid("Give a reason for the decision."));
    }
    limit_len("The reason", &request.reason, 200)?;
    limit_len("The note", &request.note, 5_000)?;
    let state = state.inner().clone();
    blocking(move || {
        let decision = state.open()?.decide(
            request.check_id,
            request.source_id,
            request.status.into(),
            request.reason.trim(),
            request.note.trim(),
        )?;
        Ok(decision.into())
    })
    .await
}

/// Takes a decision back (undo).
#[tauri::command]
pub async fn clear_decision(
    state: State<'_, AppState>,
    check_id: i64,
    source_id: i64,
) -> CmdResult<()> {
    let state = state.inner().clone();
    blocking(move || Ok(state.open()?.clear_decision(check_id, source_id)?)).await
}
