//! The archive manager: overview, import (with progress events), demo, search, open, remove,
//! prune (counted first) and compact.

use std::path::PathBuf;

use tauri::{AppHandle, Emitter, Runtime, State};
use wirecheck_core::{ImportEvent, Importer, Language, ListQuery, PruneFilter, demo};

use super::{blocking, limit_len};
use crate::dto::{
    AgencyCount, ArchiveOverview, CompactSummary, ImportProgress, ImportSummary, PrunePlan,
    PruneRequest, PruneSummary, Story, StorySummary,
};
use crate::error::{AppError, CmdResult};
use crate::state::AppState;

/// Most paths one import takes (a drop of a whole disk is a mistake, not an import).
const MAX_IMPORT_PATHS: usize = 10_000;
/// Most rows a listing or search returns.
const MAX_ROWS: usize = 1_000;

/// The archive's location, size, and stories per agency.
#[tauri::command]
pub async fn archive_overview(state: State<'_, AppState>) -> CmdResult<ArchiveOverview> {
    let state = state.inner().clone();
    blocking(move || {
        let archive = state.open()?;
        Ok(ArchiveOverview {
            path: archive.path().display().to_string(),
            stories: archive.count()?,
            agencies: archive
                .counts_by_agency()?
                .into_iter()
                .map(|(agency, stories)| AgencyCount { agency, stories })
                .collect(),
        })
    })
    .await
}

/// Imports files and folders, emitting `import-progress` after each file.
#[tauri::command]
pub async fn import_paths<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> CmdResult<ImportSummary> {
    if paths.is_empty() {
        return Err(AppError::invalid(
            "Choose at least one file or folder to import.",
        ));
    }
    if paths.len() > MAX_IMPORT_PATHS {
        return Err(AppError::invalid(format!(
            "At most {MAX_IMPORT_PATHS} paths can be imported at once."
        )));
    }
    if let Some(bad) = paths
        .iter()
        .find(|p| p.trim().is_empty() || p.contains('\0'))
    {
        return Err(AppError::invalid(format!("Not a path: {bad:?}")));
    }
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let state = state.inner().clone();
    blocking(move || {
        let mut archive = state.open()?;
        let (mut done, mut total) = (0, 0);
        let summary = Importer::new().run(&mut archive, &paths, |event| {
            let progress = match event {
                ImportEvent::Started { files } => {
                    total = *files;
                    ImportProgress {
                        done,
                        total,
                        path: None,
                        skipped: None,
                    }
                }
                ImportEvent::File { path, .. } => {
                    done += 1;
                    ImportProgress {
                        done,
                        total,
                        path: Some(path.clone()),
                        skipped: None,
                    }
                }
                ImportEvent::Skipped { path, reason } => {
                    // Skips before `Started` (missing paths, link loops) are not among its files.
                    if total > 0 {
                        done += 1;
                    }
                    ImportProgress {
                        done,
                        total,
                        path: Some(path.clone()),
                        skipped: Some(reason.clone()),
                    }
                }
                _ => return,
            };
            let _ = app.emit("import-progress", progress);
        })?;
        Ok(summary.into())
    })
    .await
}

/// Loads the fictional demo archive.
#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> CmdResult<ImportSummary> {
    let state = state.inner().clone();
    blocking(move || Ok(demo::load_demo(&mut state.open()?)?.into())).await
}

/// Full-text search over headlines and bodies.
#[tauri::command]
pub async fn search_stories(
    state: State<'_, AppState>,
    query: String,
    limit: usize,
    language: Option<String>,
) -> CmdResult<Vec<StorySummary>> {
    limit_len("The search", &query, 500)?;
    let language = language_filter(language)?;
    let state = state.inner().clone();
    blocking(move || {
        let found =
            state
                .open()?
                .search_in(&query, language.as_deref(), limit.clamp(1, MAX_ROWS))?;
        Ok(found.into_iter().map(Into::into).collect())
    })
    .await
}

/// Stories, newest first, optionally of one agency.
#[tauri::command]
pub async fn list_stories(
    state: State<'_, AppState>,
    agency: Option<String>,
    limit: usize,
    offset: usize,
    language: Option<String>,
) -> CmdResult<Vec<StorySummary>> {
    if let Some(agency) = &agency {
        limit_len("The agency", agency, 100)?;
    }
    let language = language_filter(language)?;
    let state = state.inner().clone();
    blocking(move || {
        let query = ListQuery {
            agency,
            language,
            limit: limit.clamp(1, MAX_ROWS),
            offset,
        };
        Ok(state
            .open()?
            .list(&query)?
            .into_iter()
            .map(Into::into)
            .collect())
    })
    .await
}

/// One stored story.
#[tauri::command]
pub async fn get_story(state: State<'_, AppState>, id: i64) -> CmdResult<Story> {
    let state = state.inner().clone();
    blocking(move || Ok(state.open()?.get(id)?.into())).await
}

/// Removes one stored story.
#[tauri::command]
pub async fn remove_story(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    let state = state.inner().clone();
    blocking(move || Ok(state.open()?.remove(id)?)).await
}

/// Counts the stories a prune would remove; removes nothing.
#[tauri::command]
pub async fn prune_plan(state: State<'_, AppState>, request: PruneRequest) -> CmdResult<PrunePlan> {
    let filter = prune_filter(&request)?;
    let state = state.inner().clone();
    blocking(move || Ok(state.open()?.prune_plan(&filter)?.into())).await
}

/// Removes the stories published before a day (of one agency or all), in one transaction.
#[tauri::command]
pub async fn prune_stories(
    state: State<'_, AppState>,
    request: PruneRequest,
) -> CmdResult<PruneSummary> {
    let filter = prune_filter(&request)?;
    let state = state.inner().clone();
    blocking(move || Ok(state.open()?.prune(&filter)?.into())).await
}

/// Gives the space freed inside the archive file back to the disk.
#[tauri::command]
pub async fn compact_archive(state: State<'_, AppState>) -> CmdResult<CompactSummary> {
    let state = state.inner().clone();
    blocking(move || Ok(state.open()?.compact()?.into())).await
}

/// The core's filter of a prune request; a date that is not a day is refused by the core.
fn prune_filter(request: &PruneRequest) -> CmdResult<PruneFilter> {
    if let Some(agency) = &request.agency {
        limit_len("The agency", agency, 100)?;
    }
    Ok(PruneFilter::new(
        &request.before,
        request.agency.as_deref(),
    )?)
}

/// The language a list or search is limited to, as its stored ISO 639-1 code; none for all.
fn language_filter(given: Option<String>) -> CmdResult<Option<String>> {
    let Some(given) = given.filter(|g| !g.trim().is_empty()) else {
        return Ok(None);
    };
    match Language::from_code(&given) {
        Some(language) => Ok(Some(language.code().to_string())),
        None => Err(AppError::invalid(format!(
            "Unknown language {given:?}: Wirecheck reads {}.",
            Language::ALL.map(|l| l.code()).join(", ")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_filter_takes_a_code_or_a_name_and_refuses_others_by_name() {
        assert_eq!(language_filter(None).unwrap(), None);
        assert_eq!(language_filter(Some(" ".into())).unwrap(), None);
        assert_eq!(
            language_filter(Some("FR".into())).unwrap().as_deref(),
            Some("fr")
        );
        assert_eq!(
            language_filter(Some("German".into())).unwrap().as_deref(),
            Some("de")
        );
        let error = language_filter(Some("xx".into())).unwrap_err();
        assert!(error.message.contains("Unknown language \"xx\""), "{error}");
        assert!(error.message.contains("en, fr, de, es, pt, it"), "{error}");
    }
}
