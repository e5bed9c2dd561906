//! Reading wire stories from files: format detection and one parser per format.

mod article_text;
mod detect;
mod html;
mod jsonl;
mod newsml;
mod nitf;
mod plain;
mod walk;
mod wire;

use std::fmt;

use super::NewStory;

pub use article_text::MIN_STORY_WORDS;
pub(crate) use article_text::keep_article_stories;
pub use detect::Format;
pub(crate) use jsonl::string_field;
pub use walk::collect_files;
pub(crate) use walk::{io_message, walk_files};

/// Why a file was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkipReason {
    /// The file holds binary data, not text.
    Binary,
    /// The file is compressed (gzip, zip, ...), which is not supported.
    Compressed(&'static str),
    /// The file has no text.
    Empty,
    /// The file looks like a known format but could not be parsed.
    Malformed {
        /// The format it looked like.
        format: &'static str,
        /// What is wrong, in one line.
        message: String,
    },
    /// The file could not be read.
    Unreadable(String),
    /// The file is larger than the importer accepts.
    TooLarge(u64),
    /// A folder was reached again through a symbolic link.
    SymlinkLoop,
    /// The file's text is only entity references, markup, or fewer words than
    /// [`MIN_STORY_WORDS`]: nothing a check could find.
    NoArticleText,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Binary => f.write_str("binary file, not text"),
            SkipReason::Compressed(kind) => {
                write!(
                    f,
                    "{kind} archive; compressed files are not supported, unpack it first"
                )
            }
            SkipReason::Empty => f.write_str("no text"),
            SkipReason::Malformed { format, message } => write!(f, "malformed {format}: {message}"),
            SkipReason::Unreadable(message) => write!(f, "unreadable: {message}"),
            SkipReason::TooLarge(size) => write!(f, "too large ({size} bytes)"),
            SkipReason::SymlinkLoop => f.write_str("symbolic link loop"),
            SkipReason::NoArticleText => f.write_str("no article text"),
        }
    }
}

/// Parses one file's bytes into the stories it holds. `origin` is recorded on each story.
pub fn parse_file(bytes: &[u8], origin: &str) -> Result<Vec<NewStory>, SkipReason> {
    let (format, text) = detect::detect(bytes)?;
    let stories = match format {
        Format::Plain => plain::parse(&text, origin)?,
        Format::Html => html::parse(&text, origin)?,
        Format::Nitf => nitf::parse(&text, origin)?,
        Format::NewsMl => newsml::parse(&text, origin)?,
        Format::JsonLines => jsonl::parse(&text, origin)?,
        Format::Wire => wire::parse(&text, origin)?,
    };
    if stories.is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(stories)
}
