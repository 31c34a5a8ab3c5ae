//! Facts about items, derived from the tree and its text: what the rules compare.
//!
//! Later stages read these facts; nothing here knows about rules or output.

pub mod text;
