//! The tools for people who write flows, not for people who walk them: what `flowcheck` runs and
//! what the tests and the fuzzers use. Native only, and built on [`crate::flow`] (never the
//! other way round), so nothing here can end up in the widget's download: what is under
//! `src/flow/` is what the wasm runs.

pub mod diagram;
pub mod exchange;
pub mod flowtest;
pub mod fuzz;
pub mod generate;
pub mod lint;
pub mod readability;
pub mod schema;
mod transcript;
pub mod translations;
pub mod walk;

pub use transcript::transcript;
