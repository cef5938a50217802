//! sessionStorage for `persist="session"`: answers survive a reload of the same tab, and go when
//! the tab closes. Nothing is stored unless the page asks for it.

/// The key a widget's answers are kept under: the flow and the element (its id, or its place on
/// the page), so two widgets on a page, or two flows, never read each other's.
pub fn key(flow: &str, element: &str) -> String {
    format!("troubleshooter:{flow}:{element}")
}

/// The stored text under a key, if any.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores text under a key.
pub fn save(key: &str, text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, text);
    }
}

/// Removes a key.
pub fn clear(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
