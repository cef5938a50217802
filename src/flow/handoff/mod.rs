//! What a person takes to the helpdesk: the email (as a `mailto:` link, text and `.eml` draft),
//! the phone script, and the reference code. This file builds them from a session; the email
//! itself (`email.rs`) and its encodings are beside it: `mailto.rs` (RFC 6068 links), `eml.rs`
//! (RFC 5322 drafts with RFC 2047 headers) and `base64.rs`; `channels.rs` makes the same text
//! into a Teams chat and a ticket form's link.

pub(crate) mod base64;
pub mod channels;
mod email;
mod eml;
mod mailto;

use super::config::Config;
use super::fields::tel_uri;
use super::model::{Node, PhoneTarget};
use super::session::{Screen, Session};

pub use email::Email;
pub use mailto::{encode, MAILTO_BUDGET};

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
