//! A QR code, drawn as inline SVG elements (no image, no script, no network).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::flow::qr::Qr;

/// A code's `viewBox` side and SVG path, cheap to clone into each render.
type Drawn = (usize, AttrValue);

/// How many codes are kept: an outcome shows its email's and a few links'.
const KEPT: usize = 8;

thread_local! {
    /// Codes already encoded, newest last. A kiosk's outcome screen renders again every second
    /// while the idle countdown runs, and encoding is nearly all of its render time (about 10 ms
    /// for two codes, against 0.5 ms for the rest of the screen).
    static ENCODED: RefCell<Vec<(Rc<str>, Option<Drawn>)>> = const { RefCell::new(Vec::new()) };
}

/// The QR code of a text (such as a `mailto:` URL) with what it is for screen readers, or
/// nothing when the text is too long for one.
pub fn qr_code(text: &str, label: &str) -> Html {
    let Some((view, path)) = encoded(text) else {
        return html! {};
    };
    let view = view.to_string();
    html! {
        <svg class="gt-qr" role="img" aria-label={label.to_owned()} viewBox={format!("0 0 {view} {view}")}
            width="200" height="200" shape-rendering="crispEdges">
            <rect width={view.clone()} height={view} fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}

/// `Qr::new(text)`, encoded once while it is among the last few asked for.
fn encoded(text: &str) -> Option<Drawn> {
    ENCODED.with_borrow_mut(|kept| {
        if let Some(i) = kept.iter().position(|(t, _)| **t == *text) {
            let entry = kept.remove(i);
            let qr = entry.1.clone();
            kept.push(entry);
            return qr;
        }
        if kept.len() == KEPT {
            kept.remove(0);
        }
        let qr = Qr::new(text).map(|qr| (qr.view_size(), AttrValue::from(qr.path)));
        kept.push((text.into(), qr.clone()));
        qr
    })
}
