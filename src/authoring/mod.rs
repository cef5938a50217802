//! The tools for people who write flows, not for people who walk them: what `flowcheck` runs,
//! what the studio page runs (compiled into its own module, studio/, with the `studio`
//! feature) and what the tests and the fuzzers use. Built on [`crate::flow`] (never the other
//! way round), so nothing here can end up in the widget's download: what is under `src/flow/`
//! is what the widget runs.

pub mod diagram;
pub mod exchange;
pub mod flowtest;
// The fuzzers' generators, the JSON Schema and generated flows are native tools only.
#[cfg(not(target_arch = "wasm32"))]
pub mod fuzz;
#[cfg(not(target_arch = "wasm32"))]
pub mod generate;
pub mod lint;
pub mod locate;
pub mod readability;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod studio;
mod transcript;
pub mod translations;
pub mod walk;

pub use transcript::{transcript, Page};
