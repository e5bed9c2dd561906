//! Fingerprints: hashes of word n-grams, sampled so the index stays small.
//!
//! Every run of [`SHINGLE`] consecutive normalized words is hashed; only hashes that are
//! `0 mod SAMPLE` are kept ("0 mod p" selection). Because the choice depends on the hash alone,
//! the article and the stored story keep the same n-grams wherever they share text, so any
//! shared passage of a few dozen words is all but certain to share some fingerprints.

use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use crate::text::Token;

/// Words per fingerprinted n-gram.
pub const SHINGLE: usize = 3;
/// One n-gram hash in `SAMPLE` is kept.
pub const SAMPLE: u64 = 4;
/// Names the scheme above; stored in the archive so a change forces a rebuild of the index.
pub const SCHEME: &str = "xxh3/word3/mod4/v1";

/// The sampled fingerprints of `tokens`, sorted and distinct.
pub fn fingerprints(tokens: &[Token]) -> Vec<i64> {
    let word_hashes: Vec<u64> = tokens.iter().map(|t| xxh3_64(t.norm.as_bytes())).collect();
    let mut out: Vec<i64> = word_hashes
        .windows(SHINGLE)
        .map(shingle_hash)
        .filter(|h| h % SAMPLE == 0)
        // SQLite integers are signed; the bit pattern is what matters.
        .map(|h| h as i64)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn shingle_hash(words: &[u64]) -> u64 {
    let mut bytes = [0u8; 8 * SHINGLE];
    for (chunk, word) in bytes.chunks_exact_mut(8).zip(words) {
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    xxh3_64(&bytes)
}

/// A 128-bit hash of a story's normalized words: the same story imported twice (from any
/// format, whatever its whitespace or quote style) gets the same hash.
pub fn content_hash(tokens: &[Token]) -> [u8; 16] {
    let mut joined = String::with_capacity(tokens.iter().map(|t| t.norm.len() + 1).sum());
    for token in tokens {
        joined.push_str(&token.norm);
        joined.push(' ');
    }
    xxh3_128(joined.as_bytes()).to_le_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(words: &str) -> Vec<Token> {
        words
            .split_whitespace()
            .map(|w| Token {
                norm: w.to_string(),
                start: 0,
                end: 0,
            })
            .collect()
    }

    #[test]
    fn shared_text_shares_fingerprints() {
        let passage = "the harbour authority said the new cranes would double the number of \
                       containers handled at the eastern terminal by the end of next year";
        let a = fingerprints(&tokens(&format!(
            "a fresh opening line {passage} and a new end"
        )));
        let b = fingerprints(&tokens(&format!(
            "wire copy begins {passage} wire copy ends"
        )));
        let shared = a.iter().filter(|h| b.contains(h)).count();
        assert!(
            shared >= 2,
            "a 25-word shared passage must share sampled n-grams, got {shared}"
        );
    }

    #[test]
    fn sampling_keeps_about_one_in_four() {
        let text: String = (0..4000).map(|i| format!("w{i} ")).collect();
        let n = fingerprints(&tokens(&text)).len();
        assert!(
            (700..1300).contains(&n),
            "expected about 1000 of 3998 n-grams, got {n}"
        );
    }

    #[test]
    fn fingerprints_are_sorted_and_distinct() {
        let fps = fingerprints(&tokens(
            &"a b c a b c a b c d e f g h i j k l m n o p".repeat(20),
        ));
        assert!(fps.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn content_hash_depends_on_words_only() {
        assert_eq!(
            content_hash(&tokens("one two three")),
            content_hash(&tokens("one  two three"))
        );
        assert_ne!(
            content_hash(&tokens("one two three")),
            content_hash(&tokens("one two four"))
        );
    }
}
