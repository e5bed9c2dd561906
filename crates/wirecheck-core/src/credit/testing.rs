//! Fictional texts and assertions shared by the credit forms' unit tests.

use super::agencies::AgencyTable;
use super::detect::find_credits;

pub const P1: &str =
    "The fictional town of Lowmere opened a footbridge over the river on Tuesday, officials said.";
pub const P2: &str =
    "Residents had waited nearly a decade for the crossing, which links the square to the station.";
pub const P3: &str =
    "The mayor, Ada Quill, said the bridge would carry about two thousand walkers a day.";
pub const BANNER: &str =
    "If you value our reporting, please donate today. Every contribution keeps us independent.";

/// `line` as a paragraph in the middle of a long text, far from either end.
pub fn amid(line: &str) -> String {
    paras(&[P1, P2, P3, P1, P2, P3, line, P1, P2, P3, P1, P2, P3])
}

/// (agency, kind, credited phrase) for every credit in `text`.
pub fn found(text: &str) -> Vec<(String, &'static str, String)> {
    find_credits(&AgencyTable::builtin(), text)
        .into_iter()
        .map(|c| {
            assert!(
                c.start < c.end && c.end <= text.len(),
                "range inside the text: {c:?}"
            );
            (c.agency, c.kind.as_str(), text[c.start..c.end].to_string())
        })
        .collect()
}

pub fn one(text: &str) -> (String, &'static str, String) {
    let got = found(text);
    assert_eq!(
        got.len(),
        1,
        "exactly one credit expected in {text:?}, got {got:?}"
    );
    got.into_iter().next().unwrap()
}

pub fn paras(parts: &[&str]) -> String {
    parts.join("\n\n")
}

pub fn assert_credit(text: &str, agency: &str, kind: &str, phrase: &str) {
    let (a, k, p) = one(text);
    assert_eq!(
        (a.as_str(), k, p.as_str()),
        (agency, kind, phrase),
        "in {text:?}"
    );
}

pub fn assert_none(text: &str) {
    let got = found(text);
    assert!(got.is_empty(), "no genuine credit in {text:?}, got {got:?}");
}

/// Six paragraphs of a story, to put a line far from either end of a text.
pub const SIX: [&str; 6] = [P1, P2, P3, P1, P2, P3];

/// A paragraph long enough to be a live blog's entry or a compilation's item.
pub const ENTRY: &str = "The fictional town of Lowmere opened a footbridge over the river on \
    Tuesday after nearly a decade of delays, and the mayor said it would carry two thousand \
    walkers a day.";
