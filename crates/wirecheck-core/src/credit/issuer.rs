//! The issuer a press release names in its boilerplate: "About Brightmoor Foods", the section
//! every release of a company, a university or an agency ends with. A release stored under
//! its wire ("PR Newswire", "Business Wire") or as "Press release" is credited by its issuer
//! on the page that republishes it ("Source: Brightmoor Foods Corp.", "according to a press
//! release from Corvane Software"), so the issuer counts as the story's agency for its credit.

/// Longest issuer name read, in characters.
const MAX_ISSUER: usize = 60;
/// Most words in an issuer's name.
const MAX_ISSUER_WORDS: usize = 6;
/// Lower-case words inside a name ("Bank of Ireland", "Research and Markets").
const NAME_LOWER: &[&str] = &["of", "and", "for", "the", "de", "du", "la", "&"];

/// The issuer of the release `body`: the name of its first "About NAME" line, a line of its
/// own of one to six capitalized words; `None` when the body has no such line (an agency's
/// story, a statement without boilerplate).
pub fn release_issuer(body: &str) -> Option<String> {
    body.lines().find_map(|line| {
        let line = line.trim().trim_end_matches(':').trim_end();
        let name = line.strip_prefix("About ")?.trim();
        let words: Vec<&str> = name.split_whitespace().collect();
        let is_name = !words.is_empty()
            && words.len() <= MAX_ISSUER_WORDS
            && name.chars().count() <= MAX_ISSUER
            && !name.ends_with(['.', '?', '!', ','])
            && words.first().is_some_and(|w| starts_upper(w))
            && words
                .iter()
                .all(|w| starts_upper(w) || NAME_LOWER.contains(&w.to_lowercase().as_str()));
        is_name.then(|| name.to_string())
    })
}

fn starts_upper(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_about_line_of_a_release_names_its_issuer() {
        let release = "ORLANDO, Fla.--(BUSINESS WIRE)--Nov. 29, 2026--Brightmoor Foods Corp. \
                       today announced it will acquire Greenvale Pantry.\n\n\
                       About Brightmoor Foods\n\nBrightmoor Foods makes frozen meals.\n\n\
                       About Greenvale Pantry\n\nGreenvale Pantry makes soups.\n";
        assert_eq!(release_issuer(release).as_deref(), Some("Brightmoor Foods"));
        assert_eq!(
            release_issuer("About Calloway State University:\nA public university.").as_deref(),
            Some("Calloway State University")
        );
        assert_eq!(
            release_issuer("About the Bank of Lowmere\n").as_deref(),
            None,
            "a name starts with a capital"
        );
    }

    #[test]
    fn a_sentence_opening_with_about_is_no_issuer() {
        for body in [
            "About 40 people were hurt when the roof fell.\n",
            "About half of the residents left the town overnight, officials said.\n",
            "KORVALA, Nov 20 (Reuters) - The ministry said on Monday it would act.\n",
        ] {
            assert_eq!(release_issuer(body), None, "{body}");
        }
    }
}
