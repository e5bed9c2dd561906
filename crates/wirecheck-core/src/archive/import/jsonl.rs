//! JSON Lines: one story object a line, as exported by feeds and by other tools.
//!
//! Fields: `body` (required), `headline`, `agency`, `published`, `id` (string or number),
//! and, when present, `byline`, `dateline` and `version_created`; others are ignored, `null`
//! counts as absent. A file is imported whole or not at all: one bad line skips the file, so
//! a half-imported feed never passes for a complete one.

use serde_json::{Map, Value};

use super::{NewStory, SkipReason};
use crate::archive::StoryFormat;

/// Parses a JSON Lines file; blank lines are ignored.
pub(crate) fn parse(text: &str, origin: &str) -> Result<Vec<NewStory>, SkipReason> {
    let mut stories = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let story = parse_line(line, origin).map_err(|message| SkipReason::Malformed {
            format: "JSON Lines",
            message: format!("line {}: {message}", index + 1),
        })?;
        stories.push(story);
    }
    Ok(stories)
}

fn parse_line(line: &str, origin: &str) -> Result<NewStory, String> {
    // serde_json bounds nesting depth itself, so hostile input cannot overflow the stack.
    let value: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let Value::Object(object) = value else {
        return Err("not a JSON object".to_owned());
    };
    let body = string_field(&object, "body")?.ok_or("no `body` field")?;
    if body.trim().is_empty() {
        return Err("empty `body`".to_owned());
    }
    let external_id = match object.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) => Some(id.clone()),
        Some(Value::Number(id)) => Some(id.to_string()),
        Some(_) => return Err("`id` must be a string or a number".to_owned()),
    };
    Ok(NewStory {
        headline: string_field(&object, "headline")?.unwrap_or_default(),
        body,
        agency: string_field(&object, "agency")?,
        byline: string_field(&object, "byline")?,
        dateline: string_field(&object, "dateline")?,
        published: string_field(&object, "published")?,
        version_created: string_field(&object, "version_created")?,
        external_id,
        origin: origin.to_owned(),
        format: StoryFormat::JsonLines,
    })
}

/// A string field; absent and `null` are `None`, any other type is an error.
pub(crate) fn string_field(
    object: &Map<String, Value>,
    name: &str,
) -> Result<Option<String>, String> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("`{name}` must be a string")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn malformed(text: &str) -> String {
        match parse(text, "feed.jsonl") {
            Err(SkipReason::Malformed { format, message }) => {
                assert_eq!(format, "JSON Lines");
                message
            }
            other => panic!("expected the whole file to be skipped, got {other:?}"),
        }
    }

    #[test]
    fn stories_are_read_with_their_fields() {
        let text = "{\"id\": 17, \"headline\": \"Kites fly\", \"body\": \"Kites flew.\", \
                    \"agency\": \"Coastal Wire\", \"published\": \"2021-04-02T10:00:00Z\"}\n\
                    \n\
                    {\"id\": \"cw-18\", \"body\": \"Second.\\n\\nPara.\", \"extra\": [1, 2]}\n";
        let stories = parse(text, "feed.jsonl").unwrap();
        assert_eq!(stories.len(), 2, "the blank line is ignored");
        let first = &stories[0];
        assert_eq!(
            first.external_id.as_deref(),
            Some("17"),
            "numeric ids become text"
        );
        assert_eq!(first.headline, "Kites fly");
        assert_eq!(first.agency.as_deref(), Some("Coastal Wire"));
        assert_eq!(first.published.as_deref(), Some("2021-04-02T10:00:00Z"));
        assert_eq!(first.format, StoryFormat::JsonLines);
        let second = &stories[1];
        assert_eq!(second.external_id.as_deref(), Some("cw-18"));
        assert_eq!(second.headline, "", "a missing headline is empty");
        assert_eq!(second.body, "Second.\n\nPara.");
        assert!(stories.iter().all(|s| s.origin == "feed.jsonl"));
    }

    #[test]
    fn one_bad_line_skips_the_whole_file_and_names_the_line() {
        let ok = "{\"body\": \"Fine.\"}\n";
        assert!(malformed(&format!("{ok}{{\"headline\": \"x\"}}\n")).starts_with("line 2: no"));
        assert!(malformed(&format!("{ok}\n{{\"body\": broken\n")).starts_with("line 3: "));
        assert!(malformed("[1, 2]\n").contains("not a JSON object"));
        assert!(malformed("{\"body\": 5}").contains("`body` must be a string"));
        assert!(malformed("{\"body\": \"x\", \"id\": [1]}").contains("`id`"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!(
            "{{\"body\": \"x\", \"n\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(malformed(&deep).starts_with("line 1: "));
    }
}
