//! The fitted verdict model: a multinomial logistic regression over the evidence measures.
//!
//! The model is data (`model.json` beside this file): its coefficients, the standardization of
//! its inputs, its decision thresholds, the command and data it was fitted with, and its
//! cross-validated figures. `wirecheck eval meter DIR --fit` writes it; a test fails when the
//! committed file differs from what that command produces.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::{Derived, Features};

/// The model's inputs, in order: each a transform of one [`Features`] measure. The names are
/// stored with the coefficients, and a model whose names differ is refused.
pub const INPUTS: &[&str] = &[
    "coverage",
    "copied",
    "verbatim",
    "ln_longest_run",
    "template",
    "narration",
    "quoted",
    "source_used",
    "order",
    "edit_rate",
    "refill",
    "ln_long_narration",
    "containment",
    "ln_article_words",
    "lead",
    "sentences",
    "exact",
    "function_words",
    "fivegrams",
    "story_words",
    "story_content",
    "story_bigrams",
    "story_tokens",
];

/// [`INPUTS`], owned.
pub fn input_names() -> Vec<String> {
    INPUTS.iter().map(|s| s.to_string()).collect()
}

/// The input vector of `features`, in the order of [`INPUTS`].
pub fn inputs(f: &Features) -> Vec<f64> {
    vec![
        f.coverage,
        f.copied,
        f.verbatim,
        f.longest_run.ln_1p(),
        f.template,
        f.narration,
        f.quoted,
        f.source_used,
        f.order,
        f.edit_rate.min(3.0),
        f.refill.min(5.0),
        f.long_narration.ln_1p(),
        f.containment,
        f.article_words.max(1.0).ln(),
        f.lead,
        f.sentences,
        f.exact,
        f.function_words,
        f.fivegrams,
        f.story_words,
        f.story_content,
        f.story_bigrams,
        f.story_tokens,
    ]
}

/// A fitted verdict model.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Model {
    /// How the model was made.
    pub provenance: Provenance,
    /// The input names, as in [`INPUTS`].
    pub inputs: Vec<String>,
    /// Mean of each input on the fitting data.
    pub mean: Vec<f64>,
    /// Standard deviation of each input on the fitting data (1 where it was 0).
    pub scale: Vec<f64>,
    /// The classes, in the order of `weights` and `bias`.
    pub classes: [Derived; 3],
    /// One row of coefficients per class, over the standardized inputs.
    pub weights: Vec<Vec<f64>>,
    /// One intercept per class.
    pub bias: Vec<f64>,
    /// The decision thresholds of the presets.
    pub thresholds: PresetThresholds,
    /// Share of the fitting stories with decisive copy evidence
    /// ([`super::has_decisive_copy`]) that are derived: the probability of being derived given
    /// to a text the rule reports (0 in a model written before it).
    #[serde(default)]
    pub decisive_precision: f64,
    /// The cross-validated figures of the fit, as the fit reported them.
    pub cross_validated: serde_json::Value,
}

/// How a model was made.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Provenance {
    /// The command that wrote the model.
    pub command: String,
    /// What it was fitted on.
    pub data: String,
    /// Labelled stories used.
    pub stories: usize,
    /// How the cross-validation folds were made.
    pub folds: String,
    /// The estimator.
    pub estimator: String,
}

/// The minimum probability of being derived that each preset reports.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
pub struct PresetThresholds {
    /// Strict: only clear copying.
    pub strict: f64,
    /// The default.
    pub standard: f64,
    /// Lenient: short borrowings too.
    pub lenient: f64,
}

/// The probability of each class (all 0 in a report saved before the model existed).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct Probabilities {
    /// Wholly derived.
    pub wholly: f64,
    /// Partially derived.
    pub partially: f64,
    /// Not derived.
    pub none: f64,
}

impl Probabilities {
    /// Certainly not derived.
    pub const NONE: Probabilities = Probabilities {
        wholly: 0.0,
        partially: 0.0,
        none: 1.0,
    };

    /// The probability of being derived, wholly or partially.
    pub fn derived(&self) -> f64 {
        self.wholly + self.partially
    }

    /// These probabilities with at least `derived` of being derived, the mass added to
    /// partially (what a long copied run in an otherwise independent text is).
    pub fn at_least_derived(&self, derived: f64) -> Probabilities {
        let missing = (derived - self.derived()).max(0.0);
        if missing == 0.0 {
            return *self;
        }
        Probabilities {
            wholly: self.wholly,
            partially: self.partially + missing,
            none: (self.none - missing).max(0.0),
        }
    }

    /// These probabilities with wholly's mass moved to partially: what an article whose
    /// sources hold too little of it to be wholly derived is (see
    /// [`super::MAX_OWN_PROSE`]).
    pub fn at_most_partially(&self) -> Probabilities {
        Probabilities {
            wholly: 0.0,
            partially: self.partially + self.wholly,
            none: self.none,
        }
    }

    /// The verdict at threshold `min_derived`: derived when [`Probabilities::derived`] reaches
    /// it, then wholly or partially, whichever is likelier.
    pub fn decide(&self, min_derived: f64) -> Derived {
        if self.derived() < min_derived {
            Derived::None
        } else if self.wholly >= self.partially {
            Derived::Wholly
        } else {
            Derived::Partially
        }
    }
}

impl Model {
    /// The class probabilities for `features`.
    pub fn probabilities(&self, features: &Features) -> Probabilities {
        let x: Vec<f64> = inputs(features)
            .iter()
            .zip(self.mean.iter().zip(&self.scale))
            .map(|(v, (m, s))| (v - m) / s)
            .collect();
        let logits: Vec<f64> = self
            .weights
            .iter()
            .zip(&self.bias)
            .map(|(w, b)| b + w.iter().zip(&x).map(|(w, x)| w * x).sum::<f64>())
            .collect();
        let p = softmax(&logits);
        let mut out = Probabilities::NONE;
        for (class, p) in self.classes.iter().zip(p) {
            match class {
                Derived::Wholly => out.wholly = p,
                Derived::Partially => out.partially = p,
                Derived::None => out.none = p,
            }
        }
        out
    }

    /// Whether the model fits the code: its inputs are [`INPUTS`] and every row has their
    /// length.
    pub fn is_consistent(&self) -> bool {
        let n = INPUTS.len();
        self.inputs
            .iter()
            .map(String::as_str)
            .eq(INPUTS.iter().copied())
            && self.mean.len() == n
            && self.scale.len() == n
            && self.scale.iter().all(|s| *s > 0.0)
            && self.weights.len() == 3
            && self.weights.iter().all(|w| w.len() == n)
            && self.bias.len() == 3
    }
}

/// Softmax, stable for large logits.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp: Vec<f64> = logits.iter().map(|l| (l - max).exp()).collect();
    let sum: f64 = exp.iter().sum();
    exp.iter().map(|e| e / sum).collect()
}

/// The committed model, as written by the fit.
pub const MODEL_JSON: &str = include_str!("model.json");

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    match serde_json::from_str::<Model>(MODEL_JSON) {
        Ok(model) if model.is_consistent() => model,
        // The file is compiled in and checked by the tests below, so this is a build defect; a
        // check still runs (every article gets the same uncertain verdict) and the fit, which
        // needs no model, can still write a good one.
        _ => {
            tracing::error!(
                "verdict/model.json does not match verdict::model::INPUTS; rerun the fit"
            );
            Model::neutral()
        }
    }
});

impl Model {
    /// A model that knows nothing: every class equally likely.
    pub fn neutral() -> Model {
        let n = INPUTS.len();
        Model {
            provenance: Provenance {
                command: String::new(),
                data: "none".into(),
                stories: 0,
                folds: String::new(),
                estimator: "none".into(),
            },
            inputs: input_names(),
            mean: vec![0.0; n],
            scale: vec![1.0; n],
            classes: [Derived::Wholly, Derived::Partially, Derived::None],
            weights: vec![vec![0.0; n]; 3],
            bias: vec![0.0; 3],
            thresholds: PresetThresholds {
                strict: 0.5,
                standard: 0.5,
                lenient: 0.5,
            },
            decisive_precision: 0.0,
            cross_validated: serde_json::Value::Null,
        }
    }
}

/// The committed model.
pub fn model() -> &'static Model {
    &MODEL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_parses_and_fits_the_code() {
        let model: Model = serde_json::from_str(MODEL_JSON).unwrap();
        assert!(model.is_consistent(), "{:?}", model.inputs);
        assert_eq!(inputs(&Features::default()).len(), INPUTS.len());
        let t = model.thresholds;
        assert!(
            0.0 < t.lenient && t.lenient <= t.standard && t.standard <= t.strict && t.strict < 1.0
        );
    }

    #[test]
    fn probabilities_sum_to_one() {
        let p = model().probabilities(&Features {
            coverage: 0.4,
            copied: 0.3,
            longest_run: 15.0,
            article_words: 300.0,
            ..Features::default()
        });
        assert!(
            (p.wholly + p.partially + p.none - 1.0).abs() < 1e-9,
            "{p:?}"
        );
        assert_eq!(Probabilities::NONE.decide(0.5), Derived::None);
    }
}
