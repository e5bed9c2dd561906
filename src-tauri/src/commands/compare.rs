//! Comparing an article with one wire story given beside it.

use tauri::State;
use wirecheck_core::{MAX_ARTICLE_BYTES, compare_with_story};

use super::blocking;
use crate::dto::{CheckResult, CompareRequest, SavedCheck};
use crate::error::{AppError, CmdResult};
use crate::state::AppState;

/// Compares an article (plain text or HTML) with one wire story (text, HTML, NITF or NewsML),
/// with the archive's aliases and the preset asked for. Nothing is saved: the result's check id
/// is 0.
#[tauri::command]
pub async fn compare_texts(
    state: State<'_, AppState>,
    request: CompareRequest,
) -> CmdResult<CheckResult> {
    validate("article", "Paste the article", &request.article)?;
    validate("wire story", "Paste the wire story", &request.source)?;
    let agency = request
        .agency
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string);
    if let Some(agency) = &agency {
        super::limit_len("The agency", agency, 100)?;
    }
    let state = state.inner().clone();
    blocking(move || {
        let archive = state.open()?;
        let mut settings = archive.settings()?;
        settings.preset = request.preset.into();
        let options = settings.check_options();
        let (report, story) = compare_with_story(
            request.article.as_bytes(),
            request.source.as_bytes(),
            "pasted in Compare",
            agency.as_deref(),
            &options,
        )?;
        let check = SavedCheck::unsaved(&report, &story);
        Ok(CheckResult {
            check,
            report: report.into(),
            stories: vec![story.into()],
            decisions: Vec::new(),
        })
    })
    .await
}

/// Refuses an empty or oversized text with a sentence naming which one.
fn validate(what: &str, empty_hint: &str, text: &str) -> CmdResult<()> {
    if text.trim().is_empty() {
        return Err(AppError::invalid(format!(
            "{empty_hint} to compare: the {what} is empty."
        )));
    }
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(AppError::invalid(format!(
            "The {what} is too large ({} KB; the limit is {} KB).",
            text.len() / 1024,
            MAX_ARTICLE_BYTES / 1024
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_oversized_texts_are_refused_by_name() {
        let empty = validate("wire story", "Paste the wire story", " \n").unwrap_err();
        assert!(empty.message.contains("wire story is empty"), "{empty}");
        let big = "a".repeat(MAX_ARTICLE_BYTES + 1);
        let error = validate("article", "Paste the article", &big).unwrap_err();
        assert!(error.message.contains("article is too large"), "{error}");
        assert!(validate("article", "Paste the article", "Some text.").is_ok());
    }
}
