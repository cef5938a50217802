//! The JSON Schema of the flow format, generated from the Rust types (native builds only).
//! `schema/flow.schema.json` is this output; a test fails when the two differ.

use crate::flow::model::Flow;

/// The schema as pretty JSON.
pub fn json() -> String {
    let schema = schemars::schema_for!(Flow);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
