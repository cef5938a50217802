//! troubleshooter: an embeddable, client-side guided troubleshooter.
//!
//! [`flow`] is the engine (pure Rust, tested natively); [`ui`] and [`embed`] are the Yew widget
//! and its mounting in a page, built for WebAssembly but for their pure-data parts (the settings
//! and the attribute parser that fills them), which are tested natively.

// Every public item says what it is for (checked by `make lint`, which builds the docs).
#![warn(missing_docs)]

pub mod embed;
pub mod flow;
pub mod i18n;
pub mod ui;
