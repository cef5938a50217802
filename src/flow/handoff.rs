//! What a person takes to the helpdesk: the email (as a `mailto:` link, text and `.eml` draft),
//! the phone script, and the reference code.

use super::config::{one_line, Config};
use super::fields::tel_uri;
use super::model::{Node, PhoneTarget};
use super::session::{Screen, Session};

/// The default most characters of a `mailto:` URL. Some mail apps and browsers cut or refuse
/// longer links; the full text stays available to copy, print and download.
pub const MAILTO_BUDGET: usize = 2_000;

/// Everything an outcome hands over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handoff {
    /// The prefilled email, when the outcome has one.
    pub email: Option<Email>,
    /// The phone script, when the outcome has one.
    pub phone: Option<PhoneScript>,
    /// Flow id, version and path code.
    pub reference: String,
    /// Fields left out because their value looked like a password or a one-time code.
    pub withheld: Vec<String>,
}

/// A filled-in email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// The helpdesk's address, when the page configured one.
    pub to: Option<String>,
    /// The subject line.
    pub subject: String,
    /// The body lines.
    pub lines: Vec<String>,
}

/// A filled-in phone script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneScript {
    /// Whether the script is for the organisation's helpdesk (not a vendor).
    pub helpdesk: bool,
    /// The number to call as configured, for a helpdesk script.
    pub number: Option<String>,
    /// What to have ready.
    pub prepare: Vec<String>,
    /// What to say, in order.
    pub lines: Vec<String>,
}

impl Handoff {
    /// The handoff of the session's outcome (or of the outcome under review); `None` elsewhere.
    pub fn for_session(session: &Session, config: &Config) -> Option<Handoff> {
        let (Screen::Outcome(node) | Screen::Review(node)) = session.screen() else {
            return None;
        };
        let Node::Outcome(outcome) = session.flow().node(node) else {
            return None;
        };
        let email = outcome.email.as_ref().map(|e| Email {
            to: config.support_email.clone(),
            subject: session.fill(&e.subject, config).unwrap_or_default(),
            lines: tidy(session.fill_lines(&e.body, config)),
        });
        let phone = outcome.phone.as_ref().map(|p| PhoneScript {
            helpdesk: p.to == PhoneTarget::Helpdesk,
            number: match p.to {
                PhoneTarget::Helpdesk => config.support_phone.clone(),
                PhoneTarget::Vendor => None,
            },
            prepare: session.fill_lines(&p.prepare, config),
            lines: session.fill_lines(&p.lines, config),
        });
        let withheld = session.withheld().into_iter().map(str::to_owned).collect();
        Some(Handoff {
            email,
            phone,
            reference: session.reference(),
            withheld,
        })
    }
}

/// Blank lines separate paragraphs; once lines are dropped, no blank line may lead, trail or
/// follow another.
fn tidy(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let blank = line.trim().is_empty();
        if !(blank && out.last().is_none_or(|l| l.trim().is_empty())) {
            out.push(line);
        }
    }
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out
}

impl Email {
    /// The body as text, lines joined with CRLF as mail expects.
    pub fn body(&self) -> String {
        self.lines.join("\r\n")
    }

    /// To, Subject and body as one text, for copying into any mail program.
    pub fn text(&self) -> String {
        let to = self
            .to
            .as_deref()
            .map(|to| format!("To: {to}\n"))
            .unwrap_or_default();
        format!("{to}Subject: {}\n\n{}", self.subject, self.lines.join("\n"))
    }

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

    /// The email as an `.eml` draft that Outlook and Thunderbird open ready to send.
    pub fn eml(&self) -> String {
        let mut out = String::new();
        if let Some(to) = &self.to {
            out.push_str(&header("To", to));
        }
        out.push_str(&header("Subject", &self.subject));
        // Outlook opens a message with X-Unsent as a draft to send rather than a received mail.
        out.push_str("X-Unsent: 1\r\nMIME-Version: 1.0\r\n");
        out.push_str(
            "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        );
        out.push_str(&self.body());
        out.push_str("\r\n");
        out
    }
}

impl PhoneScript {
    /// The `tel:` link of the number, when there is one.
    pub fn tel(&self) -> Option<String> {
        self.number.as_deref().map(tel_uri)
    }

    /// The script as numbered text, for copying.
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{}. {l}", i + 1))
            .collect::<Vec<_>>()
            .join("\n")
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

/// The longest line RFC 5322 (section 2.1.1) allows in a message, without its CRLF.
const MAX_LINE: usize = 998;

/// The most UTF-8 bytes in one RFC 2047 encoded word: 45 bytes are 60 base64 characters, and
/// with `=?UTF-8?B?` and `?=` the word is 72 characters, within the 75 that section 2 allows.
const WORD_BYTES: usize = 45;

/// A header line `Name: value` and its CRLF, the value on one line (control characters become
/// spaces, whatever the flow and the page gave). Plain ASCII that fits on one line is written as
/// it is. Anything else is RFC 2047 encoded words of whole characters, one per folded line: a
/// reader joins adjacent encoded words without the white space between them (section 6.2), so
/// the text is unchanged however long it is. ASCII with `=?` in it is encoded too, or a reader
/// could take that part for an encoded word.
fn header(name: &str, value: &str) -> String {
    let value = one_line(value);
    if value.is_ascii() && !value.contains("=?") && name.len() + 2 + value.len() <= MAX_LINE {
        return format!("{name}: {value}\r\n");
    }
    let mut words = Vec::new();
    let mut start = 0;
    for (i, c) in value.char_indices() {
        if i + c.len_utf8() - start > WORD_BYTES {
            words.push(&value[start..i]);
            start = i;
        }
    }
    words.push(&value[start..]);
    let words: Vec<String> = words
        .iter()
        .map(|w| format!("=?UTF-8?B?{}?=", base64(w.as_bytes())))
        .collect();
    format!("{name}: {}\r\n", words.join("\r\n "))
}

pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(lines: &[&str]) -> Email {
        Email {
            to: Some("helpdesk@contoso.com".into()),
            subject: "MFA reset needed - ada@contoso.com".into(),
            lines: lines.iter().map(|l| l.to_string()).collect(),
        }
    }

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

    #[test]
    fn eml_is_a_draft_with_encoded_subject() {
        let mut e = email(&["Hello", "Bye"]);
        e.subject = "Réinitialisation MFA 🔑".into();
        let eml = e.eml();
        assert!(eml.starts_with("To: helpdesk@contoso.com\r\nSubject: =?UTF-8?B?"));
        assert!(eml.contains("X-Unsent: 1\r\n"));
        assert!(eml.ends_with("\r\n\r\nHello\r\nBye\r\n"));
        assert_eq!(base64(b"Man"), "TWFu");
        // F1: a long subject is folded into encoded words of at most 75 characters, each of
        // whole characters, and a header line never passes 998.
        e.subject = "é".repeat(1_000);
        let eml = e.eml();
        let head = eml.split("\r\n\r\n").next().unwrap();
        assert!(head.split("\r\n").all(|line| line.len() <= 998));
        let words: Vec<&str> = head
            .split("\r\n")
            .skip(1)
            .take_while(|l| !l.starts_with("X-Unsent"))
            .map(|l| l.trim_start_matches("Subject: ").trim())
            .collect();
        assert_eq!(
            words.len(),
            1_000usize.div_ceil(22),
            "22 two-byte characters a word"
        );
        assert!(words
            .iter()
            .all(|w| w.len() <= 75 && w.starts_with("=?UTF-8?B?")));
        e.subject = format!("{} =?UTF-8?B?QQ==?=", "a".repeat(2_000));
        assert!(
            !e.eml().contains(" =?UTF-8?B?QQ==?="),
            "ASCII that looks encoded is encoded"
        );
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
    }
}
