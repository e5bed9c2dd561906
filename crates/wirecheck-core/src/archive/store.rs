//! The archive file: opening, storing, listing, searching and removing stories.

use serde::Serialize;

/// The format a story was read from.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StoryFormat {
    /// Plain text.
    #[default]
    Plain,
    /// An HTML page.
    Html,
    /// IPTC NITF XML.
    Nitf,
    /// IPTC NewsML-G2 XML.
    NewsMl,
    /// JSON Lines.
    JsonLines,
    /// Legacy wire text (control characters, `<` line ends, page headers).
    Wire,
}

impl StoryFormat {
    /// The name stored in the archive and shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            StoryFormat::Plain => "plain",
            StoryFormat::Html => "html",
            StoryFormat::Nitf => "nitf",
            StoryFormat::NewsMl => "newsml",
            StoryFormat::JsonLines => "jsonl",
            StoryFormat::Wire => "wire",
        }
    }
}
