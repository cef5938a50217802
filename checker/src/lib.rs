//! The flow checker as a WebAssembly module. The widget's own module reads flows without their
//! rules (`ValidFlow::from_checked_json`), which keeps the rules and their messages out of every
//! page that shows a built-in flow; a page with its own flow file loads this module too, and
//! the widget shows the flow only when it has no problems here.

use troubleshooter::flow::ValidFlow;
use wasm_bindgen::prelude::*;

/// Every problem `flowcheck check` finds in a flow text (none for a flow the widget can show),
/// each written as flowcheck writes it, with the file as `name` calls it.
#[wasm_bindgen]
pub fn check(text: &str, name: &str) -> Vec<String> {
    match ValidFlow::from_json(text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.in_file(name)).collect(),
    }
}
