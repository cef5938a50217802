//! The engine the widget runs: flows as data, reading and validating them, one person's session
//! through a flow, and the texts handed to a helpdesk. Pure Rust with no browser APIs, so all of
//! it is tested natively. Everything here is built into the widget; what only `flowcheck`, the
//! tests and the fuzzers need (walks, diagrams, lint, flow tests...) is in `crate::authoring`
//! (native only).

pub mod config;
pub mod error;
pub mod fields;
pub mod handoff;
pub mod json;
pub mod load;
pub mod markup;
pub mod model;
pub mod pattern;
pub mod qr;
pub mod session;
pub mod template;
pub mod translation;
pub mod valid;
pub mod validate;

pub use config::Config;
pub use error::FlowError;
pub use handoff::Handoff;
pub use model::{Flow, Node, OutcomeKind};
pub use session::{Answer, Refusal, Screen, Session};
pub use valid::ValidFlow;

/// The flows built into the widget, by id (minified from `flows/` by build.rs).
pub const BUILT_IN: [(&str, &str); 1] = [(
    "microsoft-authenticator",
    include_str!(concat!(env!("OUT_DIR"), "/microsoft-authenticator.json")),
)];

/// The JSON text of a built-in flow.
pub fn built_in(id: &str) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, json)| *json)
}
