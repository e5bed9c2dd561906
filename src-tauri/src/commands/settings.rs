//! Settings: sensitivity, minimum passage length, agency aliases, exclusions.

use tauri::State;

use super::blocking;
use crate::dto::Settings;
use crate::error::CmdResult;
use crate::state::AppState;

/// The saved settings (defaults when none were saved).
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> CmdResult<Settings> {
    let state = state.inner().clone();
    blocking(move || Ok(state.open()?.settings()?.into())).await
}

/// Validates and saves the settings; returns them as stored.
#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> CmdResult<Settings> {
    let state = state.inner().clone();
    blocking(move || {
        let mut archive = state.open()?;
        archive.save_settings(&settings.into())?;
        Ok(archive.settings()?.into())
    })
    .await
}
