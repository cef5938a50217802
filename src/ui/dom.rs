//! The browser calls the widget makes beside rendering: focus, the clipboard and selection,
//! printing the outcome alone, and the browser's history. Every call tolerates a missing
//! window or a refused permission: the widget keeps working, with less.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};
use yew::{MouseEvent, NodeRef};

/// Focuses the first element matching `selector` inside the widget.
pub fn focus(root: &NodeRef, selector: &str) {
    let found = root
        .cast::<Element>()
        .and_then(|root| root.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(el) = found {
        let _ = el.focus();
    }
}

/// The element of the same widget with an id. In-page `#id` links do not reach into a shadow
/// root, so the widget finds the element from the event's own root.
pub fn in_widget(event: &MouseEvent, id: &str) -> Option<HtmlElement> {
    event_element(event)
        .and_then(|el| el.closest(".gt").ok().flatten())
        .and_then(|root| root.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
}

/// The element an event happened on.
pub fn event_element(event: &MouseEvent) -> Option<Element> {
    event.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// Puts text on the clipboard; false where the clipboard is not available (an insecure page, a
/// refused permission).
pub async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let available =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !available {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Focuses an element and selects its text, for the person to copy themselves.
pub fn select_contents(element: &HtmlElement) {
    let _ = element.focus();
    let Some(document) = element.owner_document() else {
        return;
    };
    let (Ok(range), Some(selection)) = (
        document.create_range(),
        web_sys::window().and_then(|w| w.get_selection().ok().flatten()),
    ) else {
        return;
    };
    if range.select_node_contents(element.unchecked_ref()).is_ok() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
}

/// Prints the outcome alone. The widget's own print styles hide the rest of the widget, but
/// from inside a shadow root they cannot reach the host page, so for the length of the print
/// every element beside the widget (at each level up to `<body>`) is hidden through CSSOM,
/// which a strict Content-Security-Policy allows, and restored afterwards.
pub fn print_only(inside: &Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut node = match inside.get_root_node().dyn_into::<ShadowRoot>() {
        Ok(shadow) => shadow.host(),
        Err(_) => inside
            .closest(".gt")
            .ok()
            .flatten()
            .unwrap_or_else(|| inside.clone()),
    };
    let mut hidden: Vec<(HtmlElement, String)> = Vec::new();
    while let Some(parent) = node.parent_element() {
        let siblings = parent.children();
        for i in 0..siblings.length() {
            let Some(sibling) = siblings.item(i) else {
                continue;
            };
            if sibling == node {
                continue;
            }
            if let Ok(element) = sibling.dyn_into::<HtmlElement>() {
                let style = element.style();
                let before = style.get_property_value("display").unwrap_or_default();
                let _ = style.set_property("display", "none");
                hidden.push((element, before));
            }
        }
        if parent.tag_name().eq_ignore_ascii_case("body") {
            break;
        }
        node = parent;
    }
    // print() returns once the print dialog has closed.
    let _ = window.print();
    for (element, before) in hidden {
        let style = element.style();
        let _ = if before.is_empty() {
            style.remove_property("display").map(drop)
        } else {
            style.set_property("display", &before)
        };
    }
}

/// Adds an entry with the page's own URL to the browser's history; whether it was added.
pub fn push_history_entry() -> bool {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .is_some_and(|h| h.push_state(&wasm_bindgen::JsValue::NULL, "").is_ok())
}

/// The browser's Back, as its button does; false when there is no history to ask.
pub fn history_back() -> bool {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .is_some_and(|h| {
            drop(h.back());
            true
        })
}
