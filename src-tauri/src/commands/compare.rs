//! Comparing an article with one wire story: given beside it, or stored and picked by hand.
//! Comparisons are saved in the history like checks, with their story.

use tauri::State;
use wirecheck_core::text::decode::{decode, looks_binary};
use wirecheck_core::{
    Archive, LoadedCheck, MAX_ARTICLE_BYTES, Report, Settings, Story, compare_with_stored,
    compare_with_story,
};

use super::{blocking, check_result};
use crate::dto::{CheckResult, CompareRequest, CompareStoredRequest, StoredStory};
use crate::error::{AppError, CmdResult};
use crate::state::AppState;

/// Where a pasted wire story comes from, as the archive keeps it if it is added.
const PASTED_ORIGIN: &str = "pasted in Compare";

/// Compares an article (plain text or HTML) with one wire story (text, HTML, NITF or NewsML),
/// with the archive's aliases and the preset asked for, and saves the comparison with its story
/// to the history.
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
        let mut archive = state.open()?;
        let mut settings = archive.settings()?;
        settings.preset = request.preset.into();
        let (report, story) = compare_with_story(
            request.article.as_bytes(),
            request.source.as_bytes(),
            PASTED_ORIGIN,
            agency.as_deref(),
            &settings.check_options(),
        )?;
        saved(&mut archive, report, settings, story)
    })
    .await
}

/// Compares an article with one stored story, whether or not a check would propose it, and
/// saves the comparison to the history.
#[tauri::command]
pub async fn compare_stored(
    state: State<'_, AppState>,
    request: CompareStoredRequest,
) -> CmdResult<CheckResult> {
    validate("article", "Paste the article", &request.article)?;
    let state = state.inner().clone();
    blocking(move || {
        let mut archive = state.open()?;
        let mut settings = archive.settings()?;
        if let Some(preset) = request.preset {
            settings.preset = preset.into();
        }
        let (report, story) = compare_with_stored(
            &archive,
            request.article.as_bytes(),
            request.story_id,
            &settings.check_options(),
        )?;
        saved(&mut archive, report, settings, story)
    })
    .await
}

/// Stores the wire story of a saved comparison in the archive, so later checks find it.
#[tauri::command]
pub async fn add_compared_story(
    state: State<'_, AppState>,
    check_id: i64,
) -> CmdResult<StoredStory> {
    let state = state.inner().clone();
    blocking(move || Ok(state.open()?.store_compared_story(check_id)?.into())).await
}

/// Saves a comparison to the history and gives it back as the review shows it.
fn saved(
    archive: &mut Archive,
    report: Report,
    settings: Settings,
    story: Story,
) -> CmdResult<CheckResult> {
    let check = archive.save_comparison(&report, &settings, &story)?;
    let loaded = LoadedCheck {
        check,
        report,
        settings,
        decisions: Vec::new(),
        story: Some(story),
    };
    check_result(archive, loaded)
}

/// The text of a file dropped on a compare area, decoded from its encoding. Markup (HTML, NITF,
/// NewsML) is kept as it is: the comparison reads it as it reads a paste. Folders, binary,
/// empty and oversized files are refused with a sentence naming the file.
#[tauri::command]
pub async fn read_dropped_file(path: String) -> CmdResult<String> {
    blocking(move || read_text_file(std::path::Path::new(&path))).await
}

fn read_text_file(path: &std::path::Path) -> CmdResult<String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let meta = std::fs::metadata(path)
        .map_err(|e| AppError::invalid(format!("{name} cannot be read: {e}.")))?;
    if !meta.is_file() {
        return Err(AppError::invalid(format!(
            "{name} is a folder: drop one file on the area (folders are imported from the Archive)."
        )));
    }
    if meta.len() > MAX_ARTICLE_BYTES as u64 {
        return Err(AppError::invalid(format!(
            "{name} is too large ({} KB; the limit is {} KB).",
            meta.len() / 1024,
            MAX_ARTICLE_BYTES / 1024
        )));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| AppError::invalid(format!("{name} cannot be read: {e}.")))?;
    if looks_binary(&bytes) {
        return Err(AppError::invalid(format!("{name} is not a text file.")));
    }
    let text = decode(&bytes).text;
    if text.trim().is_empty() {
        return Err(AppError::invalid(format!("{name} is empty.")));
    }
    Ok(text)
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
    fn a_dropped_file_is_read_as_text_and_bad_files_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let nitf = dir.path().join("story.xml");
        std::fs::write(
            &nitf,
            "<nitf><body><p>Caf\u{e9} owners met.</p></body></nitf>",
        )
        .unwrap();
        assert!(read_text_file(&nitf).unwrap().contains("Café owners met."));
        let latin1 = dir.path().join("old.txt");
        std::fs::write(
            &latin1,
            b"Caf\xe9 owners met on Tuesday in the old town hall.",
        )
        .unwrap();
        assert!(
            read_text_file(&latin1).unwrap().contains("Café"),
            "decoded, not mangled"
        );
        let cases = [
            (dir.path().to_path_buf(), "is a folder"),
            (dir.path().join("missing.txt"), "cannot be read"),
        ];
        for (path, needle) in cases {
            let error = read_text_file(&path).unwrap_err();
            assert!(error.message.contains(needle), "{error}");
        }
        let binary = dir.path().join("photo.jpg");
        std::fs::write(&binary, [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0, 0, 1, 2]).unwrap();
        let error = read_text_file(&binary).unwrap_err();
        assert!(
            error.message.contains("photo.jpg is not a text file"),
            "{error}"
        );
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, " \n").unwrap();
        assert!(
            read_text_file(&empty)
                .unwrap_err()
                .message
                .contains("empty.txt is empty")
        );
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "a".repeat(MAX_ARTICLE_BYTES + 1)).unwrap();
        assert!(
            read_text_file(&big)
                .unwrap_err()
                .message
                .contains("big.txt is too large")
        );
    }

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
