//! Stub: replaced by the newsml parser.

use super::{NewStory, SkipReason};

pub(crate) fn parse(text: &str, origin: &str) -> Result<Vec<NewStory>, SkipReason> {
    let _ = (text, origin);
    unimplemented!("newsml parser")
}
