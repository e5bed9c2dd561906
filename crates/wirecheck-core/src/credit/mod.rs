//! Article in, credits out: the agency alias table and credit detection.
//!
//! [`detect`] tries each credit form on the article; each form has a module named for it, and
//! all of them read the line-and-mention model of `mention`.

pub mod agencies;
mod attribution;
mod byline;
mod credit_line;
mod dateline;
pub mod detect;
pub mod issuer;
#[cfg(test)]
mod languages_tests;
mod mention;
mod not_credit;
pub mod page_author;
mod sign_off;
mod statement;
#[cfg(test)]
mod testing;
mod with_inputs;
