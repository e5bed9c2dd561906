//! Any pasted page in, article text out; `extract` returns text, not offsets, so the text it
//! returns is checked to tokenize cleanly (offsets inside it, on char boundaries).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecheck_core::text::html::{extract, looks_like_html};
use wirecheck_core::text::tokenize;

fuzz_target!(|bytes: &[u8]| {
    let html = String::from_utf8_lossy(bytes);
    let _ = looks_like_html(&html);
    let extracted = extract(&html);
    let text = extracted.text.as_str();
    for token in tokenize(text) {
        assert!(
            token.start < token.end && token.end <= text.len(),
            "token inside the extracted text: {token:?}"
        );
        assert!(
            text.is_char_boundary(token.start) && text.is_char_boundary(token.end),
            "token on char boundaries of the extracted text: {token:?}"
        );
    }
    for field in [
        &extracted.title,
        &extracted.headline,
        &extracted.byline,
        &extracted.published,
    ]
    .into_iter()
    .flatten()
    {
        assert!(
            field.len() <= html.len() * 4 + 64,
            "metadata does not grow beyond its input: {} bytes from {}",
            field.len(),
            html.len()
        );
    }
});
