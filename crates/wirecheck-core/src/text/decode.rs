//! Bytes in, text out: BOMs, UTF-8, UTF-16 and legacy single-byte encodings.
//!
//! Used for imported wire files and for articles given to a check, so both sides of a
//! comparison are decoded the same way. Apart from line ends, the text is left exactly as the
//! bytes said: the offsets of a check are counted in the decoded text.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

/// Text decoded from bytes, and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, line ends normalized to `\n`, a byte-order mark removed.
    pub text: String,
    /// The encoding's WHATWG name ("UTF-8", "UTF-16LE", "windows-1252", ...).
    pub encoding: &'static str,
}

/// How much of a file [`looks_binary`] inspects for control characters; enough to tell, cheap
/// for large files.
const SAMPLE: usize = 8 * 1024;

/// Decodes `bytes`: a byte-order mark decides; else valid UTF-8 is taken as is; else the
/// encoding is guessed from the bytes (chardetng), so Windows-1252, ISO-8859-x, Shift_JIS and
/// others are detected, not assumed. Bytes that are invalid in the chosen encoding become
/// U+FFFD. `\r\n` and lone `\r` become `\n`.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (text, encoding) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(rest);
        (text.into_owned(), encoding)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), UTF_8)
    } else {
        let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        // UTF-8 was ruled out above: these bytes are not valid UTF-8.
        let encoding = prefer_western(detector.guess(None, Utf8Detection::Deny), bytes);
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        (text.into_owned(), encoding)
    };
    Decoded {
        text: normalize_line_ends(text),
        encoding: encoding.name(),
    }
}

/// Encodings that share ASCII and Latin letters with windows-1252 and differ in the upper
/// half: Central European, Baltic, Turkish, Vietnamese.
const LATIN_SIBLINGS: &[&Encoding] = &[
    encoding_rs::WINDOWS_1250,
    encoding_rs::ISO_8859_2,
    encoding_rs::WINDOWS_1257,
    encoding_rs::ISO_8859_4,
    encoding_rs::ISO_8859_13,
    encoding_rs::WINDOWS_1254,
    encoding_rs::WINDOWS_1258,
];

/// Windows-1252 in place of a Latin sibling when the text is nearly all ASCII.
///
/// Without a hint, chardetng weighs a handful of upper-half bytes poorly: English copy whose
/// only non-ASCII bytes are pound signs (0xA3) comes out as windows-1250, "£20,000" as
/// "Ł20,000". Text really written in those languages has several accented letters in every
/// hundred bytes, inside words; text with fewer than one in a hundred, or with none inside a
/// word (only symbols such as £ and ½ next to digits and spaces), is far likelier Western.
fn prefer_western(guess: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
    if !LATIN_SIBLINGS.contains(&guess) {
        return guess;
    }
    let upper = bytes.iter().filter(|b| !b.is_ascii()).count();
    let wordy = |b: &u8| b.is_ascii_alphabetic() || !b.is_ascii();
    let in_words = bytes
        .windows(3)
        .filter(|w| matches!(w, [a, b, c] if !b.is_ascii() && wordy(a) && wordy(c)))
        .count();
    if upper * 100 < bytes.len() || in_words == 0 {
        encoding_rs::WINDOWS_1252
    } else {
        guess
    }
}

/// Turns `\r\n` and lone `\r` into `\n`; returns the text untouched when it has no `\r`.
fn normalize_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `bytes` look like binary data rather than text: NUL bytes (unless the file starts
/// with a UTF-16 byte-order mark, where NULs are half of ASCII), or more than one in twenty
/// characters of the first 8 KiB being C0 controls other than tab, line ends, form feed and
/// the codes legacy wire feeds use (0x01-0x03, 0x19, 0x1e, 0x1f).
pub fn looks_binary(bytes: &[u8]) -> bool {
    match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) if encoding != UTF_8 => {
            let end = bytes.len().min(bom_len + SAMPLE);
            let sample = bytes.get(bom_len..end).unwrap_or_default();
            let (text, _) = encoding.decode_without_bom_handling(sample);
            too_many_controls(text.chars().map(u32::from))
        }
        _ => {
            bytes.contains(&0)
                || too_many_controls(bytes.iter().take(SAMPLE).map(|&b| u32::from(b)))
        }
    }
}

/// Whether more than 1 in 20 of `units` are control characters that text does not use.
fn too_many_controls(units: impl Iterator<Item = u32>) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for unit in units {
        total += 1;
        let allowed = matches!(
            unit,
            0x01..=0x03 | 0x09 | 0x0a | 0x0c | 0x0d | 0x19 | 0x1e | 0x1f
        );
        if (unit < 0x20 && !allowed) || unit == 0x7f {
            odd += 1;
        }
    }
    odd * 20 > total
}

/// The kind of compressed archive `bytes` start with ("gzip", "zip", "bzip2", "xz", "7z",
/// "zstd"), from its magic number; `None` for anything else.
pub fn compressed_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (&[0x1f, 0x8b], "gzip"),
        (b"PK\x03\x04", "zip"),
        (b"PK\x05\x06", "zip"),
        (b"PK\x07\x08", "zip"),
        (&[0xfd, b'7', b'z', b'X', b'Z', 0x00], "xz"),
        (&[b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c], "7z"),
        (&[0x28, 0xb5, 0x2f, 0xfd], "zstd"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    // "BZh" alone starts ordinary words; the block size digit and the block magic make it sure.
    match bytes {
        [
            b'B',
            b'Z',
            b'h',
            b'1'..=b'9',
            0x31,
            0x41,
            0x59,
            0x26,
            0x53,
            0x59,
            ..,
        ] => Some("bzip2"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_detected_not_assumed_utf8() {
        // "The café’s “special” costs £5 – cheap." in Windows-1252, built by hand.
        let mut bytes = b"The caf\xe9\x92s \x93special\x94 costs \xa35 \x96 cheap.".to_vec();
        bytes.extend_from_slice(b" Another sentence follows here, in plain English.\r\n");
        let decoded = decode(&bytes);
        assert_eq!(
            decoded.encoding, "windows-1252",
            "legacy bytes must be detected"
        );
        assert_eq!(
            decoded.text,
            "The café’s “special” costs £5 – cheap. Another sentence follows here, in plain \
             English.\n",
            "curly quotes, pound sign and dash must survive"
        );
    }

    #[test]
    fn a_few_pound_signs_in_english_are_western() {
        // Latin-1 English whose only upper-half bytes are 0xA3 (£) and 0xBD (½).
        let bytes = b"The court fined the firm \xa320,000 and ordered it to pay costs of \
                      \xa35,000 within 3\xbd months, after hearing the company had ignored \
                      repeated warnings from inspectors about the state of its machinery.";
        let decoded = decode(bytes);
        assert_eq!(
            decoded.encoding, "windows-1252",
            "not a Central European guess"
        );
        assert!(decoded.text.contains("£20,000") && decoded.text.contains("3½ months"));
    }

    #[test]
    fn central_european_text_is_still_detected() {
        // Fictional Polish in windows-1250: "Żółta łódź płynęła wśród łąk i pól."
        let bytes = b"\xaf\xf3\xb3ta \xb3\xf3d\x9f p\xb3yn\xea\xb3a w\x9cr\xf3d \xb3\xb9k i \
                      p\xf3l. \xa3\xf3d\x9f by\xb3a \xbf\xf3\xb3ta, a \x9cwiat\xb3o \
                      s\xb3o\xf1ca by\xb3o ciep\xb3e.";
        let decoded = decode(bytes);
        assert_eq!(decoded.encoding, "windows-1250");
        assert!(decoded.text.starts_with("Żółta łódź"), "{}", decoded.text);
    }

    #[test]
    fn utf16le_with_bom_is_decoded_and_bom_stripped() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Zoë said “hi”\r\nbye".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert!(!looks_binary(&bytes), "NULs of UTF-16 are not binary");
        let decoded = decode(&bytes);
        assert_eq!(decoded.encoding, "UTF-16LE");
        assert_eq!(decoded.text, "Zoë said “hi”\nbye");
    }

    #[test]
    fn utf16be_and_utf8_boms_are_honoured() {
        let mut be = vec![0xfe, 0xff];
        for unit in "Ahoy".encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&be).text, "Ahoy");
        assert_eq!(decode(&be).encoding, "UTF-16BE");
        let utf8 = decode("\u{feff}Ahoy".as_bytes());
        assert_eq!(utf8.text, "Ahoy", "the UTF-8 BOM must not reach the text");
        assert_eq!(utf8.encoding, "UTF-8");
    }

    #[test]
    fn valid_utf8_is_kept_as_is_except_line_ends() {
        let decoded = decode("one\r\ntwo\rthree\n\u{19}four<".as_bytes());
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(
            decoded.text, "one\ntwo\nthree\n\u{19}four<",
            "wire codes are kept"
        );
    }

    #[test]
    fn binary_is_told_from_text() {
        assert!(
            looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            "NUL bytes"
        );
        let mut controls = b"text".to_vec();
        controls.extend(std::iter::repeat_n(0x07, 10));
        assert!(
            looks_binary(&controls),
            "mostly bell characters is not text"
        );
        assert!(
            !looks_binary(b"\x19Para one<\n\x19Para two<\n\x0c"),
            "wire text"
        );
        assert!(!looks_binary(b""), "empty is not binary");
    }

    #[test]
    fn compressed_archives_are_named() {
        assert_eq!(compressed_kind(&[0x1f, 0x8b, 8, 0]), Some("gzip"));
        assert_eq!(compressed_kind(b"PK\x03\x04rest"), Some("zip"));
        assert_eq!(compressed_kind(b"BZh91AY&SY..."), Some("bzip2"));
        assert_eq!(
            compressed_kind(&[0xfd, b'7', b'z', b'X', b'Z', 0]),
            Some("xz")
        );
        assert_eq!(
            compressed_kind(&[b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c]),
            Some("7z")
        );
        assert_eq!(compressed_kind(&[0x28, 0xb5, 0x2f, 0xfd, 0]), Some("zstd"));
        assert_eq!(
            compressed_kind(b"BZh is a word here"),
            None,
            "text that starts like bzip2"
        );
        assert_eq!(compressed_kind(b"PK"), None);
    }
}
