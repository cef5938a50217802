//! The helpdesk's own channels beside the email, prefilled with the same text: a chat with IT
//! in Microsoft Teams (Microsoft's documented deep link, `/l/chat/0/0?users=…&message=…`, which
//! opens the message as an unsent draft) and a ticket portal's "new request" form, from a URL
//! template the web team writes (`https://…?subject={subject}&description={body}`).

use super::mailto::encode;
use super::Email;
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

    /// The channel of a name [`Channel::as_str`] gives.
    pub fn named(name: &str) -> Option<Channel> {
        [Channel::Teams, Channel::Ticket]
            .into_iter()
            .find(|c| c.as_str() == name)
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
    /// A value, and whether it stands inside a query of the portal's own (a parameter whose
    /// value is itself `name=value` terms, as ServiceNow's `sysparm_query`), where `^` would
    /// start a term of its own and is written as a space.
    Value(Value, bool),
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
                    let parameter = tail[..i].rsplit(['?', '&', '#']).next().unwrap_or("");
                    let nested = in_query && parameter.matches('=').count() > 1;
                    parts.push(Part::Text(std::mem::take(&mut text)));
                    parts.push(Part::Value(value, nested));
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
        self.parts
            .iter()
            .any(|p| matches!(p, Part::Value(v, _) if *v == value))
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

    /// The link of each channel configured, for an email, in the order the widget shows them,
    /// each within its budget (and within `cap`: a QR code holds less): when the text is too
    /// long, whole lines are cut from the end of the body and `note` (which says the full text
    /// is in the widget) and the reference close it. `ids` are what a ticket form may ask for
    /// besides the text.
    pub fn links(&self, email: &Email, ids: &LinkIds, note: &str, cap: usize) -> Vec<ChannelLink> {
        let mut links = Vec::new();
        if !self.teams.is_empty() {
            let users: Vec<String> = self.teams.iter().map(|a| encode(a)).collect();
            let start = format!(
                "https://teams.microsoft.com/l/chat/0/0?users={}&message=",
                users.join(",")
            );
            let message =
                |body: &str| format!("{start}{}", encode(&format!("{}\n\n{body}", email.subject)));
            links.push(fit(
                Channel::Teams,
                email,
                ids.reference,
                note,
                TEAMS_BUDGET.min(cap),
                message,
            ));
        }
        if let Some(template) = &self.ticket {
            let fill = |body: &str| {
                let mut url = String::new();
                for part in &template.parts {
                    match part {
                        Part::Text(text) => url.push_str(text),
                        Part::Value(value, nested) => {
                            let value = match value {
                                Value::Subject => &email.subject,
                                Value::Body => body,
                                Value::Reference => ids.reference,
                                Value::Flow => ids.flow,
                                Value::Outcome => ids.outcome,
                            };
                            url.push_str(&encode(&if *nested {
                                value.replace('^', " ")
                            } else {
                                value.to_owned()
                            }))
                        }
                    }
                }
                url
            };
            links.push(if template.asks_for(Value::Body) {
                fit(
                    Channel::Ticket,
                    email,
                    ids.reference,
                    note,
                    TICKET_BUDGET.min(cap),
                    fill,
                )
            } else {
                let url = fill("");
                ChannelLink {
                    channel: Channel::Ticket,
                    full: url.len(),
                    url,
                }
            });
        }
        links
    }
}

/// The ids a handoff's links may carry besides its text.
#[derive(Debug, Clone, Copy)]
pub struct LinkIds<'a> {
    /// The handoff's reference (flow id, version and path code).
    pub reference: &'a str,
    /// The flow's id.
    pub flow: &'a str,
    /// The outcome's id.
    pub outcome: &'a str,
}

/// A channel's link for one handoff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelLink {
    /// Which channel.
    pub channel: Channel,
    /// The link, within its budget.
    pub url: String,
    /// How long the link was before it was shortened to fit (its length when it fit).
    pub full: usize,
}

/// The link `build` makes of the email's body, with as many of its lines as fit in `budget`
/// when not all do, then `note` and the reference.
fn fit(
    channel: Channel,
    email: &Email,
    reference: &str,
    note: &str,
    budget: usize,
    build: impl Fn(&str) -> String,
) -> ChannelLink {
    let full = build(&email.lines.join("\n"));
    let length = full.len();
    if length <= budget {
        return ChannelLink {
            channel,
            url: full,
            full: length,
        };
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
    ChannelLink {
        channel,
        url: cut(kept.saturating_sub(1)),
        full: length,
    }
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

    const IDS: LinkIds = LinkIds {
        reference: "mfa v1.1 path 1a",
        flow: "mfa",
        outcome: "out",
    };

    /// The links of an email with these body lines, with no cap.
    fn links(
        channels: &Channels,
        lines: &[&str],
        ids: &LinkIds,
        note: &str,
    ) -> Vec<(Channel, String)> {
        channels
            .links(&sample(lines), ids, note, usize::MAX)
            .into_iter()
            .map(|l| (l.channel, l.url))
            .collect()
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
        let links = links(&channels, &["Hello IT,", "a&b=c#d"], &IDS, "note");
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
        let links = links(
            &channels,
            &refs,
            &IDS,
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
        let ids = LinkIds {
            flow: "mfa/x",
            outcome: "out-helpdesk",
            ..IDS
        };
        let links = links(&channels, &["a/b?c&d=e", "f"], &ids, "note");
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
    fn a_value_in_a_servicenow_query_cannot_add_a_term() {
        let channels = ticket("https://contoso.service-now.com/incident.do?sys_id=-1&sysparm_query=short_description={subject}^description={body}").unwrap();
        let links = links(&channels, &["a^assigned_to=me", "b"], &IDS, "note");
        let fields = query(&links[0].1);
        assert_eq!(fields.len(), 2, "{fields:?}");
        assert_eq!(
            fields[1].1,
            "short_description=MFA reset needed - ada@contoso.com^description=a assigned_to=me\r\nb"
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
        let links = links(&channels, &["x"], &IDS, "note");
        assert_eq!(
            links[0].1,
            "https://contoso.atlassian.net/servicedesk/customer/portal/1/create/10"
        );
    }

    #[test]
    fn a_cap_shortens_further_and_the_full_length_is_kept() {
        let lines: Vec<String> = (0..40).map(|i| format!("Line {i} of the email")).collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let (channels, _) = Channels::new(Some("it@contoso.com".into()), None);
        let whole = &channels.links(&sample(&refs), &IDS, "note", usize::MAX)[0];
        let capped = &channels.links(&sample(&refs), &IDS, "note", 600)[0];
        assert_eq!(whole.full, whole.url.len(), "it fit");
        assert!(
            capped.url.len() <= 600 && capped.url.len() > 500,
            "{}",
            capped.url.len()
        );
        assert_eq!(capped.full, whole.full, "the length before shortening");
    }
}
