//! Finding where an article credits an agency.
