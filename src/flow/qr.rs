//! QR codes for kiosks: a person takes the prefilled email (or a link) away on their own phone.
//! Encoded by `qrcodegen`, drawn as one SVG path of dark rectangles, with no JavaScript and no
//! network.

use std::fmt::Write;

use qrcodegen::{QrCode, QrCodeEcc};

/// The most characters put into one code. Longer codes need more modules than a phone camera
/// reads reliably from a kiosk screen or a printed slip.
pub const MAX_QR_TEXT: usize = 1_200;

/// A QR code ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side, without the quiet zone.
    pub size: usize,
    /// An SVG path: one `M x y h n v1 h-n z` rectangle per run of dark modules in a row, offset
    /// by the 4-module quiet zone, for a `viewBox` of `0 0 size+8 size+8`.
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
        let size = code.size();
        // Runs rather than single squares: half the path text for the page to parse and draw.
        let mut path = String::new();
        for y in 0..size {
            let mut x = 0;
            while x < size {
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                if x > start {
                    let run = x - start;
                    // Writing to a String cannot fail.
                    let _ = write!(path, "M{} {}h{run}v1h-{run}z", start + 4, y + 4);
                }
                x += 1;
            }
        }
        Some(Qr {
            size: size as usize,
            path,
        })
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
        for run in qr.path.split('M').filter(|s| !s.is_empty()) {
            // `x y h<width>v1h-<width>z`
            let numbers: Vec<usize> = run
                .split(['h', ' ', 'v'])
                .take(3)
                .map(|n| n.parse().unwrap())
                .collect();
            let (x, y, width) = (numbers[0], numbers[1], numbers[2]);
            for dy in 0..scale {
                for dx in 0..width * scale {
                    dark[(y * scale + dy) * side + x * scale + dx] = true;
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
            qr.path.starts_with("M4 4h7v1h-7z"),
            "the finder pattern's top edge is one run of seven"
        );
    }

    #[test]
    fn text_too_long_for_a_kiosk_code_is_refused() {
        assert!(Qr::new(&"x".repeat(MAX_QR_TEXT + 1)).is_none());
        assert!(Qr::new(&"x".repeat(MAX_QR_TEXT)).is_some());
    }
}
