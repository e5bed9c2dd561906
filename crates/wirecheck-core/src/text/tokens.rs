//! Words with their offsets in the original text.

/// A word of the text, normalized for matching, with its place in the original.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// The normalized form used for matching (see [`super::normalize`]).
    pub norm: String,
    /// Byte offset of the word's first byte in the original text.
    pub start: usize,
    /// Byte offset just past the word in the original text.
    pub end: usize,
}

/// Splits `text` into normalized words that keep their byte offsets.
pub fn tokenize(text: &str) -> Vec<Token> {
    let _ = text;
    unimplemented!("tokenize")
}
