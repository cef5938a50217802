//! QR codes for kiosks: a person takes the prefilled email (or a link) away on their own phone.
//! Encoded by `qrcodegen`, drawn as one SVG path of unit squares, with no JavaScript and no
//! network.

use qrcodegen::{QrCode, QrCodeEcc};

/// The most characters put into one code. Longer codes need more modules than a phone camera
/// reads reliably from a kiosk screen or a printed slip.
pub const MAX_QR_TEXT: usize = 1_200;

/// A QR code ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side, without the quiet zone.
    pub size: usize,
    /// An SVG path: one `M x y h1 v1 h-1 z` square per dark module, offset by the 4-module quiet
    /// zone, for a `viewBox` of `0 0 size+8 size+8`.
    pub path: String,
}

impl Qr {
    /// Encodes text with medium error correction, or `None` when it is too long.
    pub fn new(text: &str) -> Option<Qr> {
        if text.len() > MAX_QR_TEXT {
            return None;
        }
        // Byte mode: the texts are URLs with lowercase letters, which the smaller numeric and
        // alphanumeric modes cannot hold anyway, so encode_text's mode choice is dead weight.
        let code = QrCode::encode_binary(text.as_bytes(), QrCodeEcc::Medium).ok()?;
        let size = code.size() as usize;
        let mut path = String::new();
        for y in 0..size {
            for x in 0..size {
                if code.get_module(x as i32, y as i32) {
                    path.push_str(&format!("M{} {}h1v1h-1z", x + 4, y + 4));
                }
            }
        }
        Some(Qr { size, path })
    }

    /// The side of the `viewBox`, quiet zone included.
    pub fn view_size(&self) -> usize {
        self.size + 8
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Draws the path's squares into a bitmap and reads it back with a QR decoder.
    fn decode(qr: &Qr) -> String {
        let scale = 4;
        let side = qr.view_size() * scale;
        let mut dark = vec![false; side * side];
        for square in qr.path.split('M').filter(|s| !s.is_empty()) {
            let coords: Vec<usize> = square
                .split(['h', ' '])
                .take(2)
                .map(|n| n.parse().unwrap())
                .collect();
            for dy in 0..scale {
                for dx in 0..scale {
                    dark[(coords[1] * scale + dy) * side + coords[0] * scale + dx] = true;
                }
            }
        }
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            if dark[y * side + x] {
                0
            } else {
                255
            }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1);
        grids[0].decode().unwrap().1
    }

    #[test]
    fn a_mailto_link_round_trips_through_a_decoder() {
        let url = "mailto:helpdesk@contoso.com?subject=MFA%20reset%20needed&body=Hello%0D%0AReference%3A%20x";
        let qr = Qr::new(url).unwrap();
        assert_eq!(decode(&qr), url);
        assert!(
            qr.path.starts_with("M4 4h1v1h-1z"),
            "the finder pattern's corner is dark"
        );
    }

    #[test]
    fn text_too_long_for_a_kiosk_code_is_refused() {
        assert!(Qr::new(&"x".repeat(MAX_QR_TEXT + 1)).is_none());
        assert!(Qr::new(&"x".repeat(MAX_QR_TEXT)).is_some());
    }
}
