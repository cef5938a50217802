//! The kiosk's QR encoder as a WebAssembly module. Only a widget in kiosk mode draws QR codes,
//! so the encoder is not in the widget's own module: mounting loads this one for a kiosk.

use troubleshooter::flow::qr::Qr;
use wasm_bindgen::prelude::*;

/// A text's QR code as `"<side> <path>"`: the side of its `viewBox` (quiet zone included), then
/// the SVG path of its dark modules (see [`Qr`]); empty when the text is too long for one.
#[wasm_bindgen]
pub fn qr(text: &str) -> String {
    Qr::new(text).map_or_else(String::new, |qr| format!("{} {}", qr.view_size(), qr.path))
}
