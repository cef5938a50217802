//! flowcheck as a WebAssembly module, for the studio page: what `flowcheck check`, `graph`,
//! `paths`, `render` and `test` say of the text in the editor. Only the studio loads it; the
//! widget's pages never do. Answers are JSON texts (see `troubleshooter::authoring::studio`).

use serde_json::{json, Value};
use troubleshooter::authoring::studio;
use wasm_bindgen::prelude::*;

/// Every problem in a flow text, placed by line and column, and its nodes.
#[wasm_bindgen]
pub fn check(text: &str, name: &str) -> String {
    studio::check(text, name).to_string()
}

/// The flow as a Mermaid diagram, if the text reads as a flow.
#[wasm_bindgen]
pub fn graph(text: &str) -> Option<String> {
    studio::graph(text)
}

/// Every way through the flow with what it hands over, with the page's settings (a JSON
/// object, as in `flowcheck render`'s answers file); `{"error": …}` if the flow or a setting
/// is not usable.
#[wasm_bindgen]
pub fn paths(text: &str, settings: &str) -> String {
    let settings: Value = serde_json::from_str(settings).unwrap_or_default();
    studio::usable(text)
        .and_then(|flow| Ok(studio::paths(flow, &studio::page(&settings)?)))
        .unwrap_or_else(|e| json!({ "error": e }))
        .to_string()
}

/// The snapshot the widget resumes from to stand on `node`.
#[wasm_bindgen(js_name = snapshotAt)]
pub fn snapshot_at(text: &str, node: &str) -> Option<String> {
    studio::snapshot_at(studio::usable(text).ok()?, node)
}

/// A test file's results on the flow; `{"error": …}` if either cannot be read.
#[wasm_bindgen]
pub fn test(text: &str, tests: &str, name: &str) -> String {
    studio::usable(text)
        .and_then(|flow| studio::test(flow, tests, name))
        .unwrap_or_else(|e| json!({ "error": e }))
        .to_string()
}
