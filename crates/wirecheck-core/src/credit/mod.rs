//! Article in, credits out: the agency alias table and credit detection.

pub mod agencies;
pub mod detect;

pub use agencies::{Agency, AgencyTable, BUILTIN_AGENCIES, Mention, canonical_agency};
pub use detect::{CreditKind, FoundCredit, dateline_agency, find_credits};
