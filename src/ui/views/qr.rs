//! A QR code, drawn as inline SVG elements (no image, no script, no network).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::StateHandle;
use crate::flow::qr::Qr;

/// The codes drawn on the current screen, by text: each `viewBox` side and SVG path. A kiosk's
/// outcome renders again every second while the idle countdown runs, and encoding was nearly all
/// of that (about 10 ms for its two codes, against 0.5 ms for the rest of the screen). The state
/// starts a new set with each screen, so no code of an earlier person's email outlives theirs.
#[derive(Clone, Debug, Default)]
pub struct QrCodes(Rc<RefCell<Vec<Drawn>>>);

/// A code as drawn: its text, `viewBox` side and SVG path (cheap to clone into each render).
#[derive(Clone, Debug)]
struct Drawn {
    text: String,
    view: usize,
    path: AttrValue,
}

impl QrCodes {
    fn drawn(&self, text: &str) -> Option<Drawn> {
        let mut codes = self.0.borrow_mut();
        if let Some(drawn) = codes.iter().find(|d| d.text == text) {
            return Some(drawn.clone());
        }
        // A text too long for a code is refused before any encoding: nothing to keep.
        let qr = Qr::new(text)?;
        let drawn = Drawn {
            text: text.to_owned(),
            view: qr.view_size(),
            path: qr.path.into(),
        };
        codes.push(drawn.clone());
        Some(drawn)
    }
}

/// The QR code of a text (such as a `mailto:` URL) with what it is for screen readers, or
/// nothing when the text is too long for one.
pub fn qr_code(state: &StateHandle, text: &str, label: &str) -> Html {
    let Some(Drawn { view, path, .. }) = state.qr_codes.drawn(text) else {
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
