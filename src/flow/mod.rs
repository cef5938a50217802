//! The engine: flows as data, their validation, one person's session through a flow, and the
//! texts handed to a helpdesk. Pure Rust with no browser APIs, so all of it is tested natively
//! and shared by the widget and the `flowcheck` command.

pub mod config;
pub mod diagram;
pub mod error;
pub mod fields;
#[cfg(not(target_arch = "wasm32"))]
pub mod flowtest;
#[cfg(not(target_arch = "wasm32"))]
pub mod fuzz;
#[cfg(not(target_arch = "wasm32"))]
pub mod generate;
pub mod handoff;
pub mod json;
#[cfg(not(target_arch = "wasm32"))]
pub mod lint;
pub mod load;
pub mod markup;
pub mod model;
pub mod pattern;
pub mod qr;
pub mod readability;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod session;
pub mod template;
pub mod validate;
pub mod walk;

pub use config::Config;
pub use error::FlowError;
pub use handoff::Handoff;
pub use model::{Flow, Node, OutcomeKind};
pub use session::{Answer, Refusal, Screen, Session};
pub use validate::ValidFlow;

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
