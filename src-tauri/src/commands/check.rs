//! Checking an article.

use tauri::{AppHandle, Emitter, Runtime, State};
use wirecheck_core::{MAX_ARTICLE_BYTES, check_text, demo};

use super::{blocking, saved_check};
use crate::dto::{CheckProgress, CheckRequest, CheckResult, DemoArticle};
use crate::error::{AppError, CmdResult};
use crate::state::AppState;

/// Checks an article (plain text or HTML) against the archive and saves it to the history.
#[tauri::command]
pub async fn check_article<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: CheckRequest,
) -> CmdResult<CheckResult> {
    if request.text.trim().is_empty() {
        return Err(AppError::invalid(
            "Paste an article to check: the text is empty.",
        ));
    }
    if request.text.len() > MAX_ARTICLE_BYTES {
        return Err(AppError::invalid(format!(
            "The article is too large ({} KB; the limit is {} KB).",
            request.text.len() / 1024,
            MAX_ARTICLE_BYTES / 1024
        )));
    }
    if let Some(date) = &request.published_before {
        validate_date(date)?;
    }
    let state = state.inner().clone();
    let progress = |stage: &str| {
        // A lost progress event only costs the UI a label.
        let _ = app.emit(
            "check-progress",
            CheckProgress {
                stage: stage.into(),
            },
        );
    };
    progress("checking");
    let result = blocking(move || {
        let mut archive = state.open()?;
        let settings = archive.settings()?;
        let mut options = settings.check_options();
        options.published_before = request.published_before;
        let report = check_text(&archive, &request.text, &options)?;
        saved_check(&mut archive, report, settings)
    })
    .await;
    progress("done");
    result
}

/// Turns HTML pasted from a browser into the article's text.
#[tauri::command]
pub fn html_to_text(html: String) -> CmdResult<String> {
    if html.len() > MAX_ARTICLE_BYTES {
        return Err(AppError::invalid("The pasted HTML is too large."));
    }
    Ok(wirecheck_core::text::html::extract(&html).text)
}

/// The bundled fictional demo articles.
#[tauri::command]
pub fn demo_articles() -> Vec<DemoArticle> {
    demo::ARTICLES
        .iter()
        .map(|(name, bytes)| DemoArticle {
            name: name.to_string(),
            text: wirecheck_core::text::decode::decode(bytes).text,
        })
        .collect()
}

/// Accepts `YYYY-MM-DD`.
fn validate_date(date: &str) -> CmdResult<()> {
    let ok = date.len() == 10
        && date.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    if ok {
        Ok(())
    } else {
        Err(AppError::invalid(format!(
            "\"{date}\" is not a date like 2026-05-09."
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_iso() {
        assert!(validate_date("2026-05-09").is_ok());
        for bad in [
            "2026-5-9",
            "09/05/2026",
            "",
            "2026-05-09T00:00",
            "abcd-ef-gh",
        ] {
            assert!(validate_date(bad).is_err(), "{bad:?} must be refused");
        }
    }
}
