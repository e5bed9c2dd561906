//! Harnesses that measure the Wirecheck engine, kept apart from it so that the engine's API
//! stays what a caller of the engine needs:
//!
//! - [`meter`]: the METER evaluation (Clough et al., 2002), every labelled newspaper story
//!   checked against the PA copy through the same path as `wirecheck check`;
//! - [`fit`]: the fit of the verdict model on METER, with cross-validation by day, which
//!   writes the engine's `verdict/model.json`;
//! - [`reuters`]: false reports on Reuters-21578, stories that share no 8-word run with the
//!   archive checked against it (and, as a control, stories that repeat one);
//! - [`alignment`]: a PAN-style text-alignment benchmark built from Reuters-21578: stored
//!   stories' passages put into documents of unrelated stories, scored by PAN's plagdet;
//! - [`languages`]: language detection on a corpus whose language is known.
#![deny(missing_docs)]

pub mod alignment;
pub mod fit;
mod gold;
pub mod languages;
pub mod meter;
mod metrics;
pub mod reuters;
mod workers;

pub use languages::{LanguageFigures, Misdetection, evaluate_languages};
pub use meter::{
    ConfusionFigures, ImportFigures, MeterEvaluation, Share, SourceAccuracy, StoryOutcome, Timing,
    TokenFigures, evaluate_meter,
};
pub use metrics::Scores;
pub use reuters::{ReutersEvaluation, ReutersOptions, StoredPart, evaluate_reuters};
