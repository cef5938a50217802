//! The helpdesk's own channels beside the email, prefilled with the same text: a chat with IT
//! in Microsoft Teams (Microsoft's documented deep link, `/l/chat/0/0?users=…&message=…`, which
//! opens the message as an unsent draft) and a ticket portal's "new request" form, from a URL
//! template the web team writes (`https://…?subject={subject}&description={body}`).

use super::mailto::encode;
use super::{Email, Handoff};
use crate::flow::config::{one_line, ConfigProblem};
use crate::flow::fields::is_email;

/// The most characters of a Teams link: Teams on Windows fails to open longer deep links
/// (learn.microsoft.com, "Deep link to a chat").
pub const TEAMS_BUDGET: usize = 2_048;
/// The most characters of a ticket link: what browsers and portals open reliably, as for
/// `mailto:` links.
pub const TICKET_BUDGET: usize = 2_000;

/// The channels a page configured (`support-teams`, `ticket-url`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Channels {
    /// The work addresses (UPNs) a Teams chat opens with.
    pub teams: Vec<String>,
    /// The ticket form's URL template.
    pub ticket: Option<TicketTemplate>,
}

/// Where a handoff can go besides the email, for links and events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A chat with IT in Microsoft Teams.
    Teams,
    /// The helpdesk's ticket form.
    Ticket,
}

impl Channel {
    /// The name events and transcripts use.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Teams => "teams",
            Channel::Ticket => "ticket",
        }
    }
}

/// A ticket form's URL template: `https:`, a fixed host, and placeholders only as path segments
/// or parameter values, each filled percent-encoded (RFC 3986: everything but unreserved
/// characters), so no value can add a parameter, end the URL or change where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketTemplate {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Value(Value),
}

/// What a ticket template can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Subject,
    Body,
    Reference,
    Flow,
    Outcome,
}

const VALUES: [(&str, Value); 5] = [
    ("subject", Value::Subject),
    ("body", Value::Body),
    ("reference", Value::Reference),
    ("flow", Value::Flow),
    ("outcome", Value::Outcome),
];

impl TicketTemplate {
    /// Reads a template, or says what is wrong with it.
    pub fn parse(template: &str) -> Result<TicketTemplate, String> {
        let template = template.trim();
        let Some(rest) = template.strip_prefix("https://") else {
            return Err(format!(
                "`{template}` must start with https:// (a ticket form on the web)"
            ));
        };
        if let Some(c) = template
            .chars()
            .find(|c| c.is_whitespace() || c.is_control())
        {
            return Err(format!("`{template}` has a space or a control character ({c:?}); write spaces in it as %20"));
        }
        let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let host = &rest[..host_end];
        if host.is_empty() || host.contains(['{', '}', '@', '\\']) {
            return Err(format!(
                "`{template}` must name its site as a plain host (no placeholder, user name or `@`)"
            ));
        }
        let mut parts = vec![Part::Text(format!("https://{host}"))];
        let mut text = String::new();
        let mut chars = rest[host_end..].char_indices().peekable();
        let tail = &rest[host_end..];
        while let Some((i, c)) = chars.next() {
            match c {
                '{' => {
                    let end = tail[i..]
                        .find('}')
                        .map(|e| i + e)
                        .ok_or_else(|| format!("`{template}` has a `{{` without its `}}`"))?;
                    let name = &tail[i + 1..end];
                    let value = VALUES
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, v)| *v)
                        .ok_or_else(|| {
                            let names: Vec<String> =
                                VALUES.iter().map(|(n, _)| format!("{{{n}}}")).collect();
                            format!(
                                "`{{{name}}}` is not a ticket placeholder; they are {}",
                                names.join(", ")
                            )
                        })?;
                    let in_query = tail[..i].contains(['?', '#']);
                    if in_query && !(text.ends_with('=') || text.ends_with('#')) {
                        return Err(format!(
                            "`{{{name}}}` must be a parameter's value, as in `?subject={{{name}}}`"
                        ));
                    }
                    if !in_query && !text.ends_with('/') {
                        return Err(format!(
                            "`{{{name}}}` must be a whole part of the path, as in `/{{{name}}}`"
                        ));
                    }
                    parts.push(Part::Text(std::mem::take(&mut text)));
                    parts.push(Part::Value(value));
                    while chars.peek().is_some_and(|(j, _)| *j <= end) {
                        chars.next();
                    }
                }
                '}' => return Err(format!("`{template}` has a `}}` without its `{{`")),
                c => text.push(c),
            }
        }
        parts.push(Part::Text(text));
        parts.retain(|p| !matches!(p, Part::Text(t) if t.is_empty()));
        Ok(TicketTemplate { parts })
    }

    fn asks_for(&self, value: Value) -> bool {
        self.parts.contains(&Part::Value(value))
    }
}

impl Channels {
    /// Reads the attributes, dropping (and reporting) values that cannot be used.
    pub fn new(teams: Option<String>, ticket: Option<String>) -> (Channels, Vec<ConfigProblem>) {
        let mut problems = Vec::new();
        let mut addresses = Vec::new();
        for address in teams.iter().flat_map(|t| t.split([',', ' ', ';'])) {
            let address = one_line(address).trim().to_owned();
            if address.is_empty() {
                continue;
            }
            if is_email(&address) && address.is_ascii() {
                addresses.push(address);
            } else {
                problems.push(ConfigProblem {
                    attribute: "support-teams",
                    message: format!(
                        "`{address}` is not a work address such as it-help@example.com"
                    ),
                });
            }
        }
        let ticket = ticket.filter(|t| !t.trim().is_empty()).and_then(|t| {
            TicketTemplate::parse(&t)
                .map_err(|message| {
                    problems.push(ConfigProblem {
                        attribute: "ticket-url",
                        message,
                    })
                })
                .ok()
        });
        (
            Channels {
                teams: addresses,
                ticket,
            },
            problems,
        )
    }

    /// Whether any channel is configured.
    pub fn any(&self) -> bool {
        !self.teams.is_empty() || self.ticket.is_some()
    }

    /// The link of each channel configured for a handoff with an email, in the order the widget
    /// shows them, each within its budget: when the text is too long, whole lines are cut from
    /// the end of the body and `note` (which says the full text is in the widget) and the
    /// reference close it. `flow` and `outcome` are the ids a ticket may ask for.
    pub fn links(
        &self,
        handoff: &Handoff,
        flow: &str,
        outcome: &str,
        note: &str,
    ) -> Vec<(Channel, String)> {
        let Some(email) = &handoff.email else {
            return Vec::new();
        };
        let mut links = Vec::new();
        if !self.teams.is_empty() {
            let users: Vec<String> = self.teams.iter().map(|a| encode(a)).collect();
            let start = format!(
                "https://teams.microsoft.com/l/chat/0/0?users={}&message=",
                users.join(",")
            );
            let message =
                |body: &str| format!("{start}{}", encode(&format!("{}\n\n{body}", email.subject)));
            links.push((
                Channel::Teams,
                fit(email, &handoff.reference, note, TEAMS_BUDGET, message),
            ));
        }
        if let Some(template) = &self.ticket {
            let fill = |body: &str| {
                let mut url = String::new();
                for part in &template.parts {
                    match part {
                        Part::Text(text) => url.push_str(text),
                        Part::Value(value) => url.push_str(&encode(match value {
                            Value::Subject => &email.subject,
                            Value::Body => body,
                            Value::Reference => &handoff.reference,
                            Value::Flow => flow,
                            Value::Outcome => outcome,
                        })),
                    }
                }
                url
            };
            let url = if template.asks_for(Value::Body) {
                fit(email, &handoff.reference, note, TICKET_BUDGET, fill)
            } else {
                fill("")
            };
            links.push((Channel::Ticket, url));
        }
        links
    }
}

/// The link `build` makes of the email's body, with as many of its lines as fit in `budget`
/// when not all do, then `note` and the reference.
fn fit(
    email: &Email,
    reference: &str,
    note: &str,
    budget: usize,
    build: impl Fn(&str) -> String,
) -> String {
    let full = build(&email.lines.join("\n"));
    if full.len() <= budget {
        return full;
    }
    let cut = |kept: usize| {
        let mut body = email.lines[..kept].join("\n");
        if kept > 0 {
            body.push_str("\n\n");
        }
        body.push_str(&format!("{note}\n{reference}"));
        build(&body)
    };
    // A longer start of the body never makes a shorter link.
    let kept = (0..=email.lines.len())
        .collect::<Vec<_>>()
        .partition_point(|&k| cut(k).len() <= budget);
    cut(kept.saturating_sub(1))
}

impl Email {
    /// Subject and body as one text, for pasting into any ticket form.
    pub fn ticket_text(&self) -> String {
        format!("{}\n\n{}", self.subject, self.lines.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::handoff::email::sample;

    fn handoff(lines: &[&str]) -> Handoff {
        Handoff {
            email: Some(sample(lines)),
            phone: None,
            reference: "mfa v1.1 path 1a".into(),
            withheld: Vec::new(),
        }
    }

    fn ticket(template: &str) -> Result<Channels, String> {
        let (channels, problems) = Channels::new(None, Some(template.into()));
        match problems.first() {
            Some(p) => Err(p.message.clone()),
            None => Ok(channels),
        }
    }

    /// The query of a URL as (name, decoded value) pairs.
    fn query(url: &str) -> Vec<(String, String)> {
        let query = url.split_once('?').map_or("", |(_, q)| q);
        query
            .split('&')
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                let bytes: Vec<u8> = {
                    let b = value.as_bytes();
                    let mut out = Vec::new();
                    let mut i = 0;
                    while i < b.len() {
                        if b[i] == b'%' {
                            out.push(u8::from_str_radix(&value[i + 1..i + 3], 16).unwrap());
                            i += 3;
                        } else {
                            out.push(b[i]);
                            i += 1;
                        }
                    }
                    out
                };
                (name.to_owned(), String::from_utf8(bytes).unwrap())
            })
            .collect()
    }

    #[test]
    fn teams_opens_a_chat_with_every_address_and_the_email_as_the_message() {
        let (channels, problems) =
            Channels::new(Some("it-help@contoso.com, lead@contoso.com".into()), None);
        assert!(problems.is_empty());
        let links = channels.links(&handoff(&["Hello IT,", "a&b=c#d"]), "mfa", "out", "note");
        let (channel, url) = &links[0];
        assert_eq!(*channel, Channel::Teams);
        assert!(url.starts_with("https://teams.microsoft.com/l/chat/0/0?users=it-help%40contoso.com,lead%40contoso.com&message="), "{url}");
        let fields = query(url);
        assert_eq!(fields.len(), 2, "a typed & or = adds no parameter: {url}");
        assert_eq!(
            fields[1].1,
            "MFA reset needed - ada@contoso.com\r\n\r\nHello IT,\r\na&b=c#d"
        );
    }

    #[test]
    fn a_bad_teams_address_is_reported_and_left_out() {
        let (channels, problems) =
            Channels::new(Some("it-help@contoso.com,not-an-address;x@y".into()), None);
        assert_eq!(channels.teams, ["it-help@contoso.com"]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.attribute == "support-teams"));
    }

    #[test]
    fn long_texts_are_cut_to_the_budget_and_keep_the_note_and_the_reference() {
        let lines: Vec<String> = (0..200)
            .map(|i| format!("Line {i} with some words in it"))
            .collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let (channels, _) = Channels::new(
            Some("it-help@contoso.com".into()),
            Some("https://help.contoso.com/new?s={subject}&d={body}&r={reference}".into()),
        );
        let links = channels.links(
            &handoff(&refs),
            "mfa",
            "out",
            "The full text is in the troubleshooter.",
        );
        for ((channel, url), budget) in links.iter().zip([TEAMS_BUDGET, TICKET_BUDGET]) {
            assert!(url.len() <= budget, "{channel:?}: {}", url.len());
            assert!(
                url.len() > budget - 100,
                "{channel:?} keeps as much as fits: {}",
                url.len()
            );
            let fields = query(url);
            let text = &fields
                .iter()
                .find(|(n, _)| n == "message" || n == "d")
                .unwrap()
                .1;
            assert!(text.contains("Line 0 "), "{text}");
            assert!(!text.contains("Line 199"));
            assert!(
                text.ends_with("The full text is in the troubleshooter.\r\nmfa v1.1 path 1a"),
                "{text}"
            );
        }
    }

    #[test]
    fn ticket_values_are_encoded_where_they_stand() {
        let channels = ticket("https://help.contoso.com/hc/en-us/requests/new/{flow}?tf_subject={subject}&tf_description={body}&o={outcome}#{reference}").unwrap();
        let links = channels.links(
            &handoff(&["a/b?c&d=e", "f"]),
            "mfa/x",
            "out-helpdesk",
            "note",
        );
        let (channel, url) = &links[0];
        assert_eq!(*channel, Channel::Ticket);
        assert!(
            url.starts_with(
                "https://help.contoso.com/hc/en-us/requests/new/mfa%2Fx?tf_subject=MFA%20reset"
            ),
            "{url}"
        );
        assert!(
            url.ends_with("&o=out-helpdesk#mfa%20v1.1%20path%201a"),
            "{url}"
        );
        let fields = query(url.split('#').next().unwrap());
        assert_eq!(fields.len(), 3);
        assert_eq!(
            fields[1],
            ("tf_description".into(), "a/b?c&d=e\r\nf".into())
        );
    }

    #[test]
    fn hostile_or_broken_templates_are_refused_with_a_reason() {
        for (template, why) in [
            ("javascript:alert(1)//{body}", "https://"),
            ("http://help.contoso.com/new?d={body}", "https://"),
            ("mailto:x@y?body={body}", "https://"),
            ("https://{subject}.contoso.com/", "plain host"),
            (
                "https://help.contoso.com@evil.example/?d={body}",
                "plain host",
            ),
            ("https://help.contoso.com/new?{body}", "parameter's value"),
            (
                "https://help.contoso.com/new?d=x{body}",
                "parameter's value",
            ),
            (
                "https://help.contoso.com/new-{body}",
                "whole part of the path",
            ),
            (
                "https://help.contoso.com/new?d={password}",
                "not a ticket placeholder",
            ),
            ("https://help.contoso.com/new?d={body", "without its"),
            ("https://help.contoso.com/new?d=}", "without its"),
            ("https://help.contoso.com/new?d={body}&x=a b", "space"),
        ] {
            let err = ticket(template).expect_err(template);
            assert!(err.contains(why), "{template}: {err}");
        }
        assert!(
            ticket("  ").unwrap().ticket.is_none(),
            "an empty attribute is no channel"
        );
    }

    #[test]
    fn a_ticket_template_without_a_body_is_filled_as_written() {
        let channels =
            ticket("https://contoso.atlassian.net/servicedesk/customer/portal/1/create/10")
                .unwrap();
        let links = channels.links(&handoff(&["x"]), "mfa", "out", "note");
        assert_eq!(
            links[0].1,
            "https://contoso.atlassian.net/servicedesk/customer/portal/1/create/10"
        );
    }

    #[test]
    fn no_email_no_channel_links() {
        let (channels, _) = Channels::new(Some("it@contoso.com".into()), None);
        let mut h = handoff(&[]);
        h.email = None;
        assert!(channels.links(&h, "f", "o", "n").is_empty());
    }
}
