//! Bytes of any encoding in, words with offsets out: decode, tokenize, normalize.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecheck_core::text::decode::decode;
use wirecheck_core::text::normalize::{normalize, normalize_word};
use wirecheck_core::text::{Prepared, tokenize};

fuzz_target!(|bytes: &[u8]| {
    let decoded = decode(bytes);
    let text = decoded.text.as_str();
    assert!(!text.contains('\r'), "line ends are normalized to \\n");

    let tokens = tokenize(text);
    let mut previous_end = 0;
    for token in &tokens {
        assert!(token.start < token.end, "a token is never empty: {token:?}");
        assert!(token.end <= text.len(), "token inside the text: {token:?}");
        assert!(
            text.is_char_boundary(token.start) && text.is_char_boundary(token.end),
            "token offsets on char boundaries: {token:?}"
        );
        assert!(
            previous_end <= token.start,
            "tokens are in order and do not overlap: {token:?}"
        );
        previous_end = token.end;
        let again = normalize_word(&token.norm);
        assert_eq!(
            again, token.norm,
            "normalize_word is idempotent on a token's norm"
        );
    }

    let normalized = normalize(text);
    assert_eq!(
        normalized.map.len(),
        normalized.text.chars().count(),
        "one map entry per char of the normalized text"
    );
    for &offset in &normalized.map {
        assert!(
            offset <= text.len() && text.is_char_boundary(offset),
            "the offset map points at char boundaries of the original: {offset}"
        );
    }
    assert_eq!(
        normalize(&normalized.text).text,
        normalized.text,
        "normalize is idempotent"
    );

    let prepared = Prepared::new(decoded.text.clone());
    for range in &prepared.boilerplate {
        assert!(
            range.start <= range.end && range.end <= text.len(),
            "boilerplate range inside the text: {range:?}"
        );
        assert!(
            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
            "boilerplate range on char boundaries: {range:?}"
        );
    }
    assert!(
        prepared.tokens.len() <= tokens.len(),
        "setting boilerplate aside only removes words"
    );
});
