//! The WebAssembly module Trunk builds. Everything lives in the `troubleshooter` library; as a
//! `cdylib` this crate exports the library's `#[wasm_bindgen]` entry points (`mountWidget` and
//! its handle), which `troubleshooter.js` calls.

#[cfg(target_arch = "wasm32")]
pub use troubleshooter::embed::{mount_widget, WidgetHandle};

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
