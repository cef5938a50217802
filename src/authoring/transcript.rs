//! An outcome as plain text: everything it says and hands over, in one transcript.

use crate::flow::handoff::{Handoff, MAILTO_BUDGET};
use crate::flow::model::Node;
use crate::flow::{markup, Config, Screen, Session};

/// Everything an outcome says and hands over, as plain text: what `flowcheck render` prints
/// and what the golden files under `tests/golden/` hold, so any wording change is a diff.
pub fn transcript(session: &Session, config: &Config, mailto_note: &str) -> String {
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
