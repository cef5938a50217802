//! troubleshooter: an embeddable, client-side guided troubleshooter.
//!
//! [`flow`] is the engine (pure Rust, tested natively); `ui` and `embed` are the Yew widget and
//! its mounting in a page, built for WebAssembly only. Together they are what the wasm holds.
//! [`authoring`] is for the people who write flows: `flowcheck`'s tools, built natively only,
//! on top of [`flow`].

#[cfg(not(target_arch = "wasm32"))]
pub mod authoring;
pub mod embed;
pub mod flow;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod ui;
