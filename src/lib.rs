//! troubleshooter: an embeddable, client-side guided troubleshooter.
//!
//! [`flow`] is the engine (pure Rust, tested natively); [`ui`] and [`embed`] are the Yew widget
//! and its mounting in a page, built for WebAssembly but for their pure-data parts (the settings
//! and the attribute parser that fills them), which are tested natively. Together they are what
//! the wasm holds. `authoring` is for the people who write flows: `flowcheck`'s tools, built
//! natively (and into the studio's module, studio/, with the `studio` feature) on top of the
//! rest. Without the default `widget` feature the crate is `flow` alone: the checker module
//! (checker/) that pages with their own flows load.

// Every public item says what it is for (checked by `make lint`, which builds the docs).
#![warn(missing_docs)]

#[cfg(any(
    all(not(target_arch = "wasm32"), feature = "widget"),
    feature = "studio"
))]
pub mod authoring;
#[cfg(feature = "widget")]
pub mod embed;
pub mod flow;
#[cfg(feature = "widget")]
pub mod i18n;
#[cfg(feature = "widget")]
pub mod ui;
