//! Sign-offs: the agency ending one of the last lines, after the text of the last paragraph,
//! "... on Monday. -- IANS" or "... said. (AFP)".

use super::mention::{Doc, EDGE_LINES, Group, Span};

/// From the sign-off's dash or bracket to the end of the line.
pub(super) fn sign_off(doc: &Doc, g: &Group) -> Option<Span> {
    if g.line + EDGE_LINES < doc.lines.len() {
        return None;
    }
    let line = doc.line(g.line);
    let after = doc.slice(g.end, line.end);
    if !after
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | ')'))
    {
        return None;
    }
    let before = doc.slice(line.start, g.start).trim_end();
    for sep in ["--", "\u{2014}", "\u{2013}", "\u{2015}", " -"] {
        if before.ends_with(sep) {
            let start = line.start + before.len() - sep.len() + usize::from(sep == " -");
            return Some((start, line.end));
        }
    }
    let head = before.strip_suffix('(')?.trim_end();
    head.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}'])
        .then_some(line.start + head.len())
        .map(|p| (p + doc.slice(p, g.start).find('(').unwrap_or(0), line.end))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn sign_off_ends_the_last_paragraph() {
        for (end, agency, phrase) in [
            (" -- IANS", "IANS", "-- IANS"),
            (" \u{2014} Reuters", "Reuters", "\u{2014} Reuters"),
            (" - ANI", "ANI", "- ANI"),
            (" (AFP)", "AFP", "(AFP)"),
        ] {
            let text = paras(&[P1, P2, &format!("{P3}{end}")]);
            assert_credit(&text, agency, "sign_off", phrase);
        }
    }
}
