//! Passages and credits in, verdict out.
//!
//! The verdict is a fitted model, not a set of hand-picked thresholds: a multinomial logistic
//! regression over the evidence measures of [`features`], fitted on the METER development split
//! by `wirecheck eval meter DIR --fit` with cross-validation by day (`docs/accuracy.md`). Its
//! coefficients, provenance and cross-validated figures are data, in `model.json` beside this
//! file. The presets (strict, standard, lenient) move one decision threshold: the probability
//! that an article is derived at which Wirecheck reports it.

pub mod evidence;
pub mod features;
pub mod model;
pub mod vocabulary;

use serde::{Deserialize, Serialize};

pub use features::Features;
pub use model::{Model, Probabilities};

/// How much of an article is derived from the archive.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Derived {
    /// Most of the article is copied.
    Wholly,
    /// Part of the article is copied.
    Partially,
    /// Nothing worth reporting is copied.
    None,
}

impl Derived {
    /// The snake_case name used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Derived::Wholly => "wholly",
            Derived::Partially => "partially",
            Derived::None => "none",
        }
    }
}

/// What the verdict decided, with how sure it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// The verdict.
    pub derived: Derived,
    /// The model's probability of each class.
    pub probabilities: Probabilities,
}

/// Longest narration run that shows copying, in words: see [`has_copy_evidence`].
pub const MIN_NARRATION_RUN: f64 = 10.0;
/// Share of the shared words in refilled templates from which a text is a template of another
/// period or place: its runs are the template's frame, not copying.
pub const TEMPLATE_DOCUMENT: f64 = 0.5;
/// Share of the shared words in refilled templates from which a text whose top source holds
/// under half of its figures ([`MIN_REWRITE_FIGURES`]) is another period's report in the
/// template (next month's statistics, another day's market report), whatever narration runs
/// the frame keeps: see [`has_copy_evidence`].
pub const TEMPLATE_PERIOD: f64 = 0.25;
/// Share of the shared words that are quotes or refilled templates below which a text with no
/// long narration run can still be a rewrite.
pub const MAX_SHARED_FACTS: f64 = 0.3;
/// Share of the article's content words (outside quotes and templates) found in its top
/// source that a rewrite with no long narration run keeps.
pub const MIN_REWRITE_CONTAINMENT: f64 = 0.5;
/// Share of the article's rare words (rare in the archive) that a rewrite's top source holds,
/// when the archive was asked ([`Features::rare_words`]).
pub const MIN_REWRITE_RARE_WORDS: f64 = 0.5;
/// Share of the article's figures that a rewrite's top source holds, when the article has
/// enough of them to tell ([`Features::figures`]).
pub const MIN_REWRITE_FIGURES: f64 = 0.5;

/// Share of the article's sentences mostly in passages ([`Features::sentences`]) a rewrite
/// with no long narration run holds: a rewrite follows its source sentence by sentence through
/// most of the article; an independent report of the same hearing or session (another
/// agency's, a court reporter's, a local paper's) restates its facts in some sentences and
/// writes the rest its own way.
pub const MIN_REWRITE_SENTENCES: f64 = 0.5;

/// Share of the article's prose outside its passages ([`Features::own_prose`]) from which a
/// text with little copied ([`MAX_OWN_REPORT_COPIED`]) is the outlet's own report: see
/// [`is_own_report`].
pub const MIN_OWN_REPORT_PROSE: f64 = 0.4;
/// Share of the narration in copied passages (found by shared runs, [`Features::copied`])
/// below which a text most of whose prose is its own has copied nothing an editor could point
/// to: see [`is_own_report`].
pub const MAX_OWN_REPORT_COPIED: f64 = 0.2;

/// Whether a text that shares no long narration run is the outlet's own report of the same
/// facts rather than a rewrite: most of its prose lies outside every passage
/// ([`MIN_OWN_REPORT_PROSE`]) and almost none of its narration in a passage of shared runs
/// ([`MAX_OWN_REPORT_COPIED`]), so what resembles the wire story is sentences that carry the
/// same names, figures and quotes (a local paper's or a trade site's own story of the same
/// briefing, a TV site's eyewitness report). A rewrite of the story, however loose, follows it
/// through most of the article; a partial copy keeps its pasted paragraphs as copied passages.
/// Asked of the rewrite clause of [`has_copy_evidence`] only: a long run of the wire's
/// narration is evidence whatever surrounds it.
pub fn is_own_report(f: &Features) -> bool {
    f.own_prose >= MIN_OWN_REPORT_PROSE && f.copied < MAX_OWN_REPORT_COPIED
}

/// Fewest ordinary words (not names, not figures: [`Features::plain_run`]) in one shared run
/// of [`MIN_NARRATION_RUN`] narration words or more for the run to show copied narration: a name and title ("Ruth Penhallow,
/// chief executive of the Council of Housing Associations", five of ten) is a fact every
/// report of the event carries.
pub const MIN_PLAIN_RUN: f64 = 6.0;

/// Whether the evidence shows any copying at all, before the model weighs how much. Either:
///
/// - **copied narration**: a run of [`MIN_NARRATION_RUN`] words or more of the article's own
///   narration (outside quotes and refilled templates) in a text that is not mostly a refilled
///   template ([`TEMPLATE_DOCUMENT`]), nor partly a refilled template ([`TEMPLATE_PERIOD`])
///   whose figures are mostly not the source's with no decisive run ([`DECISIVE_RUN`],
///   [`DECISIVE_COPY`]): another month's statistics in the same sentences, whose short runs
///   are the agency's frame ("economists polled by Reuters had expected a reading of"), not
///   copying; or
/// - **a rewrite**: not the outlet's own report ([`is_own_report`]), little of what is shared
///   is quotes or templates ([`MAX_SHARED_FACTS`]), half of the article's sentences or more
///   mostly in passages ([`MIN_REWRITE_SENTENCES`]), the
///   article's narration keeps most of its top source's content words
///   ([`MIN_REWRITE_CONTAINMENT`]), the source holds at least half of the article's rare
///   words ([`MIN_REWRITE_RARE_WORDS`]; not asked when no archive said which are rare) and at
///   least half of its figures ([`MIN_REWRITE_FIGURES`]; not asked of a text with fewer than
///   two).
///
/// Independent reports of one press conference share its quotes, names and figures; a
/// template of another day shares its frame; a follow-up restates a company's name and terms.
/// None shares a long run of the wire's own narration, and what they share is mostly quotes,
/// template, or a few of the source's content words; a template refilled with another
/// company's names, or another day's story in the same frame, shares the frame's common words
/// but not the article's rare ones, its new names; a follow-up of another day retells the
/// first story in its words but with new figures. The METER labels, which the model learns
/// from, count newspapers that copied PA's quotes as derived, so this rule is not learned: it is
/// the project's, checked by the hard-negative fixtures (`tests/fixtures/hard-negatives`) and
/// `wirecheck eval reuters`, and its cost on METER is in `docs/accuracy.md`.
pub fn has_copy_evidence(f: &Features) -> bool {
    let other_period = f.template >= TEMPLATE_PERIOD
        && f.figures.is_some_and(|r| r < MIN_REWRITE_FIGURES)
        && f.longest_run < DECISIVE_RUN
        && f.longest_copy < DECISIVE_COPY;
    let copied_narration = f.longest_run >= MIN_NARRATION_RUN
        && f.plain_run >= MIN_PLAIN_RUN
        && f.template < TEMPLATE_DOCUMENT
        && !other_period;
    let rewrite = f.quoted + f.template < MAX_SHARED_FACTS
        && !is_own_report(f)
        && f.sentences >= MIN_REWRITE_SENTENCES
        && f.containment >= MIN_REWRITE_CONTAINMENT
        && f.rare_words.is_none_or(|r| r >= MIN_REWRITE_RARE_WORDS)
        && f.figures.is_none_or(|r| r >= MIN_REWRITE_FIGURES);
    f.coverage > 0.0 && (copied_narration || rewrite)
}

/// Share of the article's prose outside its passages ([`Features::own_prose`]) above which it
/// is not wholly derived: an article of which half is the outlet's own paragraphs (a local opening,
/// then six of the wire's) is partially derived however word for word the other half is
/// copied. The model, fitted on newspapers that rewrite all they take, weighs a long verbatim
/// run towards wholly; this is the project's rule, as [`has_copy_evidence`] is, and its cost
/// on METER is in `docs/accuracy.md`.
pub const MAX_OWN_PROSE: f64 = 0.3;

/// Whether the passages hold enough of the article for it to be wholly derived (see
/// [`MAX_OWN_PROSE`]).
pub fn may_be_wholly(f: &Features) -> bool {
    f.own_prose <= MAX_OWN_PROSE
}

/// Longest run of narration words that is copying by itself: see [`has_decisive_copy`].
pub const DECISIVE_RUN: f64 = 20.0;
/// Most narration words matched in one copied passage that are copying by themselves.
pub const DECISIVE_COPY: f64 = 30.0;

/// Whether the evidence shows copying whatever else the text holds: a run of
/// [`DECISIVE_RUN`] words of the article's own narration (outside quotes) shared word for word,
/// or one copied passage matching [`DECISIVE_COPY`] narration words through its edits, in a
/// text that is not mostly a refilled template.
///
/// The model weighs shares of the article, which a long text dilutes: one wire paragraph
/// copied into a 3,000-word feature, or a compilation of a dozen wire stories, is a small share
/// of it, but no independent report writes twenty of the wire's own words in a row. Below
/// the model's threshold such a text is reported partially derived, with the share of derived
/// stories among the fitting stories that have such evidence as its probability
/// ([`Model::decisive_precision`]).
pub fn has_decisive_copy(f: &Features) -> bool {
    (f.longest_run >= DECISIVE_RUN || f.longest_copy >= DECISIVE_COPY)
        && f.template < TEMPLATE_DOCUMENT
}

/// The decision settings of the verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Fewest words a source must have matched to be considered at all: shorter matches are
    /// stock phrases, not copying.
    pub min_source_words: usize,
    /// Probability of being derived (wholly or partially) at or above which an article, or a
    /// source, is reported.
    pub min_derived: f64,
    /// Ask for copy evidence ([`has_copy_evidence`]) before the model weighs the rest (off
    /// only for the ablation in `docs/accuracy.md`).
    pub require_copy_evidence: bool,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds::standard()
    }
}

impl Thresholds {
    /// The default: the fitted model's own decision (see `model.json`).
    pub fn standard() -> Self {
        Thresholds {
            min_source_words: 12,
            min_derived: model::model().thresholds.standard,
            require_copy_evidence: true,
        }
    }

    /// Reports only clear copying: the threshold at which the model's derived precision,
    /// cross-validated, reached the strict target when it was fitted.
    pub fn strict() -> Self {
        Thresholds {
            min_source_words: 20,
            min_derived: model::model().thresholds.strict,
            require_copy_evidence: true,
        }
    }

    /// Reports short borrowings too: the threshold at which the model's derived recall,
    /// cross-validated, reached the lenient target when it was fitted.
    pub fn lenient() -> Self {
        Thresholds {
            min_source_words: 8,
            min_derived: model::model().thresholds.lenient,
            require_copy_evidence: true,
        }
    }

    /// The verdict on evidence `features`.
    pub fn decide(&self, features: &Features) -> Verdict {
        self.decide_with(model::model(), features)
    }

    /// The verdict of `model` on evidence `features` (the fit scores candidate models with it).
    pub fn decide_with(&self, model: &Model, features: &Features) -> Verdict {
        let rules = Rules::of(features, self.require_copy_evidence);
        let probabilities = if rules.evidence {
            model.probabilities(features)
        } else {
            Probabilities::NONE
        };
        rules.apply(probabilities, self.min_derived, model.decisive_precision)
    }
}

/// What the project's rules say of a text's evidence, before and after the model weighs it:
/// the engine's verdict and the fit's scoring of candidate models both go through
/// [`Rules::apply`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Evidence of copying at all ([`has_copy_evidence`]; with the rule off, any coverage).
    pub evidence: bool,
    /// Decisive copy: derived whatever the model ([`has_decisive_copy`]).
    pub decisive: bool,
    /// Enough of the article in its passages to be wholly derived ([`may_be_wholly`]).
    pub wholly: bool,
}

impl Rules {
    /// The rules' reading of `features`; `require_copy_evidence` off only for the ablation.
    pub fn of(features: &Features, require_copy_evidence: bool) -> Rules {
        Rules {
            evidence: if require_copy_evidence {
                has_copy_evidence(features)
            } else {
                features.coverage > 0.0
            },
            decisive: has_decisive_copy(features),
            wholly: may_be_wholly(features),
        }
    }

    /// The verdict on the model's `probabilities` at threshold `min_derived`: `none` without
    /// evidence, at most partially when the article is not enough copy to be wholly derived,
    /// and at least partially (with `decisive_precision` as the probability of being derived)
    /// on decisive copy.
    pub fn apply(
        self,
        probabilities: Probabilities,
        min_derived: f64,
        decisive_precision: f64,
    ) -> Verdict {
        if !self.evidence {
            return Verdict {
                derived: Derived::None,
                probabilities: Probabilities::NONE,
            };
        }
        let mut probabilities = if self.wholly {
            probabilities
        } else {
            probabilities.at_most_partially()
        };
        let mut derived = probabilities.decide(min_derived);
        if derived == Derived::None && self.decisive {
            derived = Derived::Partially;
            probabilities = probabilities.at_least_derived(decisive_precision);
        }
        Verdict {
            derived,
            probabilities,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Evidence of an article copied whole: long runs of narration, in order, little edited.
    fn copied_whole() -> Features {
        Features {
            coverage: 0.95,
            copied: 0.95,
            verbatim: 0.8,
            longest_run: 120.0,
            plain_run: 120.0,
            narration: 0.95,
            quoted: 0.1,
            source_used: 0.9,
            order: 1.0,
            edit_rate: 0.02,
            refill: 0.0,
            long_narration: 6.0,
            containment: 0.97,
            article_words: 400.0,
            lead: 1.0,
            source_lead: 0.9,
            sentences: 1.0,
            trigrams: 0.8,
            long_runs: 0.9,
            exact: 0.85,
            function_words: 0.85,
            fivegrams: 0.7,
            ..Features::default()
        }
    }

    /// Evidence of an independent report of the same event: a few shared quotes and names.
    fn same_event() -> Features {
        Features {
            coverage: 0.12,
            copied: 0.1,
            verbatim: 0.08,
            longest_run: 9.0,
            narration: 0.03,
            quoted: 0.8,
            source_used: 0.1,
            order: 0.5,
            edit_rate: 0.3,
            refill: 0.0,
            long_narration: 0.0,
            containment: 0.35,
            article_words: 500.0,
            exact: 0.05,
            function_words: 0.03,
            ..Features::default()
        }
    }

    #[test]
    fn a_long_run_of_names_is_no_copied_narration() {
        // "Prince George in British Columbia, Thompson in Manitoba and Val-d'Or in Quebec",
        // and the minister's quote.
        let names = Features {
            longest_run: 13.0,
            plain_run: 5.0,
            quoted: 0.56,
            ..same_event()
        };
        assert!(!has_copy_evidence(&names));
        let narration = Features {
            plain_run: 9.0,
            ..names.clone()
        };
        assert!(has_copy_evidence(&narration));
    }

    #[test]
    fn an_article_with_a_third_of_its_prose_its_own_is_at_most_partially_derived() {
        let t = Thresholds::standard();
        let pasted = Features {
            own_prose: 0.45,
            ..copied_whole()
        };
        let verdict = t.decide(&pasted);
        assert_eq!(verdict.derived, Derived::Partially);
        assert_eq!(verdict.probabilities.wholly, 0.0);
        let whole = t.decide(&copied_whole());
        assert!(
            (verdict.probabilities.derived() - whole.probabilities.derived()).abs() < 1e-12,
            "as likely derived, only not wholly"
        );
        // A page's furniture (its standfirst, its footer) leaves some prose outside.
        let furnished = Features {
            own_prose: 0.2,
            ..copied_whole()
        };
        assert_eq!(t.decide(&furnished).derived, Derived::Wholly);
    }

    #[test]
    fn copying_and_shared_facts_get_their_verdicts() {
        let t = Thresholds::standard();
        assert_eq!(t.decide(&copied_whole()).derived, Derived::Wholly);
        assert_eq!(t.decide(&same_event()).derived, Derived::None);
        assert_eq!(
            t.decide(&Features::default()).derived,
            Derived::None,
            "no passage, no verdict to weigh"
        );
    }

    #[test]
    fn shared_quotes_and_refilled_templates_are_no_evidence_of_copying() {
        assert!(has_copy_evidence(&copied_whole()));
        assert!(
            !has_copy_evidence(&same_event()),
            "quotes and short runs of names and figures"
        );
        let template = Features {
            template: 0.7,
            longest_run: 14.0,
            plain_run: 14.0,
            quoted: 0.0,
            ..copied_whole()
        };
        assert!(
            !has_copy_evidence(&template),
            "a run inside a template of another quarter is the template's frame"
        );
        let quoted_copy = Features {
            quoted: 0.4,
            longest_run: 40.0,
            plain_run: 40.0,
            ..copied_whole()
        };
        assert!(
            has_copy_evidence(&quoted_copy),
            "a copy that also carries the wire's quotes has its narration runs"
        );
    }

    #[test]
    fn another_periods_report_in_the_template_is_not_copied_narration() {
        // Next month's statistics in the agency's sentences: the frame keeps an 11-word run
        // ("Economists polled by Reuters had expected a reading of"), the figures are new.
        let next_month = Features {
            coverage: 0.7,
            longest_run: 11.0,
            plain_run: 11.0,
            template: 0.42,
            figures: Some(0.47),
            ..Features::default()
        };
        assert!(
            !has_copy_evidence(&next_month),
            "another month in the template"
        );
        let same_month = Features {
            figures: Some(0.9),
            ..next_month.clone()
        };
        assert!(
            has_copy_evidence(&same_month),
            "the same month's report, its figures kept, edited in places"
        );
        let little_template = Features {
            template: 0.1,
            ..next_month.clone()
        };
        assert!(
            has_copy_evidence(&little_template),
            "a copy with a refilled sentence or two and its own figures elsewhere"
        );
        let few_figures = Features {
            figures: None,
            ..next_month.clone()
        };
        assert!(has_copy_evidence(&few_figures), "too few figures to tell");
        let background = Features {
            longest_run: 66.0,
            plain_run: 66.0,
            ..next_month
        };
        assert!(
            has_copy_evidence(&background),
            "two paragraphs of the wire's background pasted into another month's report"
        );
    }

    #[test]
    fn the_outlets_own_report_of_the_same_facts_is_no_rewrite() {
        // A local paper's story of the march: its own lead and interviews, sentences that
        // carry the wire's names, figures and quotes, hardly a copied passage.
        let own = Features {
            coverage: 0.3,
            copied: 0.13,
            longest_run: 7.0,
            quoted: 0.25,
            containment: 0.52,
            rare_words: Some(0.83),
            figures: Some(0.65),
            own_prose: 0.65,
            ..Features::default()
        };
        assert!(is_own_report(&own));
        assert!(!has_copy_evidence(&own), "its own prose, the same facts");
        // A rewrite of the whole story leaves little prose of its own.
        let rewrite = Features {
            coverage: 0.8,
            own_prose: 0.15,
            sentences: 0.8,
            ..own.clone()
        };
        assert!(
            has_copy_evidence(&rewrite),
            "the story rewritten throughout"
        );
        // A piece that pastes wire paragraphs into its own keeps them as copied passages.
        let partial = Features {
            copied: 0.35,
            sentences: 0.55,
            ..own.clone()
        };
        assert!(has_copy_evidence(&partial), "pasted paragraphs, edited");
        // A long run of the wire's narration is copying whatever surrounds it.
        let run = Features {
            longest_run: 14.0,
            plain_run: 10.0,
            ..own
        };
        assert!(has_copy_evidence(&run));
    }

    #[test]
    fn another_report_of_the_hearing_restating_some_of_its_sentences_is_no_rewrite() {
        // A court reporter's story of the same hearing: the bench, the counsel, the figures
        // and the order in some sentences worded close to the agency's, its own elsewhere.
        let other_report = Features {
            coverage: 0.7,
            copied: 0.6,
            longest_run: 9.0,
            quoted: 0.1,
            containment: 0.58,
            rare_words: Some(0.87),
            figures: Some(0.79),
            own_prose: 0.27,
            sentences: 0.4,
            ..Features::default()
        };
        assert!(!has_copy_evidence(&other_report));
        // A rewrite of the story follows it sentence by sentence.
        let rewrite = Features {
            sentences: 0.6,
            ..other_report.clone()
        };
        assert!(has_copy_evidence(&rewrite));
        let run = Features {
            longest_run: 12.0,
            plain_run: 9.0,
            ..other_report
        };
        assert!(has_copy_evidence(&run), "a long narration run is copying");
    }

    #[test]
    fn a_rewrite_keeps_its_source_s_figures_and_a_follow_up_of_another_day_does_not() {
        let rewrite = Features {
            coverage: 0.8,
            longest_run: 6.0,
            containment: 0.7,
            rare_words: Some(0.8),
            sentences: 0.8,
            ..Features::default()
        };
        assert!(has_copy_evidence(&rewrite), "too few figures to tell");
        let kept = Features {
            figures: Some(0.75),
            ..rewrite.clone()
        };
        assert!(has_copy_evidence(&kept), "the story's figures kept");
        let new_figures = Features {
            figures: Some(0.25),
            ..rewrite.clone()
        };
        assert!(
            !has_copy_evidence(&new_figures),
            "the story retold with another day's figures"
        );
        let copied = Features {
            longest_run: 24.0,
            plain_run: 24.0,
            ..new_figures
        };
        assert!(
            has_copy_evidence(&copied),
            "a long run of narration is copying whatever the figures"
        );
    }

    #[test]
    fn a_rewrite_keeps_its_source_s_rare_words_and_a_refilled_frame_does_not() {
        // No long run, most content words shared: a rewrite, or a notice of another company
        // in the same frame.
        let rewrite = Features {
            coverage: 0.8,
            longest_run: 6.0,
            containment: 0.7,
            sentences: 0.8,
            ..Features::default()
        };
        assert!(
            has_copy_evidence(&rewrite),
            "no archive said which words are rare"
        );
        let kept_names = Features {
            rare_words: Some(0.8),
            ..rewrite.clone()
        };
        assert!(has_copy_evidence(&kept_names), "the story's names kept");
        let new_names = Features {
            rare_words: Some(0.2),
            ..rewrite.clone()
        };
        assert!(
            !has_copy_evidence(&new_names),
            "the frame's common words shared, the article's own names not in the source"
        );
        let copied_frame = Features {
            longest_run: 24.0,
            plain_run: 24.0,
            ..new_names
        };
        assert!(
            has_copy_evidence(&copied_frame),
            "a long narration run is evidence whatever the names"
        );
    }

    /// One wire paragraph pasted into a long feature: a long run, a small share of the text.
    fn paragraph_in_a_long_text() -> Features {
        Features {
            coverage: 0.04,
            copied: 0.04,
            verbatim: 0.04,
            longest_run: 34.0,
            plain_run: 34.0,
            longest_copy: 34.0,
            narration: 0.04,
            source_used: 0.2,
            long_narration: 1.0,
            containment: 0.3,
            article_words: 1_100.0,
            exact: 0.04,
            function_words: 0.03,
            fivegrams: 0.03,
            ..Features::default()
        }
    }

    #[test]
    fn a_long_copied_run_is_derived_however_long_the_text() {
        let t = Thresholds::standard();
        let model = model::model();
        let pasted = paragraph_in_a_long_text();
        assert!(
            model.probabilities(&pasted).decide(t.min_derived) == Derived::None,
            "the model alone calls the diluted copy independent"
        );
        let verdict = t.decide(&pasted);
        assert_eq!(verdict.derived, Derived::Partially);
        assert!(verdict.probabilities.derived() >= model.decisive_precision - 1e-12);
        assert!(
            model.decisive_precision > 0.9,
            "{}",
            model.decisive_precision
        );

        // A copied passage matched through its edits, with no long exact run.
        let edited = Features {
            longest_run: 11.0,
            plain_run: 11.0,
            longest_copy: 45.0,
            ..pasted.clone()
        };
        assert_eq!(t.decide(&edited).derived, Derived::Partially);

        // Not decisive: a shorter run, or a run in a refilled template.
        let short = Features {
            longest_run: 14.0,
            plain_run: 14.0,
            longest_copy: 18.0,
            ..pasted.clone()
        };
        assert_eq!(t.decide(&short).derived, Derived::None);
        let template = Features {
            template: 0.8,
            ..pasted
        };
        assert!(!has_decisive_copy(&template));
        assert_eq!(t.decide(&template).derived, Derived::None);
    }

    #[test]
    fn at_least_derived_moves_mass_from_none_to_partially() {
        let p = Probabilities {
            wholly: 0.1,
            partially: 0.2,
            none: 0.7,
        };
        let q = p.at_least_derived(0.9);
        assert!((q.derived() - 0.9).abs() < 1e-12 && (q.none - 0.1).abs() < 1e-12);
        assert_eq!(q.wholly, 0.1);
        assert_eq!(p.at_least_derived(0.2), p, "already more likely derived");
    }

    #[test]
    fn presets_move_one_threshold_in_order() {
        let (s, d, l) = (
            Thresholds::strict(),
            Thresholds::standard(),
            Thresholds::lenient(),
        );
        assert!(s.min_derived >= d.min_derived && d.min_derived >= l.min_derived);
        assert!(s.min_source_words > d.min_source_words && d.min_source_words > l.min_source_words);
        let p = d.decide(&copied_whole()).probabilities;
        assert!(p.derived() > 0.9, "{p:?}");
    }
}
