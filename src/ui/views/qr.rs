//! A QR code, drawn as inline SVG elements (no image, no script, no network).

use yew::prelude::*;

use crate::ui::state::QrImage;

/// A QR code (such as a `mailto:` URL's) with what it is for screen readers.
pub fn qr_code(code: &QrImage, label: &str) -> Html {
    let view = code.view.to_string();
    html! {
        <svg class="gt-qr" role="img" aria-label={label.to_owned()} viewBox={format!("0 0 {view} {view}")}
            width="200" height="200" shape-rendering="crispEdges">
            <rect width={view.clone()} height={view} fill="#fff" />
            <path d={code.path.clone()} fill="#000" />
        </svg>
    }
}
