//! How sure a match is, and why, in words an editor reads: the evidence of a passage or a
//! source, from its measures and the model's probability.

use serde::{Deserialize, Serialize};

use super::Features;

/// How a passage or a source was reused, from the strongest to the weakest sign of copying.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Tier {
    /// Word for word.
    Identical,
    /// Copied with editing: spelling, tense, a word changed, a clause trimmed.
    MinorEdits,
    /// Rewritten, heavily edited, or a template refilled with other facts: the least certain
    /// (and what a report saved before tiers existed claims).
    #[default]
    Paraphrase,
}

/// The evidence of one passage or one source.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Evidence {
    /// How it was reused.
    pub tier: Tier,
    /// The model's probability (0..=1) that this text was copied rather than sharing facts.
    pub confidence: f64,
    /// Why, in short sentences, strongest first.
    pub reasons: Vec<String>,
}

/// Edits per kept word below which an edited passage counts as minor edits.
const MINOR_EDIT_RATE: f64 = 0.35;

/// The tier of text measured by `features`: identical when every word is in unedited
/// passages, paraphrase when rewritten, refilled or heavily edited, minor edits otherwise.
pub fn tier(features: &Features) -> Tier {
    let coverage = features.coverage.max(f64::EPSILON);
    if features.copied < coverage / 2.0
        || features.edit_rate > MINOR_EDIT_RATE
        || features.refill >= 1.0
    {
        Tier::Paraphrase
    } else if features.verbatim >= coverage * 0.999 {
        Tier::Identical
    } else {
        Tier::MinorEdits
    }
}

/// The evidence of a source (or a story shared) measured by `features`, at probability
/// `confidence`.
pub fn evidence(features: &Features, confidence: f64) -> Evidence {
    Evidence {
        tier: tier(features),
        confidence,
        reasons: reasons(features, Scope::Article),
    }
}

/// The evidence of one passage measured by `features`: without the reasons that weigh the
/// whole article (how much of its prose is its own, how many of its sentences follow the
/// story), which one passage's measures cannot tell.
pub fn passage_evidence(features: &Features, confidence: f64) -> Evidence {
    Evidence {
        tier: tier(features),
        confidence,
        reasons: reasons(features, Scope::Passage),
    }
}

/// What the measures are of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// All the passages of a source or a shared story, in the whole article.
    Article,
    /// One passage.
    Passage,
}

/// The reasons an editor would give, for and against copying.
fn reasons(f: &Features, scope: Scope) -> Vec<String> {
    let mut out = Vec::new();
    let run = f.longest_run as usize;
    if run >= 12 {
        out.push(format!("a run of {run} words shared word for word"));
    } else if f.coverage > 0.0 {
        out.push(format!("no shared run longer than {run} words"));
    }
    let copy = f.longest_copy as usize;
    if f.longest_copy >= super::DECISIVE_COPY && copy > run {
        out.push(format!(
            "{copy} words of one passage copied through its edits"
        ));
    }
    if f.narration >= 0.2 {
        out.push(format!(
            "{:.0}% of the article's own narration (outside quotes) matches",
            f.narration * 100.0
        ));
    }
    if f.quoted >= 0.5 {
        out.push(format!(
            "{:.0}% of the shared words are quotes, which other reports of the same event carry too",
            f.quoted * 100.0
        ));
    }
    if f.long_narration >= 2.0 && f.order >= 0.8 {
        out.push("the passages follow the story's order".to_string());
    }
    if f.refill >= 1.0 {
        out.push(
            "figures, dates or names replaced one for one, as in a template refilled with new facts"
                .to_string(),
        );
    } else if f.copied > 0.0 && f.edit_rate <= 0.1 {
        out.push("little edited".to_string());
    }
    let article = scope == Scope::Article;
    if article
        && f.coverage > 0.0
        && f.longest_run < super::MIN_NARRATION_RUN
        && super::is_own_report(f)
    {
        out.push(format!(
            "{:.0}% of the article's prose is its own and only {:.0}% of its narration is in copied passages: its own report of the same facts",
            f.own_prose * 100.0,
            f.copied * 100.0
        ));
    }
    if article
        && f.coverage > 0.0
        && f.longest_run < super::MIN_NARRATION_RUN
        && f.sentences < super::MIN_REWRITE_SENTENCES
        && !super::is_own_report(f)
    {
        out.push(format!(
            "only {:.0}% of the article's sentences follow the story: not a rewrite of it",
            f.sentences * 100.0
        ));
    }
    if f.copied <= 0.0 && f.coverage > 0.0 {
        out.push("found only as rewritten sentences: similar content, few exact runs".to_string());
    }
    if f.template >= super::TEMPLATE_PERIOD
        && f.longest_run < super::DECISIVE_RUN
        && f.longest_copy < super::DECISIVE_COPY
        && let Some(figures) = f.figures.filter(|r| *r < super::MIN_REWRITE_FIGURES)
    {
        out.push(format!(
            "{:.0}% of the shared words refill a template and the story has only {:.0}% of the article's figures: another period's report in the same sentences",
            f.template * 100.0,
            figures * 100.0
        ));
    }
    // Asked of a rewrite only: a long shared run is evidence whatever the names.
    let rewrite = f.coverage > 0.0 && f.longest_run < super::MIN_NARRATION_RUN;
    if let Some(rare) = f.rare_words.filter(|_| rewrite) {
        if rare < super::MIN_REWRITE_RARE_WORDS {
            out.push(format!(
                "the story has only {:.0}% of the article's rare words (names, places): the same frame, another subject",
                rare * 100.0
            ));
        } else {
            out.push(format!(
                "the story has {:.0}% of the article's rare words (names, places)",
                rare * 100.0
            ));
        }
    }
    // Only a shortfall is worth saying: most copies and most independent reports share the
    // event's figures.
    if let Some(figures) = f.figures.filter(|_| rewrite)
        && figures < super::MIN_REWRITE_FIGURES
    {
        out.push(format!(
            "the story has only {:.0}% of the article's figures (amounts, dates): another day's or another deal's story in the same words",
            figures * 100.0
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers() {
        let verbatim = Features {
            coverage: 0.5,
            copied: 0.5,
            verbatim: 0.5,
            ..Features::default()
        };
        assert_eq!(tier(&verbatim), Tier::Identical);
        let edited = Features {
            verbatim: 0.2,
            edit_rate: 0.1,
            ..verbatim.clone()
        };
        assert_eq!(tier(&edited), Tier::MinorEdits);
        let refilled = Features {
            refill: 2.0,
            ..edited.clone()
        };
        assert_eq!(tier(&refilled), Tier::Paraphrase);
        let rewritten = Features {
            copied: 0.0,
            verbatim: 0.0,
            ..verbatim
        };
        assert_eq!(tier(&rewritten), Tier::Paraphrase);
    }

    #[test]
    fn reasons_name_quotes_and_templates() {
        let quotes = Features {
            coverage: 0.2,
            copied: 0.2,
            longest_run: 9.0,
            quoted: 0.8,
            ..Features::default()
        };
        let r = reasons(&quotes, Scope::Article);
        assert!(r.iter().any(|r| r.contains("quotes")), "{r:?}");
        assert!(
            r.iter().any(|r| r.contains("no shared run longer than 9")),
            "{r:?}"
        );
        let template = Features {
            refill: 3.0,
            ..quotes.clone()
        };
        assert!(
            reasons(&template, Scope::Article)
                .iter()
                .any(|r| r.contains("template"))
        );
        let edited_copy = Features {
            longest_copy: 44.0,
            ..quotes
        };
        assert!(
            reasons(&edited_copy, Scope::Article)
                .iter()
                .any(|r| r.contains("44 words of one passage copied")),
            "{:?}",
            reasons(&edited_copy, Scope::Article)
        );
        assert!(
            !reasons(&template, Scope::Article)
                .iter()
                .any(|r| r.contains("through its edits"))
        );
    }

    #[test]
    fn reasons_say_whether_the_story_has_the_article_s_rare_words() {
        let rewrite = Features {
            coverage: 0.6,
            longest_run: 5.0,
            rare_words: Some(0.8),
            ..Features::default()
        };
        let r = reasons(&rewrite, Scope::Article);
        assert!(
            r.iter()
                .any(|r| r.contains("80% of the article's rare words")),
            "{r:?}"
        );
        let frame = Features {
            rare_words: Some(0.25),
            ..rewrite.clone()
        };
        let r = reasons(&frame, Scope::Article);
        assert!(
            r.iter()
                .any(|r| r.contains("only 25%") && r.contains("another subject")),
            "{r:?}"
        );
        let copied = Features {
            longest_run: 40.0,
            ..frame
        };
        assert!(
            !reasons(&copied, Scope::Article)
                .iter()
                .any(|r| r.contains("rare words")),
            "a long run is evidence whatever the names"
        );
        let unknown = Features {
            rare_words: None,
            ..rewrite
        };
        assert!(
            !reasons(&unknown, Scope::Article)
                .iter()
                .any(|r| r.contains("rare words"))
        );
    }

    #[test]
    fn reasons_say_when_the_story_lacks_the_article_s_figures() {
        let follow_up = Features {
            coverage: 0.6,
            longest_run: 5.0,
            figures: Some(0.2),
            ..Features::default()
        };
        let r = reasons(&follow_up, Scope::Article);
        assert!(
            r.iter()
                .any(|r| r.contains("only 20% of the article's figures")),
            "{r:?}"
        );
        let rewrite = Features {
            figures: Some(0.9),
            ..follow_up.clone()
        };
        assert!(
            !reasons(&rewrite, Scope::Article)
                .iter()
                .any(|r| r.contains("figures ("))
        );
        let copied = Features {
            longest_run: 40.0,
            ..follow_up.clone()
        };
        assert!(
            !reasons(&copied, Scope::Article)
                .iter()
                .any(|r| r.contains("figures (")),
            "a long run is evidence whatever the figures"
        );
        let next_month = Features {
            template: 0.4,
            longest_run: 11.0,
            ..follow_up
        };
        assert!(
            reasons(&next_month, Scope::Article)
                .iter()
                .any(|r| r.contains("40% of the shared words refill a template")),
            "{:?}",
            reasons(&next_month, Scope::Article)
        );
    }

    #[test]
    fn reasons_weighing_the_whole_article_are_given_for_a_story_not_for_one_passage() {
        let other_report = Features {
            coverage: 0.6,
            copied: 0.4,
            longest_run: 9.0,
            own_prose: 0.41,
            sentences: 0.44,
            ..Features::default()
        };
        let r = reasons(&other_report, Scope::Article);
        assert!(
            r.iter().any(|r| r
                == "only 44% of the article's sentences follow the story: not a rewrite of it"),
            "{r:?}"
        );
        let own = Features {
            own_prose: 0.7,
            copied: 0.1,
            ..other_report.clone()
        };
        let r = reasons(&own, Scope::Article);
        assert!(r.iter().any(|r| r.contains("its own report")), "{r:?}");
        assert!(
            !r.iter().any(|r| r.contains("sentences follow")),
            "one reason against is enough: {r:?}"
        );
        for f in [&other_report, &own] {
            let r = reasons(f, Scope::Passage);
            assert!(
                !r.iter()
                    .any(|r| r.contains("sentences follow") || r.contains("its own report")),
                "{r:?}"
            );
        }
    }
}
