//! The agency alias table.
