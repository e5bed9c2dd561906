//! Normalization for matching: NFKC, case, quotes, dashes, spelling variants.
