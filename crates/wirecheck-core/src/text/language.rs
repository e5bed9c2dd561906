//! The language of a text, and what matching does differently in each.
//!
//! Wire copy is filed in many languages; a copy of a French AFP story is French. Matching is
//! word runs and is language-blind, but three stages read words as words of a language: the
//! tokenizer (French and Italian elided articles, "l'AFP", are two words; figures with a decimal
//! comma), the content terms of the rewrite stage, the verdict's measures and rare-word
//! retrieval (the Snowball stemmer and the function words of the language).
//!
//! Detection is whatlang's trigram model restricted to the languages Wirecheck reads
//! ([`Language::ALL`]): it is small (no model files), fast (a few microseconds per kilobyte)
//! and right on news text of a paragraph or more. A text too short to tell, or on which the
//! model hesitates, has no language (`None`, shown as unknown) and is read with the English
//! rules, which are the rules Wirecheck has always used; so is every text before this module.
//!
//! Trigrams alone take tables of abbreviations and figures ("Shr 45 cts vs 58 cts Net 1.1 mln")
//! for French: on Reuters-21578 they called 360 of 16,241 English stories French, German or
//! Portuguese. So a language other than English must also be the one whose function words the
//! text uses most ("de", "la", "und", "der"...); a text that uses English function words as much
//! is English, and one that uses none of either has no language.

use rust_stemmers::Algorithm;

/// A language whose texts Wirecheck reads with its own rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Language {
    /// English.
    English,
    /// French.
    French,
    /// German.
    German,
    /// Spanish.
    Spanish,
    /// Portuguese.
    Portuguese,
    /// Italian.
    Italian,
}

/// Texts with fewer letters than this have no language: a headline or a caption is too short
/// for trigram statistics to tell Spanish from Portuguese.
pub const MIN_LETTERS: usize = 60;

/// Detection reads at most this many bytes from the start of a text: a few paragraphs tell the
/// language as well as a whole story, and the cost of a check or an import stays bounded.
const MAX_DETECT_BYTES: usize = 4_096;

/// Below this whatlang confidence the text has no language. whatlang's own "reliable" line is
/// 0.9, which it rarely reaches between close languages on short news paragraphs; measured on
/// the fixtures and the corpora (docs/accuracy.md), texts above this line were all detected
/// right.
const MIN_CONFIDENCE: f64 = 0.25;

impl Language {
    /// Every language Wirecheck reads, English first.
    pub const ALL: [Language; 6] = [
        Language::English,
        Language::French,
        Language::German,
        Language::Spanish,
        Language::Portuguese,
        Language::Italian,
    ];

    /// The ISO 639-1 code: `en`, `fr`, `de`, `es`, `pt`, `it`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::German => "de",
            Language::Spanish => "es",
            Language::Portuguese => "pt",
            Language::Italian => "it",
        }
    }

    /// The language of an ISO 639-1 code or English name, in any case (`fr`, `French`).
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim();
        Language::ALL.into_iter().find(|l| {
            l.code().eq_ignore_ascii_case(code) || format!("{l:?}").eq_ignore_ascii_case(code)
        })
    }

    /// The language of a stored code; `None` (the English rules) for a missing or unknown one.
    pub fn of_code(code: Option<&str>) -> Option<Language> {
        code.and_then(Language::from_code)
    }

    pub(crate) fn stemmer(self) -> Algorithm {
        match self {
            Language::English => Algorithm::English,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Spanish => Algorithm::Spanish,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Italian => Algorithm::Italian,
        }
    }

    /// Whether an article's apostrophe elides a short word that is a word of its own
    /// ("l'accord", "dell'ANSA", "qu'il").
    pub(crate) fn elides(self) -> bool {
        matches!(self, Language::French | Language::Italian)
    }

    /// Whether figures are written "1.200,5" or "1 200,5" (decimal comma) rather than
    /// "1,200.5".
    pub(crate) fn decimal_comma(self) -> bool {
        !matches!(self, Language::English)
    }

    fn whatlang(self) -> whatlang::Lang {
        match self {
            Language::English => whatlang::Lang::Eng,
            Language::French => whatlang::Lang::Fra,
            Language::German => whatlang::Lang::Deu,
            Language::Spanish => whatlang::Lang::Spa,
            Language::Portuguese => whatlang::Lang::Por,
            Language::Italian => whatlang::Lang::Ita,
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The language of `text`, or `None` when it is too short or the model hesitates (see
/// [`MIN_LETTERS`]).
pub fn detect(text: &str) -> Option<Language> {
    static DETECTOR: std::sync::LazyLock<whatlang::Detector> = std::sync::LazyLock::new(|| {
        whatlang::Detector::with_allowlist(Language::ALL.iter().map(|l| l.whatlang()).collect())
    });
    let mut end = text.len().min(MAX_DETECT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text.get(..end).unwrap_or("");
    if head
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(MIN_LETTERS)
        .count()
        < MIN_LETTERS
    {
        return None;
    }
    let info = DETECTOR.detect(head)?;
    if info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    let found = Language::ALL
        .into_iter()
        .find(|l| l.whatlang() == info.lang())?;
    if found == Language::English {
        return Some(found);
    }
    let (own, english) = function_words(head, found);
    if own > english {
        Some(found)
    } else if english > 0 {
        Some(Language::English)
    } else {
        None
    }
}

/// How many words of `text` are function words of `language`, and how many are English ones.
fn function_words(text: &str, language: Language) -> (usize, usize) {
    let own = super::terms::stopwords_of(language);
    let english = super::terms::stopwords_of(Language::English);
    let mut counts = (0, 0);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 12)
    {
        let word = super::normalize::normalize_word_in(word, language);
        counts.0 += usize::from(own.binary_search(&word.as_str()).is_ok());
        counts.1 += usize::from(english.binary_search(&word.as_str()).is_ok());
    }
    counts
}

/// The code stored and reported for a detected language: `None` when there is none.
pub fn code_of(language: Option<Language>) -> Option<String> {
    language.map(|l| l.code().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fictional news paragraphs, one per language.
    pub(crate) const SAMPLES: &[(Language, &str)] = &[
        (
            Language::English,
            "The ferry company said on Monday that the crossing to the island would reopen in \
             June after repairs to the harbour wall, which was damaged by storms last winter.",
        ),
        (
            Language::French,
            "La compagnie de ferries a annoncé lundi que la traversée vers l'île reprendrait en \
             juin après la réparation de la digue du port, endommagée par les tempêtes de l'hiver.",
        ),
        (
            Language::German,
            "Die Fährgesellschaft teilte am Montag mit, dass die Überfahrt zur Insel im Juni \
             wieder aufgenommen werde, nachdem die im Winter von Stürmen beschädigte Hafenmauer \
             repariert worden sei.",
        ),
        (
            Language::Spanish,
            "La compañía de transbordadores anunció el lunes que la travesía hacia la isla se \
             reanudará en junio tras la reparación del muro del puerto, dañado por los temporales.",
        ),
        (
            Language::Portuguese,
            "A companhia de ferries anunciou na segunda-feira que a travessia para a ilha será \
             retomada em junho, depois da reparação do muro do porto, danificado pelas tempestades.",
        ),
        (
            Language::Italian,
            "La compagnia dei traghetti ha annunciato lunedì che la traversata verso l'isola \
             riprenderà a giugno dopo la riparazione del muro del porto, danneggiato dalle tempeste.",
        ),
    ];

    #[test]
    fn each_language_is_detected_on_a_news_paragraph() {
        for &(want, text) in SAMPLES {
            assert_eq!(detect(text), Some(want), "{text}");
        }
    }

    #[test]
    fn tables_of_figures_and_abbreviations_are_not_french() {
        // Trigrams alone call this kind of earnings table French.
        let table = "Shr 45 cts vs 58 cts Net 1.1 mln vs 829,000 Sales 7.9 mln vs 9.4 mln Avg shrs \
                     2,332,397 vs 1,428,000 Year Shr 1.22 dlrs vs 1.05 dlrs Net 3.4 mln vs 2.9 mln";
        assert_ne!(detect(table), Some(Language::French));
        let english = "The French domestic bond committee said it has approved three new issues \
                       totalling 1.8 billion francs, to be launched by Credit Lorrain and others.";
        assert_eq!(detect(english), Some(Language::English));
    }

    #[test]
    fn short_or_letterless_texts_have_no_language() {
        for text in [
            "",
            "Ferry to reopen",
            "12,400 / 3.5% / 2026-06-01",
            "La traversée reprend",
        ] {
            assert_eq!(detect(text), None, "{text:?} is too short to tell");
        }
    }

    #[test]
    fn codes_round_trip_and_names_are_accepted() {
        for l in Language::ALL {
            assert_eq!(Language::from_code(l.code()), Some(l));
            assert_eq!(Language::from_code(&l.code().to_uppercase()), Some(l));
        }
        assert_eq!(Language::from_code("French"), Some(Language::French));
        assert_eq!(Language::from_code("nl"), None);
        assert_eq!(Language::of_code(None), None);
    }

    #[test]
    fn detection_reads_a_bounded_head_on_a_char_boundary() {
        let long = format!("{}{}", "é".repeat(MAX_DETECT_BYTES), SAMPLES[1].1);
        // Only accented letters in the head: no panic on the boundary, and some answer or none.
        let _ = detect(&long);
    }
}
