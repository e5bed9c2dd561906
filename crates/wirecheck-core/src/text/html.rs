//! HTML in, article text out.
