//! The helpdesk's own channels as a WebAssembly module: reading `support-teams` and
//! `ticket-url`, and making each handoff's Teams and ticket links. Only pages that set one of
//! them use it, so it is not in the widget's own module: mounting loads it for them.
//!
//! Texts cross the boundary as plain strings: an email's lines joined by `\n` (they never hold
//! one), links and problems one a line.

use troubleshooter::flow::handoff::channels::{Channels, LinkIds};
use troubleshooter::flow::handoff::Email;
use wasm_bindgen::prelude::*;

/// What is wrong with the attributes, one `attribute: problem` a line; empty when both can be
/// used.
#[wasm_bindgen]
pub fn problems(teams: String, ticket: String) -> String {
    let (_, problems) = Channels::new(Some(teams), Some(ticket));
    let lines: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: {}", p.attribute, p.message))
        .collect();
    lines.join("\n")
}

/// Each channel's link for an email, one `channel url` a line (`teams …`, `ticket …`), each
/// within its limit and the cap; what cannot be used in the attributes is left out. `request`
/// is `teams`, `ticket`, the subject, the body, the reference, the flow's and the outcome's ids,
/// the note that ends a shortened text and the cap, parted by U+001F.
#[wasm_bindgen]
pub fn links(request: String) -> String {
    let parts: Vec<&str> = request.split('\u{1f}').collect();
    let [teams, ticket, subject, body, reference, flow, outcome, note, cap] = parts[..] else {
        return String::new();
    };
    let (channels, _) = Channels::new(Some(teams.to_owned()), Some(ticket.to_owned()));
    let email = Email {
        to: None,
        subject: subject.to_owned(),
        lines: body.split('\n').map(str::to_owned).collect(),
    };
    let ids = LinkIds {
        reference,
        flow,
        outcome,
    };
    let lines: Vec<String> = channels
        .links(&email, &ids, note, cap.parse().unwrap_or(usize::MAX))
        .iter()
        .map(|link| format!("{} {}", link.channel.as_str(), link.url))
        .collect();
    lines.join("\n")
}
