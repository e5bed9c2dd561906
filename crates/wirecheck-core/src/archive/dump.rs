//! Every stored story, read in pages in id order: for the Python module's `Archive.stories()`
//! and a job that fingerprints the archive outside it.

use rusqlite::params;

use super::store::{Archive, STORY_COLUMNS, Story, story_from_row};
use crate::Result;

impl Archive {
    /// Up to `limit` stories whose id is greater than `after`, in id order: a page of the whole
    /// archive (start with `after = 0`, then pass the last id read).
    pub fn stories_after(&self, after: i64, limit: usize) -> Result<Vec<Story>> {
        let sql = format!("SELECT {STORY_COLUMNS} FROM stories WHERE id > ?1 ORDER BY id LIMIT ?2");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![after, i64::try_from(limit).unwrap_or(i64::MAX)],
            story_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::NewStory;

    #[test]
    fn pages_cover_every_story_once_in_id_order() {
        let mut archive = Archive::open_in_memory().unwrap();
        for n in 0..5 {
            archive
                .insert(NewStory {
                    headline: format!("Story {n}"),
                    body: format!("The ferry to island number {n} sails at dawn on weekdays."),
                    origin: format!("test:{n}"),
                    ..NewStory::default()
                })
                .unwrap();
        }
        let mut seen = Vec::new();
        let mut after = 0;
        loop {
            let page = archive.stories_after(after, 2).unwrap();
            let Some(last) = page.last() else { break };
            assert!(page.len() <= 2, "a page holds at most the limit");
            after = last.id;
            seen.extend(page.into_iter().map(|s| s.headline));
        }
        let expected: Vec<String> = (0..5).map(|n| format!("Story {n}")).collect();
        assert_eq!(seen, expected);
    }
}
