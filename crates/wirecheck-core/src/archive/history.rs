//! Saved checks and comparisons, and the editor's decisions on their flags: the history of the
//! desktop app.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::settings::{Settings, settings_from_json, settings_to_json};
use super::store::{Archive, InsertOutcome, Story};
use crate::report::Report;
use crate::verdict::Derived;
use crate::{Error, Result};

/// Longest title kept, in characters.
const MAX_TITLE_CHARS: usize = 100;
/// Longest decision reason, in characters: a reason is a short label, the note holds the rest.
const MAX_REASON_CHARS: usize = 200;
/// Longest decision note, in characters.
const MAX_NOTE_CHARS: usize = 5_000;
/// Rows listed when the caller asks for 0.
const DEFAULT_LIMIT: usize = 100;

/// A check saved in the history, as listed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SavedCheck {
    /// The id in the archive.
    pub id: i64,
    /// When it was saved (UTC, ISO 8601).
    pub created_at: String,
    /// The first line of the article, shortened.
    pub title: String,
    /// The verdict.
    pub derived: Derived,
    /// Share of the article matched to any source, 0..=1.
    pub coverage: f64,
    /// Number of flagged sources.
    pub flags: usize,
    /// For a comparison, the headline of the wire story it was made with (may be empty);
    /// `None` for a check against the archive.
    pub compared_with: Option<String>,
}

/// A saved check with everything needed to review it again.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LoadedCheck {
    /// The history entry.
    pub check: SavedCheck,
    /// The report as it was made.
    pub report: Report,
    /// The settings the check ran with.
    pub settings: Settings,
    /// The decisions taken so far, by source id.
    pub decisions: Vec<Decision>,
    /// For a comparison, the wire story it was made with, as it was then (it is usually in no
    /// archive); `None` for a check against the archive.
    pub story: Option<Story>,
}

/// An editor's decision on one source of a saved check.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Decision {
    /// The saved check.
    pub check_id: i64,
    /// The source story's id (the story itself may since have been removed).
    pub source_id: i64,
    /// Confirmed or dismissed.
    pub status: DecisionStatus,
    /// Why, in a few words.
    pub reason: String,
    /// A free note; may be empty.
    pub note: String,
    /// When the decision was taken (UTC, ISO 8601).
    pub decided_at: String,
}

/// What the editor decided about a flag.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DecisionStatus {
    /// The source was copied without credit.
    Confirmed,
    /// The flag is wrong or the copying is allowed.
    Dismissed,
}

impl DecisionStatus {
    /// The snake_case name used in JSON and in the archive.
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionStatus::Confirmed => "confirmed",
            DecisionStatus::Dismissed => "dismissed",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        match name {
            "confirmed" => Some(DecisionStatus::Confirmed),
            "dismissed" => Some(DecisionStatus::Dismissed),
            _ => None,
        }
    }
}

const CHECK_COLUMNS: &str =
    "id, created_at, title, derived, coverage, flags, json_extract(story, '$.headline')";

impl Archive {
    /// Saves a check and the settings it ran with to the history.
    pub fn save_check(&mut self, report: &Report, settings: &Settings) -> Result<SavedCheck> {
        self.save(report, settings, None)
    }

    /// Saves a comparison of an article with one wire story (`story`, the report's one
    /// candidate source), and the settings it ran with, to the history. The story is kept
    /// with it: it need not be in the archive.
    pub fn save_comparison(
        &mut self,
        report: &Report,
        settings: &Settings,
        story: &Story,
    ) -> Result<SavedCheck> {
        self.save(report, settings, Some(story))
    }

    fn save(
        &mut self,
        report: &Report,
        settings: &Settings,
        story: Option<&Story>,
    ) -> Result<SavedCheck> {
        let report_json = serde_json::to_string(report)
            .map_err(|e| Error::Invalid(format!("the report cannot be saved: {e}")))?;
        let settings_json = settings_to_json(settings)?;
        let story_json = story
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| Error::Invalid(format!("the wire story cannot be saved: {e}")))?;
        let sql = format!(
            "INSERT INTO checks (title, derived, coverage, flags, report, settings, story) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING {CHECK_COLUMNS}"
        );
        let saved = self.conn.prepare_cached(&sql)?.query_row(
            params![
                title(&report.text),
                report.derived.as_str(),
                report.coverage,
                report.flags.len() as i64,
                report_json,
                settings_json,
                story_json,
            ],
            check_from_row,
        )?;
        Ok(saved)
    }

    /// Saved checks, newest first; `limit` 0 means 100.
    pub fn checks(&self, limit: usize, offset: usize) -> Result<Vec<SavedCheck>> {
        let limit = if limit == 0 { DEFAULT_LIMIT } else { limit };
        let sql = format!("SELECT {CHECK_COLUMNS} FROM checks ORDER BY id DESC LIMIT ?1 OFFSET ?2");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![to_i64(limit), to_i64(offset)], check_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A saved check with its report, settings and decisions (and, for a comparison, its story).
    pub fn load_check(&self, id: i64) -> Result<LoadedCheck> {
        let sql =
            format!("SELECT {CHECK_COLUMNS}, report, settings, story FROM checks WHERE id = ?1");
        let (check, report, settings, story) = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![id], |row| {
                Ok((
                    check_from_row(row)?,
                    row.get::<_, String>(7)?,
                    row.get::<_, String>(8)?,
                    row.get::<_, Option<String>>(9)?,
                ))
            })
            .optional()?
            .ok_or(Error::CheckNotFound(id))?;
        let report = serde_json::from_str(&report).map_err(|e| Error::Malformed {
            format: "saved check",
            message: e.to_string(),
        })?;
        let story = story.as_deref().map(story_from_json).transpose()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT check_id, source_id, status, reason, note, decided_at FROM decisions \
             WHERE check_id = ?1 ORDER BY source_id",
        )?;
        let decisions = stmt
            .query_map(params![id], decision_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(LoadedCheck {
            check,
            report,
            settings: settings_from_json(&settings),
            decisions,
            story,
        })
    }

    /// The stories to show beside a saved check: for a check, its sources' stories in the
    /// report's order, each as the check saw it (a story removed since, by `remove` or
    /// `prune`, from the copy kept with the check; one removed before copies were kept is
    /// missing); for a comparison, the story kept with it, whether or not the article was
    /// found to use it.
    pub fn stories_of(&self, check: &LoadedCheck) -> Result<Vec<Story>> {
        if let Some(story) = &check.story {
            return Ok(vec![story.clone()]);
        }
        let mut kept = self.conn.prepare_cached(
            "SELECT story FROM check_sources WHERE check_id = ?1 AND story_id = ?2",
        )?;
        let mut stories = Vec::with_capacity(check.report.sources.len());
        for source in &check.report.sources {
            let copy: Option<String> = kept
                .query_row(params![check.check.id, source.id], |r| r.get(0))
                .optional()?;
            match copy {
                Some(json) => stories.push(story_from_json(&json)?),
                None => stories.extend(self.get_many(&[source.id])?),
            }
        }
        Ok(stories)
    }

    /// Stores the wire story of saved comparison `check_id` in the archive, with its agency as
    /// it was compared, so later checks find it. The archive's duplicate rule applies: a story
    /// already stored (the same words) is not stored again, and its id is given back.
    pub fn store_compared_story(&mut self, check_id: i64) -> Result<InsertOutcome> {
        let story: Option<String> = self
            .conn
            .prepare_cached("SELECT story FROM checks WHERE id = ?1")?
            .query_row(params![check_id], |r| r.get(0))
            .optional()?
            .ok_or(Error::CheckNotFound(check_id))?;
        let story = story.ok_or_else(|| {
            Error::Invalid(format!(
                "check {check_id} is a check against the archive, not a comparison: it has no wire story of its own"
            ))
        })?;
        let story = story_from_json(&story)?;
        self.insert(story.to_new_story())
    }

    /// Records (or replaces) the decision on source `source_id` of check `check_id`.
    pub fn decide(
        &mut self,
        check_id: i64,
        source_id: i64,
        status: DecisionStatus,
        reason: &str,
        note: &str,
    ) -> Result<Decision> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Error::Invalid("a decision needs a reason".into()));
        }
        if reason.chars().count() > MAX_REASON_CHARS {
            return Err(Error::Invalid(format!(
                "the reason may have at most {MAX_REASON_CHARS} characters; put the rest in the note"
            )));
        }
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(Error::Invalid(format!(
                "the note may have at most {MAX_NOTE_CHARS} characters"
            )));
        }
        let tx = self.write_transaction()?;
        let decision = {
            // The source list lives in the report's JSON; SQLite reads it without loading the
            // (possibly large) report into Rust.
            let is_source: bool = tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM json_each(report, '$.sources') \
                     WHERE json_extract(value, '$.id') = ?2) FROM checks WHERE id = ?1",
                )?
                .query_row(params![check_id, source_id], |r| r.get(0))
                .optional()?
                .ok_or(Error::CheckNotFound(check_id))?;
            if !is_source {
                return Err(Error::Invalid(format!(
                    "story {source_id} is not a source of check {check_id}"
                )));
            }
            tx.prepare_cached(
                "INSERT INTO decisions (check_id, source_id, status, reason, note, decided_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) \
                 ON CONFLICT (check_id, source_id) DO UPDATE SET status = excluded.status, \
                 reason = excluded.reason, note = excluded.note, decided_at = excluded.decided_at \
                 RETURNING check_id, source_id, status, reason, note, decided_at",
            )?
            .query_row(
                params![check_id, source_id, status.as_str(), reason, note],
                decision_from_row,
            )?
        };
        tx.commit()?;
        Ok(decision)
    }

    /// Removes the decision on source `source_id` of check `check_id` (undo); nothing happens
    /// when there is none.
    pub fn clear_decision(&mut self, check_id: i64, source_id: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM decisions WHERE check_id = ?1 AND source_id = ?2")?
            .execute(params![check_id, source_id])?;
        Ok(())
    }

    /// The check an audit's row (its folder and its name there) was saved as when it was
    /// opened in the review, if it was and the check is still saved.
    pub fn audit_row_check(&self, out_dir: &str, name: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT o.check_id FROM audit_opened o JOIN checks c ON c.id = o.check_id \
                 WHERE o.out_dir = ?1 AND o.name = ?2",
            )?
            .query_row(params![out_dir, name], |r| r.get(0))
            .optional()?)
    }

    /// Remembers that an audit's row was saved as check `check_id`, for
    /// [`Archive::audit_row_check`].
    pub fn remember_audit_row(&mut self, out_dir: &str, name: &str, check_id: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO audit_opened (out_dir, name, check_id) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![out_dir, name, check_id])?;
        Ok(())
    }

    /// Removes a saved check and its decisions.
    pub fn delete_check(&mut self, id: i64) -> Result<()> {
        let tx = self.write_transaction()?;
        // Explicitly, not only by cascade, so a connection without foreign keys leaves no orphans.
        tx.prepare_cached("DELETE FROM decisions WHERE check_id = ?1")?
            .execute(params![id])?;
        tx.prepare_cached("DELETE FROM audit_opened WHERE check_id = ?1")?
            .execute(params![id])?;
        let deleted = tx
            .prepare_cached("DELETE FROM checks WHERE id = ?1")?
            .execute(params![id])?;
        if deleted == 0 {
            return Err(Error::CheckNotFound(id));
        }
        tx.commit()?;
        Ok(())
    }
}

/// The first non-empty line of the article, at most [`MAX_TITLE_CHARS`] characters.
fn title(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("Untitled article");
    match line.char_indices().nth(MAX_TITLE_CHARS) {
        Some((cut, _)) => format!("{}…", line.get(..cut).unwrap_or(line).trim_end()),
        None => line.to_string(),
    }
}

fn story_from_json(json: &str) -> Result<Story> {
    serde_json::from_str(json).map_err(|e| Error::Malformed {
        format: "saved comparison",
        message: e.to_string(),
    })
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn conversion_error(column: usize, what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        format!("unknown {what} {value:?}").into(),
    )
}

fn check_from_row(row: &Row<'_>) -> rusqlite::Result<SavedCheck> {
    let derived: String = row.get(3)?;
    let flags: i64 = row.get(5)?;
    Ok(SavedCheck {
        id: row.get(0)?,
        created_at: row.get(1)?,
        title: row.get(2)?,
        derived: match derived.as_str() {
            "wholly" => Derived::Wholly,
            "partially" => Derived::Partially,
            "none" => Derived::None,
            other => return Err(conversion_error(3, "verdict", other)),
        },
        coverage: row.get(4)?,
        flags: usize::try_from(flags).unwrap_or(0),
        compared_with: row.get(6)?,
    })
}

fn decision_from_row(row: &Row<'_>) -> rusqlite::Result<Decision> {
    let status: String = row.get(2)?;
    Ok(Decision {
        check_id: row.get(0)?,
        source_id: row.get(1)?,
        status: DecisionStatus::from_name(&status)
            .ok_or_else(|| conversion_error(2, "decision status", &status))?,
        reason: row.get(3)?,
        note: row.get(4)?,
        decided_at: row.get(5)?,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::archive::NewStory;
    use crate::archive::store::InsertOutcome;

    pub(crate) const TIDE: &str = "Engineers at the Marrowby tidal barrage switched on the third \
        turbine hall on Thursday, lifting the plant's output to enough power for ninety thousand \
        homes along the estuary. The operator said the new hall had been delayed for a year by a \
        shortage of the special bronze used in the turbine blades.";
    pub(crate) const ORCHARD: &str = "Growers in the Kellan valley expect the smallest pear \
        harvest in two decades after a late frost in April killed most of the blossom, the \
        regional growers' cooperative said on Monday. Prices at the wholesale market have \
        already risen by a third since the start of the season.";

    /// An archive holding a Reuters and an AFP story, and an uncredited article copying both.
    pub(crate) fn fixture() -> (Archive, i64, i64, String) {
        let mut archive = Archive::open_in_memory().unwrap();
        let tide = insert(&mut archive, "Third turbine hall opens", TIDE, "Reuters");
        let orchard = insert(&mut archive, "Frost hits pear harvest", ORCHARD, "AFP");
        let article = format!("Valley news roundup\n\n{TIDE}\n\n{ORCHARD}\n");
        (archive, tide, orchard, article)
    }

    pub(crate) fn insert(archive: &mut Archive, headline: &str, body: &str, agency: &str) -> i64 {
        let story = NewStory {
            headline: headline.into(),
            body: body.into(),
            agency: Some(agency.into()),
            origin: format!("test:{headline}"),
            ..NewStory::default()
        };
        match archive.insert(story).unwrap() {
            InsertOutcome::Inserted(id) => id,
            other => panic!("fixture stories are distinct: {other:?}"),
        }
    }

    pub(crate) fn checked() -> (Archive, i64, i64, Report) {
        let (archive, tide, orchard, article) = fixture();
        let report =
            crate::check_text(&archive, &article, &Settings::default().check_options()).unwrap();
        assert_eq!(report.flags.len(), 2, "both uncredited sources are flagged");
        (archive, tide, orchard, report)
    }

    #[test]
    fn saved_checks_list_newest_first_and_load_back_whole() {
        let (mut archive, _, _, report) = checked();
        let settings = Settings {
            min_passage_words: 9,
            ..Settings::default()
        };
        let first = archive.save_check(&report, &Settings::default()).unwrap();
        let second = archive.save_check(&report, &settings).unwrap();
        assert_eq!(
            first.title, "Valley news roundup",
            "the title is the first line"
        );
        assert_eq!(first.derived, report.derived);
        assert_eq!(first.flags, 2);
        assert!(!first.created_at.is_empty());

        let listed = archive.checks(0, 0).unwrap();
        assert_eq!(
            listed.iter().map(|c| c.id).collect::<Vec<_>>(),
            vec![second.id, first.id],
            "newest first"
        );
        assert_eq!(
            archive.checks(1, 1).unwrap(),
            vec![first.clone()],
            "limit and offset page"
        );

        let loaded = archive.load_check(second.id).unwrap();
        assert_eq!(loaded.check, second);
        assert_eq!(
            loaded.report, report,
            "the report survives the JSON round trip"
        );
        assert_eq!(
            loaded.settings, settings,
            "the settings it ran with are kept"
        );
        assert!(loaded.decisions.is_empty());
        assert!(matches!(
            archive.load_check(999),
            Err(Error::CheckNotFound(999))
        ));
    }

    #[test]
    fn title_is_the_first_non_empty_line_cut_on_a_char_boundary() {
        assert_eq!(title("\n  \n  Storm warning  \nbody"), "Storm warning");
        assert_eq!(title("   "), "Untitled article");
        let long = "é".repeat(150);
        let cut = title(&long);
        assert_eq!(
            cut.chars().count(),
            MAX_TITLE_CHARS + 1,
            "100 characters and an ellipsis"
        );
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn decisions_upsert_undo_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.sqlite");
        let (_, tide, orchard, report) = checked();
        let id = {
            let mut archive = Archive::open(&path).unwrap();
            let saved = archive.save_check(&report, &Settings::default()).unwrap();
            let d = archive
                .decide(saved.id, tide, DecisionStatus::Dismissed, "licensed", "")
                .unwrap();
            assert_eq!(d.status, DecisionStatus::Dismissed);
            assert!(
                d.decided_at.ends_with('Z'),
                "UTC timestamp: {}",
                d.decided_at
            );
            let d = archive
                .decide(
                    saved.id,
                    tide,
                    DecisionStatus::Confirmed,
                    "  no licence  ",
                    "Ask desk",
                )
                .unwrap();
            assert_eq!(
                d.status,
                DecisionStatus::Confirmed,
                "a second decision replaces the first"
            );
            assert_eq!(d.reason, "no licence", "the reason is trimmed");
            archive
                .decide(
                    saved.id,
                    orchard,
                    DecisionStatus::Dismissed,
                    "syndicated",
                    "",
                )
                .unwrap();
            archive.clear_decision(saved.id, orchard).unwrap();
            archive.clear_decision(saved.id, orchard).unwrap();
            saved.id
        };
        let archive = Archive::open(&path).unwrap();
        let loaded = archive.load_check(id).unwrap();
        assert_eq!(
            loaded.decisions.len(),
            1,
            "the cleared decision is gone: {:?}",
            loaded.decisions
        );
        let kept = &loaded.decisions[0];
        assert_eq!(
            (kept.source_id, kept.status),
            (tide, DecisionStatus::Confirmed)
        );
        assert_eq!(kept.note, "Ask desk");
    }

    #[test]
    fn decisions_are_validated() {
        let (mut archive, tide, _, report) = checked();
        let id = archive
            .save_check(&report, &Settings::default())
            .unwrap()
            .id;
        let status = DecisionStatus::Confirmed;
        assert!(matches!(
            archive.decide(id + 1, tide, status, "copied", ""),
            Err(Error::CheckNotFound(_))
        ));
        match archive.decide(id, 424_242, status, "copied", "") {
            Err(Error::Invalid(message)) => assert!(message.contains("not a source"), "{message}"),
            other => panic!("a story outside the report cannot be decided: {other:?}"),
        }
        assert!(matches!(
            archive.decide(id, tide, status, "  \n ", ""),
            Err(Error::Invalid(_))
        ));
        let long_reason = "x".repeat(MAX_REASON_CHARS + 1);
        assert!(matches!(
            archive.decide(id, tide, status, &long_reason, ""),
            Err(Error::Invalid(_))
        ));
        let long_note = "y".repeat(MAX_NOTE_CHARS + 1);
        assert!(matches!(
            archive.decide(id, tide, status, "copied", &long_note),
            Err(Error::Invalid(_))
        ));
        assert!(
            archive.load_check(id).unwrap().decisions.is_empty(),
            "nothing invalid was stored"
        );
    }

    #[test]
    fn deleting_a_check_removes_its_decisions_but_a_removed_story_keeps_them() {
        let (mut archive, tide, orchard, report) = checked();
        let keep = archive
            .save_check(&report, &Settings::default())
            .unwrap()
            .id;
        let drop = archive
            .save_check(&report, &Settings::default())
            .unwrap()
            .id;
        archive
            .decide(keep, tide, DecisionStatus::Confirmed, "copied", "")
            .unwrap();
        archive
            .decide(drop, tide, DecisionStatus::Confirmed, "copied", "")
            .unwrap();
        archive.delete_check(drop).unwrap();
        assert!(matches!(
            archive.delete_check(drop),
            Err(Error::CheckNotFound(_))
        ));
        let orphans: i64 = archive
            .conn
            .query_row(
                "SELECT count(*) FROM decisions WHERE check_id = ?1",
                [drop],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(orphans, 0, "a deleted check leaves no decisions behind");

        archive.remove(tide).unwrap();
        archive.remove(orchard).unwrap();
        let loaded = archive.load_check(keep).unwrap();
        assert_eq!(
            loaded.decisions.len(),
            1,
            "a decision outlives the story it is about"
        );
    }

    /// A comparison of the valley roundup with a wire story that is not in the archive.
    fn compared() -> (Report, Story) {
        let (_, _, _, article) = fixture();
        let wire = format!("PORT ELLAN (Reuters) - {TIDE}");
        crate::compare_with_story(
            article.as_bytes(),
            wire.as_bytes(),
            "pasted in Compare",
            None,
            &Settings::default().check_options(),
        )
        .unwrap()
    }

    #[test]
    fn a_comparison_is_saved_with_its_story_and_loads_back_whole() {
        let mut archive = Archive::open_in_memory().unwrap();
        let (report, story) = compared();
        assert_eq!(
            report.flags.len(),
            1,
            "the tide passage is copied without credit"
        );
        let settings = Settings {
            preset: crate::Preset::Strict,
            ..Settings::default()
        };
        let saved = archive.save_comparison(&report, &settings, &story).unwrap();
        let check = archive.save_check(&report, &Settings::default()).unwrap();
        assert_eq!(
            saved.compared_with.as_deref(),
            Some(story.headline.as_str())
        );
        assert_eq!(check.compared_with, None, "a check is not a comparison");
        assert_eq!(saved.title, "Valley news roundup");

        let listed = archive.checks(0, 0).unwrap();
        assert_eq!(
            listed[1], saved,
            "the history lists it, marked as a comparison"
        );
        let loaded = archive.load_check(saved.id).unwrap();
        assert_eq!(
            loaded.story.as_ref(),
            Some(&story),
            "the story survives the round trip"
        );
        assert_eq!(loaded.report, report);
        assert_eq!(loaded.settings, settings, "the preset it ran with is kept");
        assert_eq!(
            archive.stories_of(&loaded).unwrap(),
            vec![story],
            "the review gets the saved story, not an archive story of the same id"
        );
        assert_eq!(archive.load_check(check.id).unwrap().story, None);
    }

    #[test]
    fn decisions_on_a_comparison_are_kept_and_checked_against_its_source() {
        let mut archive = Archive::open_in_memory().unwrap();
        let (report, story) = compared();
        let id = archive
            .save_comparison(&report, &Settings::default(), &story)
            .unwrap()
            .id;
        let decision = archive
            .decide(
                id,
                story.id,
                DecisionStatus::Dismissed,
                "Licensed content",
                "",
            )
            .unwrap();
        assert_eq!(decision.source_id, crate::UNSTORED_STORY_ID);
        assert!(matches!(
            archive.decide(id, 7, DecisionStatus::Confirmed, "copied", ""),
            Err(Error::Invalid(_))
        ));
        let loaded = archive.load_check(id).unwrap();
        assert_eq!(loaded.decisions, vec![decision]);
        archive.clear_decision(id, story.id).unwrap();
        assert!(archive.load_check(id).unwrap().decisions.is_empty());
    }

    #[test]
    fn the_compared_story_is_stored_once_and_a_check_then_finds_it() {
        let mut archive = Archive::open_in_memory().unwrap();
        let (_, _, _, article) = fixture();
        let options = Settings::default().check_options();
        assert!(
            crate::check_text(&archive, &article, &options)
                .unwrap()
                .sources
                .is_empty(),
            "an empty archive finds nothing"
        );
        let (report, story) = compared();
        let id = archive
            .save_comparison(&report, &Settings::default(), &story)
            .unwrap()
            .id;
        let InsertOutcome::Inserted(stored) = archive.store_compared_story(id).unwrap() else {
            panic!("the story was not in the archive")
        };
        let kept = archive.get(stored).unwrap();
        assert_eq!(kept.body, story.body);
        assert_eq!(
            kept.agency.as_deref(),
            Some("Reuters"),
            "with its agency as compared"
        );
        assert_eq!(kept.origin, "pasted in Compare");
        assert_eq!(
            archive.store_compared_story(id).unwrap(),
            InsertOutcome::Duplicate(stored),
            "the archive's duplicate rule: stored once"
        );
        let checked = crate::check_text(&archive, &article, &options).unwrap();
        assert_eq!(
            checked.sources.iter().map(|s| s.id).collect::<Vec<_>>(),
            vec![stored],
            "a later check finds it"
        );

        let check = archive.save_check(&checked, &Settings::default()).unwrap();
        assert!(matches!(
            archive.store_compared_story(check.id),
            Err(Error::Invalid(m)) if m.contains("not a comparison")
        ));
        assert!(matches!(
            archive.store_compared_story(999),
            Err(Error::CheckNotFound(999))
        ));
    }
}
