//! The email as a `mailto:` link (RFC 6068), within a length mail apps and browsers open.

use super::email::Email;

/// The default most characters of a `mailto:` URL. Some mail apps and browsers cut or refuse
/// longer links; the full text stays available to copy, print and download.
pub const MAILTO_BUDGET: usize = 2_000;

impl Email {
    /// A `mailto:` URL (RFC 6068) of at most `budget` characters. Everything but unreserved
    /// characters is percent-encoded, so nothing typed can add a header or end the URL. When
    /// the whole body does not fit, whole lines are cut from the end and `note` (which says the
    /// full text is in the widget) closes the body.
    pub fn mailto(&self, budget: usize, note: &str) -> String {
        let to: String = self.to.as_deref().map(encode_address).unwrap_or_default();
        let build = |subject: &str, body: &str| {
            format!(
                "mailto:{to}?subject={}&body={}",
                encode(subject),
                encode(body)
            )
        };
        let full = build(&self.subject, &self.body());
        if full.len() <= budget {
            return full;
        }
        // Each line costs what it adds once encoded; keep as many leading lines as fit.
        let note_body = format!("\r\n\r\n{note}");
        let mut kept = 0;
        let mut cost = build(&self.subject, &note_body).len();
        for line in &self.lines {
            let extra = encode(line).len() + if kept > 0 { "%0D%0A".len() } else { 0 };
            if cost + extra > budget {
                break;
            }
            cost += extra;
            kept += 1;
        }
        let body = format!("{}{note_body}", self.lines[..kept].join("\r\n"));
        let url = build(&self.subject, &body);
        if url.len() <= budget {
            return url;
        }
        // Not even the note fits beside the subject: keep the longest start of the subject, in
        // whole characters, that fits. A longer start never encodes shorter, so a binary search
        // finds it with a few encodings rather than one per character; and every character
        // encodes to at least one, so only the first `budget` characters can be kept.
        let cuts: Vec<usize> = self
            .subject
            .char_indices()
            .map(|(i, _)| i)
            .chain([self.subject.len()])
            .take(budget + 1)
            .collect();
        let fits = |cut: usize| build(&self.subject[..cut], note).len() <= budget;
        let kept = cuts.partition_point(|&cut| fits(cut)).saturating_sub(1);
        let url = build(&self.subject[..cuts[kept]], note);
        if url.len() <= budget {
            url
        } else {
            format!("mailto:{to}")
        }
    }
}

/// Percent-encodes all but RFC 3986 unreserved characters; line breaks become `%0D%0A`.
pub fn encode(text: &str) -> String {
    let normalised = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n");
    let mut out = String::with_capacity(normalised.len() * 3);
    for byte in normalised.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
    out
}

fn encode_address(address: &str) -> String {
    address.split('@').map(encode).collect::<Vec<_>>().join("@")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::flow::handoff::email::sample as email;

    #[test]
    fn mailto_encodes_spaces_breaks_and_reserved_characters() {
        let url = email(&["Hello IT,", "a&b?c#d%e=f+g"]).mailto(MAILTO_BUDGET, "");
        assert_eq!(
            url,
            "mailto:helpdesk@contoso.com?subject=MFA%20reset%20needed%20-%20ada%40contoso.com\
             &body=Hello%20IT%2C%0D%0Aa%26b%3Fc%23d%25e%3Df%2Bg"
        );
    }

    #[test]
    fn mailto_shortens_the_body_to_the_budget_with_a_note() {
        let lines: Vec<String> = (0..100)
            .map(|i| format!("Line {i} with some words in it"))
            .collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let url = email(&refs).mailto(MAILTO_BUDGET, "The full text is in the troubleshooter.");
        assert!(url.len() <= MAILTO_BUDGET, "{}", url.len());
        assert!(url.ends_with("%0D%0A%0D%0AThe%20full%20text%20is%20in%20the%20troubleshooter."));
        assert!(url.contains("Line%200%20"));
        assert!(!url.contains("Line%2099"));
        let tiny = email(&refs).mailto(60, "Full text in the widget.");
        assert!(tiny.len() <= 60, "{tiny}");
    }
}
