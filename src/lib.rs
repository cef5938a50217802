//! troubleshooter: an embeddable, client-side guided troubleshooter.
//!
//! [`flow`] is the engine (pure Rust, tested natively); `ui` and `embed` are the Yew widget and
//! its mounting in a page, built for WebAssembly only.

pub mod embed;
pub mod flow;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod ui;
