//! A QR code, drawn as inline SVG elements (no image, no script, no network).

use yew::prelude::*;

use crate::flow::qr::Qr;

/// The QR code of a text (such as a `mailto:` URL) with what it is for screen readers, or
/// nothing when the text is too long for one.
pub fn qr_code(text: &str, label: &str) -> Html {
    let Some(qr) = Qr::new(text) else {
        return html! {};
    };
    let view = qr.view_size().to_string();
    html! {
        <svg class="gt-qr" role="img" aria-label={label.to_owned()} viewBox={format!("0 0 {view} {view}")}
            width="200" height="200" shape-rendering="crispEdges">
            <rect width={view.clone()} height={view} fill="#fff" />
            <path d={qr.path} fill="#000" />
        </svg>
    }
}
