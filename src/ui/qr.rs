//! A QR code, drawn as inline SVG elements (no image, no script, no network).

use yew::prelude::*;

use crate::flow::qr::Qr;

/// Props of [`QrCode`].
#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// What the code holds, such as a `mailto:` URL.
    pub text: AttrValue,
    /// What it is, for screen readers.
    pub label: AttrValue,
}

/// The QR code of a text, or nothing when the text is too long for one.
#[function_component]
pub fn QrCode(props: &QrCodeProps) -> Html {
    let Some(qr) = Qr::new(&props.text) else {
        return html! {};
    };
    let view = qr.view_size();
    html! {
        <svg class="gt-qr" role="img" aria-label={props.label.clone()} viewBox={format!("0 0 {view} {view}")}
            width="200" height="200" shape-rendering="crispEdges">
            <rect width={view.to_string()} height={view.to_string()} fill="#fff" />
            <path d={qr.path} fill="#000" />
        </svg>
    }
}
