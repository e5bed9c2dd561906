//! Bytes in, text out: BOMs, UTF-8, UTF-16 and legacy single-byte encodings.
