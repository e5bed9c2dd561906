//! Every stored story, read in pages in id order, and written out: for `wirecheck export`, the
//! Python module's `Archive.stories()`, and a Spark job that fingerprints the archive in its
//! executors.
//!
//! An export holds each story's fields as `wirecheck show --json` gives them, one story a line
//! (JSON Lines) or a row (Parquet, one row group per page, Snappy-compressed as Spark writes
//! by default), so that a job reads back the stories the archive holds, with their ids.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use rusqlite::params;

use super::store::{Archive, STORY_COLUMNS, Story, story_from_row};
use crate::{Error, Result};

/// Stories read, and written as a Parquet row group, at a time.
const EXPORT_PAGE: usize = 10_000;

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

/// The format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportFormat {
    /// One JSON object a line.
    JsonLines,
    /// An Apache Parquet file.
    Parquet,
}

/// Writes every story of `archive` to `out` (a temporary file beside it, renamed when complete)
/// and returns how many.
pub fn export_stories(archive: &Archive, out: &Path, format: ExportFormat) -> Result<usize> {
    let temp = out.with_extension("partial");
    let file = File::create(&temp).map_err(|e| Error::io(&temp, e))?;
    let written = match format {
        ExportFormat::JsonLines => write_json_lines(archive, BufWriter::new(file), &temp),
        ExportFormat::Parquet => write_parquet(archive, file),
    };
    let count = match written {
        Ok(count) => count,
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
    };
    std::fs::rename(&temp, out).map_err(|e| Error::io(out, e))?;
    Ok(count)
}

/// Calls `each` with every page of stories, in id order.
fn for_each_page(archive: &Archive, mut each: impl FnMut(&[Story]) -> Result<()>) -> Result<usize> {
    let mut after = 0;
    let mut count = 0;
    archive.in_read_transaction(|| {
        loop {
            let page = archive.stories_after(after, EXPORT_PAGE)?;
            let Some(last) = page.last() else {
                return Ok(count);
            };
            after = last.id;
            count += page.len();
            each(&page)?;
        }
    })
}

fn write_json_lines(archive: &Archive, mut out: impl Write, path: &Path) -> Result<usize> {
    let count = for_each_page(archive, |page| {
        for story in page {
            serde_json::to_writer(&mut out, story)
                .map_err(|e| Error::Invalid(format!("cannot write a story: {e}")))?;
            out.write_all(b"\n").map_err(|e| Error::io(path, e))?;
        }
        Ok(())
    })?;
    out.flush().map_err(|e| Error::io(path, e))?;
    Ok(count)
}

/// The Parquet schema: the fields of [`Story`], in its order.
const PARQUET_SCHEMA: &str = "message story {
    REQUIRED INT64 id;
    OPTIONAL BYTE_ARRAY agency (UTF8);
    REQUIRED BYTE_ARRAY headline (UTF8);
    OPTIONAL BYTE_ARRAY byline (UTF8);
    OPTIONAL BYTE_ARRAY dateline (UTF8);
    OPTIONAL BYTE_ARRAY published (UTF8);
    OPTIONAL BYTE_ARRAY version_created (UTF8);
    OPTIONAL BYTE_ARRAY external_id (UTF8);
    REQUIRED BYTE_ARRAY origin (UTF8);
    REQUIRED BYTE_ARRAY format (UTF8);
    REQUIRED BYTE_ARRAY body (UTF8);
    REQUIRED INT64 words;
    REQUIRED BYTE_ARRAY imported_at (UTF8);
    OPTIONAL BYTE_ARRAY language (UTF8);
}";

/// One column of a page of stories.
enum Column {
    Int(Vec<i64>),
    Text(Vec<ByteArray>),
    Optional(Vec<ByteArray>, Vec<i16>),
}

fn text<'a>(values: impl Iterator<Item = &'a str>) -> Column {
    Column::Text(values.map(ByteArray::from).collect())
}

fn optional<'a>(values: impl Iterator<Item = &'a Option<String>>) -> Column {
    let mut present = Vec::new();
    let mut levels = Vec::new();
    for value in values {
        levels.push(i16::from(value.is_some()));
        if let Some(v) = value {
            present.push(ByteArray::from(v.as_str()));
        }
    }
    Column::Optional(present, levels)
}

fn columns(page: &[Story]) -> Vec<Column> {
    let s = || page.iter();
    vec![
        Column::Int(s().map(|x| x.id).collect()),
        optional(s().map(|x| &x.agency)),
        text(s().map(|x| x.headline.as_str())),
        optional(s().map(|x| &x.byline)),
        optional(s().map(|x| &x.dateline)),
        optional(s().map(|x| &x.published)),
        optional(s().map(|x| &x.version_created)),
        optional(s().map(|x| &x.external_id)),
        text(s().map(|x| x.origin.as_str())),
        // The format's name as JSON gives it, so both exports read back alike.
        Column::Text(
            s().map(|x| {
                ByteArray::from(
                    serde_json::to_value(x.format)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                        .into_bytes(),
                )
            })
            .collect(),
        ),
        text(s().map(|x| x.body.as_str())),
        Column::Int(s().map(|x| x.words).collect()),
        text(s().map(|x| x.imported_at.as_str())),
        optional(s().map(|x| &x.language)),
    ]
}

fn write_parquet(archive: &Archive, file: File) -> Result<usize> {
    let parquet =
        |e: parquet::errors::ParquetError| Error::Invalid(format!("cannot write Parquet: {e}"));
    let schema = Arc::new(parse_message_type(PARQUET_SCHEMA).map_err(parquet)?);
    let properties = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    );
    let mut writer = SerializedFileWriter::new(file, schema, properties).map_err(parquet)?;
    let count = for_each_page(archive, |page| {
        let mut group = writer.next_row_group().map_err(parquet)?;
        for column in columns(page) {
            let Some(mut out) = group.next_column().map_err(parquet)? else {
                break;
            };
            match &column {
                Column::Int(values) => out.typed::<Int64Type>().write_batch(values, None, None),
                Column::Text(values) => {
                    out.typed::<ByteArrayType>().write_batch(values, None, None)
                }
                Column::Optional(values, levels) => {
                    out.typed::<ByteArrayType>()
                        .write_batch(values, Some(levels), None)
                }
            }
            .map_err(parquet)?;
            out.close().map_err(parquet)?;
        }
        group.close().map_err(parquet)?;
        Ok(())
    })?;
    writer.close().map_err(parquet)?;
    Ok(count)
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

    #[test]
    fn both_exports_hold_every_story_with_its_fields() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        use parquet::record::Field;

        let mut archive = Archive::open_in_memory().unwrap();
        for n in 0..3 {
            archive
                .insert(NewStory {
                    headline: format!("Story {n}"),
                    body: format!("The ferry to island number {n} sails at dawn on weekdays."),
                    agency: (n != 1).then(|| "Reuters".to_string()),
                    origin: format!("test:{n}"),
                    ..NewStory::default()
                })
                .unwrap();
        }
        let stories = archive.stories_after(0, 10).unwrap();
        let dir = tempfile::tempdir().unwrap();

        let jsonl = dir.path().join("stories.jsonl");
        assert_eq!(
            export_stories(&archive, &jsonl, ExportFormat::JsonLines).unwrap(),
            3
        );
        let read: Vec<Story> = std::fs::read_to_string(&jsonl)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(read, stories, "JSON Lines reads back as the stored stories");

        let path = dir.path().join("stories.parquet");
        assert_eq!(
            export_stories(&archive, &path, ExportFormat::Parquet).unwrap(),
            3
        );
        assert!(!dir.path().join("stories.partial").exists());
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let rows: Vec<_> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(rows.len(), 3);
        for (row, story) in rows.iter().zip(&stories) {
            let fields: std::collections::HashMap<&str, &Field> = row
                .get_column_iter()
                .map(|(k, v)| (k.as_str(), v))
                .collect();
            assert_eq!(fields["id"], &Field::Long(story.id));
            assert_eq!(fields["body"], &Field::Str(story.body.clone()));
            assert_eq!(fields["format"], &Field::Str("plain".into()));
            match &story.agency {
                Some(a) => assert_eq!(fields["agency"], &Field::Str(a.clone())),
                None => assert_eq!(fields["agency"], &Field::Null, "a story without agency"),
            }
        }
    }
}
