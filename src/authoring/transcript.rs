//! An outcome as plain text: everything it says and hands over, in one transcript.

use crate::flow::handoff::channels::{Channels, LinkIds};
use crate::flow::handoff::{Handoff, MAILTO_BUDGET};
use crate::flow::model::Node;
use crate::flow::{markup, Config, Screen, Session};

/// What a page sets that an outcome shows: the helpdesk's details (its attributes
/// `org-name`, `support-email`, `support-phone`, `support-hours`) and its own channels
/// (`support-teams`, `ticket-url`).
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The helpdesk's details, for the flow's placeholders.
    pub config: Config,
    /// A Teams chat and a ticket form beside the email.
    pub channels: Channels,
}

impl From<Config> for Page {
    fn from(config: Config) -> Page {
        Page {
            config,
            channels: Channels::default(),
        }
    }
}

/// Everything an outcome says and hands over, as plain text: what `flowcheck render` prints
/// and what the golden files under `tests/golden/` hold, so any wording change is a diff.
pub fn transcript(session: &Session, page: &Page, mailto_note: &str) -> String {
    let config = &page.config;
    use std::fmt::Write;
    let (Screen::Outcome(node) | Screen::Review(node)) = session.screen() else {
        return String::new();
    };
    let Node::Outcome(outcome) = session.flow().node(node) else {
        return String::new();
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "outcome: {} ({})\ntitle: {}",
        outcome.id,
        outcome.kind.as_str(),
        outcome.title
    );
    if let Some(body) = &outcome.body {
        let text: Vec<String> = session
            .rich(body, config)
            .iter()
            .map(markup::block_text)
            .collect();
        let _ = writeln!(out, "body: {}", text.join(" / "));
    }
    for (n, runs) in session
        .rich_lines(&outcome.steps, config)
        .iter()
        .enumerate()
    {
        let _ = writeln!(out, "step {}: {}", n + 1, markup::plain_text(runs));
    }
    let Some(handoff) = Handoff::for_session(session, config) else {
        return out;
    };
    let _ = writeln!(out, "reference: {}", handoff.reference);
    if !handoff.withheld.is_empty() {
        let _ = writeln!(out, "withheld: {}", handoff.withheld.join(", "));
    }
    if let Some(email) = &handoff.email {
        let _ = writeln!(
            out,
            "\n== email\n{}\n\n== mailto\n{}",
            email.text(),
            email.mailto(MAILTO_BUDGET, mailto_note)
        );
        let ids = LinkIds {
            reference: &handoff.reference,
            flow: &session.flow().flow().id,
            outcome: &outcome.id,
        };
        for link in page.channels.links(email, &ids, mailto_note, usize::MAX) {
            let _ = writeln!(out, "\n== {}\n{}", link.channel.as_str(), link.url);
        }
    }
    if let Some(phone) = &handoff.phone {
        let number = match (&phone.number, phone.tel()) {
            (Some(number), Some(tel)) => format!("{number} ({tel})"),
            _ => "no number".to_owned(),
        };
        let _ = writeln!(out, "\n== phone: {number}");
        for line in &phone.prepare {
            let _ = writeln!(out, "have ready: {line}");
        }
        let _ = writeln!(out, "{}", phone.text());
    }
    out
}
