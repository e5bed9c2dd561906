//! Watched folders: list with states and the log, add, remove, start and stop.

use std::sync::Arc;

use tauri::{AppHandle, Runtime, State};
use wirecheck_core::{Archive, WatchedFolder};

use super::blocking;
use crate::dto::WatchStatus;
use crate::error::CmdResult;
use crate::state::AppState;

/// The watched folders, their states, and the last events.
#[tauri::command]
pub async fn watch_status(state: State<'_, AppState>) -> CmdResult<WatchStatus> {
    let state = state.inner().clone();
    blocking(move || state.watch.status(state.open()?.watched_folders()?)).await
}

/// Watches a folder (or changes a watched folder's agency and starts it).
#[tauri::command]
pub async fn add_watched_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    agency: Option<String>,
) -> CmdResult<WatchStatus> {
    change(app, &state, move |a| {
        a.add_watched_folder(WatchedFolder::new(path, agency))
    })
    .await
}

/// Stops watching a folder and removes it from the list; its stories stay.
#[tauri::command]
pub async fn remove_watched_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> CmdResult<WatchStatus> {
    change(app, &state, move |a| a.remove_watched_folder(&path)).await
}

/// Starts (`enabled`) or stops watching a listed folder.
#[tauri::command]
pub async fn set_watch_enabled<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    enabled: bool,
) -> CmdResult<WatchStatus> {
    change(app, &state, move |a| {
        a.set_watched_folder_enabled(&path, enabled)
    })
    .await
}

/// Changes the saved list, makes the watcher follow it, and returns the status.
async fn change<R: Runtime>(
    app: AppHandle<R>,
    state: &State<'_, AppState>,
    edit: impl FnOnce(&mut Archive) -> wirecheck_core::Result<Vec<WatchedFolder>> + Send + 'static,
) -> CmdResult<WatchStatus> {
    let state = state.inner().clone();
    blocking(move || {
        let folders = edit(&mut state.open()?)?;
        let watch = Arc::clone(&state.watch);
        watch.sync(&app, state.db(), &folders)?;
        watch.status(folders)
    })
    .await
}
