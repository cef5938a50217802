//! The properties the fuzz targets check. Each `fuzz/fuzz_targets/*.rs` is a one-line wrapper
//! around a function here, so `tests/fuzz_regressions.rs` replays every saved input through
//! exactly the code the fuzzer ran; a property that fails panics, which libFuzzer reports as a
//! crash and keeps the input.
//!
//! The byte-driven targets read their input with [`Bytes`] rather than the `arbitrary` crate:
//! the library gains no dependency, and a saved input means the same thing to both callers.

use std::collections::HashSet;
use std::rc::Rc;

use crate::flow::config::{one_line, Config};
use crate::flow::error::limits;
use crate::flow::fields;
use crate::flow::handoff::{self, Email, Handoff, MAILTO_BUDGET};
use crate::flow::json::{self, Json};
use crate::flow::markup::{self, Block, Inline};
use crate::flow::model::{
    Choice, Condition, ConditionalLine, EmailTemplate, Field, Fields, Flow, Format, Info, Line,
    Node, Outcome, OutcomeKind, PhoneTarget, PhoneTemplate, Question, Route,
};
use crate::flow::pattern::Pattern;
use crate::flow::session::{Answer, Screen, Session};
use crate::flow::template::{self, Piece};
use crate::flow::validate;
use crate::flow::ValidFlow;

/// A fuzz target's body: it panics when its property fails.
pub type Property = fn(&[u8]);

/// Every target: its name (the folder under `fuzz/regressions/` and `fuzz/seeds/`) and its
/// property. `pattern` here runs without the regex-lite comparison, which needs a dependency
/// the library does not have; see [`pattern_against`].
pub const TARGETS: [(&str, Property); 8] = [
    ("flow_json", flow_json),
    ("validate", validate),
    ("session", session),
    ("handoff", handoff),
    ("pattern", pattern),
    ("markup", markup),
    ("template", template),
    ("settings", settings),
];

/// The flows a session walks, besides generated ones: every flow the project ships.
pub const FLOWS: [&str; 3] = [
    include_str!("../../flows/examples/printer-offline.json"),
    include_str!("../../flows/microsoft-authenticator.json"),
    include_str!("../../tests/fixtures/microsoft-authenticator-v1.0.json"),
];

thread_local! {
    // Validated once: the authenticator flow alone would otherwise cost most of each run.
    static SHIPPED: Vec<Rc<ValidFlow>> = FLOWS
        .iter()
        .map(|text| Rc::new(ValidFlow::from_json(text).expect("a shipped flow is valid")))
        .collect();
}

/// The note that closes a shortened `mailto:` body.
const NOTE: &str = "(The full text is in the troubleshooter.)";

/// Reads fuzzer bytes as choices. Once the bytes run out every choice is 0, so any input,
/// however short, still means something.
pub struct Bytes<'a> {
    data: &'a [u8],
}

/// Pieces of text that matter to the parsers and the handoff: placeholders, markup, line
/// breaks, characters that need encoding, and values that look secret.
const FRAGMENTS: [&str; 44] = [
    "{org_name}",
    "{support_email}",
    "{support_phone}",
    "{support_hours}",
    "{reference}",
    "{flow_title}",
    "{f0}",
    "{f1}",
    "{f2}",
    "{n0}",
    "{n1}",
    "{{",
    "}}",
    "{",
    "}",
    "**",
    "[link](https://a.example/x)",
    "[x](javascript:y)",
    "[mail](mailto:a@b.example)",
    "](",
    "\r\n",
    "\n",
    "\n\n",
    "\r",
    "- ",
    "1. ",
    " ",
    "é",
    "🔐",
    "\u{2028}",
    "\u{0}",
    "\u{1b}",
    "\t",
    "Bcc: x@evil.example",
    "%0D%0A",
    "&cc=",
    "?",
    "=",
    "#",
    "Hunter2!x",
    "123456",
    "PRN-042",
    "ada@contoso.com",
    "+1 555 0100",
];

/// Pattern pieces, so that generated flows compile patterns as often as they fail to.
const PATTERNS: [&str; 10] = [
    r"(?i)^(?:PRN-)?(?<value>\d{3})$",
    r"\d+",
    r"[A-Z]{3}-\d\d",
    r"(a|aa)*",
    r"(?<value>.*)",
    r"^$",
    r"(",
    r"a{2000}",
    r"[\w.-]+@[\w-]+\.com",
    r"(?:x|y){1,3}",
];

impl<'a> Bytes<'a> {
    /// Choices read from `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Bytes { data }
    }

    /// Whether every byte was used.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    /// A number below `n` (0 when `n` is 0); two bytes, so lists up to 65,536 long.
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        let raw = if n <= 256 {
            usize::from(self.byte())
        } else {
            usize::from(self.byte()) << 8 | usize::from(self.byte())
        };
        raw % n
    }

    /// True once in `n` times.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// A text of up to `max` pieces, each a fragment, a letter or any character.
    fn text(&mut self, max: usize) -> String {
        let mut out = String::new();
        for _ in 0..self.below(max + 1) {
            match self.byte() % 8 {
                0 | 1 => out.push_str(FRAGMENTS[self.below(FRAGMENTS.len())]),
                2 => {
                    let code = u32::from(self.byte()) << 8 | u32::from(self.byte());
                    out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                }
                _ => out.push(char::from(b' ' + self.byte() % 95)),
            }
        }
        out
    }

    fn maybe_text(&mut self, max: usize) -> Option<String> {
        (!self.one_in(2)).then(|| self.text(max))
    }
}

// ---------------------------------------------------------------------------------------------
// 1. JSON reader and flow decoder

/// Any text given to the flow reader: it never panics; a text the JSON reader refuses is never
/// a flow; it accepts exactly the JSON that serde_json accepts (within its nesting limit) and
/// reads the same strings and structure; and a flow it accepts, written out again, reads back as
/// the same valid flow.
pub fn flow_json(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let parsed = json::parse(&text);
    let result = ValidFlow::from_json(&text);
    match (&parsed, &result) {
        (Err(_), Ok(_)) => panic!("a text that is not JSON was read as a flow"),
        (_, Err(errors)) => assert!(!errors.is_empty(), "refused without an error"),
        _ => {}
    }
    assert_eq!(
        outcome_of(&result),
        outcome_of(&ValidFlow::from_json(&text)),
        "a second read differs"
    );
    match (serde_json::from_str::<serde_json::Value>(&text), &parsed) {
        (Ok(reference), Ok(ours)) => same_json(ours, &reference),
        (Ok(reference), Err(e)) if depth(&reference) < 64 => {
            panic!("serde_json reads this JSON, the flow reader does not: {e:?}")
        }
        // serde_json reads numbers as f64 and refuses `1e999`; JSON itself has no such limit,
        // and the flow reader keeps numbers as text.
        (Err(e), Ok(_)) if e.to_string().starts_with("number out of range") => {}
        (Err(e), Ok(_)) => panic!("the flow reader reads what serde_json refuses: {e}"),
        _ => {}
    }
    checked_read_agrees(&text, &result);
    if let Ok(flow) = &result {
        valid_flow_holds(flow);
        let again = serde_json::to_string(flow.flow()).expect("a flow serializes");
        let reread = ValidFlow::from_json(&again).expect("a valid flow written out reads back");
        assert_eq!(reread.flow(), flow.flow(), "round trip changed the flow");
    }
}

/// The widget's read of a text the checker passed (`from_checked_json`): never a panic, and for
/// a text the rules pass, the very index that validation makes.
fn checked_read_agrees(text: &str, validated: &Result<ValidFlow, Vec<crate::flow::FlowError>>) {
    let checked = ValidFlow::from_checked_json(text);
    if let Ok(valid) = validated {
        let checked = checked.expect("a valid flow has a checked read");
        assert!(&checked == valid, "the checked read differs");
    }
}

/// A comparable summary of a read: the flow, or every error.
fn outcome_of(
    result: &Result<ValidFlow, Vec<crate::flow::FlowError>>,
) -> Result<Flow, Vec<String>> {
    match result {
        Ok(flow) => Ok(flow.flow().clone()),
        Err(errors) => Err(errors.iter().map(ToString::to_string).collect()),
    }
}

fn depth(value: &serde_json::Value) -> usize {
    match value {
        serde_json::Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        serde_json::Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

fn same_json(ours: &Json, reference: &serde_json::Value) {
    use serde_json::Value;
    match (ours, reference) {
        (Json::Null, Value::Null) | (Json::Number(_), Value::Number(_)) => {}
        (Json::Bool(a), Value::Bool(b)) => assert_eq!(a, b),
        (Json::String(a), Value::String(b)) => assert_eq!(a, b, "a string reads differently"),
        (Json::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "a list reads differently");
            a.iter().zip(b).for_each(|(a, b)| same_json(a, b));
        }
        (Json::Object(entries), Value::Object(map)) => {
            // serde_json keeps the last of duplicate keys; compare against that.
            let keys: HashSet<&str> = entries.iter().map(|(k, _)| &**k).collect();
            assert_eq!(keys.len(), map.len(), "an object's keys read differently");
            for (key, value) in map {
                let last = entries.iter().rev().find(|(k, _)| k == key);
                let (_, ours) = last.unwrap_or_else(|| panic!("key {key:?} missing"));
                same_json(ours, value);
            }
        }
        (ours, reference) => panic!("{} read where serde_json reads {reference}", ours.kind()),
    }
}

/// What [`ValidFlow`] promises the session: every id indexed, every target resolves, the
/// longest-path table is consistent (so there is no cycle) and within the depth limit, and
/// every pattern field has its compiled pattern.
fn valid_flow_holds(flow: &ValidFlow) {
    let nodes = &flow.flow().nodes;
    assert!(flow.start() < nodes.len());
    for (i, node) in nodes.iter().enumerate() {
        assert_eq!(
            flow.index_of(node.id()),
            Some(i),
            "node {} not indexed",
            node.id()
        );
        for (_, target) in node.targets() {
            assert!(flow.index_of(target).is_some(), "{target} does not resolve");
        }
        let longest = flow.longest_from(i);
        match node {
            Node::Outcome(_) => assert_eq!(longest, 0),
            _ => {
                let next = flow.successors(i);
                assert!(!next.is_empty(), "{} leads nowhere", node.id());
                let most = next.iter().map(|&s| flow.longest_from(s)).max();
                assert_eq!(
                    Some(longest),
                    most.map(|m| m + 1),
                    "longest at {}",
                    node.id()
                );
            }
        }
        if let Node::Fields(f) = node {
            for field in &f.fields {
                assert_eq!(flow.field_at(&field.id).map(|(n, _)| n), Some(i));
                if field.format == Format::Pattern && field.pattern.is_some() {
                    assert!(
                        flow.pattern(&field.id).is_some(),
                        "{} not compiled",
                        field.id
                    );
                }
            }
        }
    }
    assert!(flow.longest_from(flow.start()) <= limits::MAX_DEPTH);
}

// ---------------------------------------------------------------------------------------------
// 2. Validator, on generated flows

/// A small flow built from choices: a few nodes of every kind, edges mostly forward (so many
/// flows are valid) but sometimes back or to nowhere, conditions on flags, answers and fields
/// that may or may not exist, templates and markup with placeholders, and patterns.
pub fn flow_from(b: &mut Bytes) -> Flow {
    let n = 1 + b.below(8);
    let id = |b: &mut Bytes, i: usize| {
        if b.one_in(40) {
            b.text(3)
        } else {
            format!("n{i}")
        }
    };
    let mut field_count = 0;
    let mut nodes = Vec::new();
    for i in 0..n {
        let target = |b: &mut Bytes| {
            let j = if i + 1 < n && !b.one_in(12) {
                i + 1 + b.below(n - i - 1)
            } else {
                b.below(n + 1)
            };
            format!("n{j}")
        };
        let kind = if i + 1 == n && !b.one_in(8) {
            3
        } else {
            b.below(5).min(3)
        };
        let node_id = id(b, i);
        let node = match kind {
            0 => Node::Question(Question {
                id: node_id,
                text: b.text(6),
                hint: b.maybe_text(4),
                label: b.maybe_text(3),
                options: (0..b.below(5))
                    .map(|k| Choice {
                        id: if b.one_in(16) {
                            "o0".into()
                        } else {
                            format!("o{k}")
                        },
                        label: b.text(4),
                        hint: b.maybe_text(3),
                        phrase: b.maybe_text(3),
                        next: target(b),
                        routes: routes(b, n, &target),
                        set: (0..b.below(3)).map(|_| flag(b)).collect(),
                    })
                    .collect(),
                routes: routes(b, n, &target),
            }),
            1 => Node::Fields(Fields {
                id: node_id,
                text: b.text(6),
                hint: b.maybe_text(4),
                fields: (0..b.below(4))
                    .map(|_| {
                        field_count += 1;
                        field(b, field_count - 1)
                    })
                    .collect(),
                routes: routes(b, n, &target),
                next: target(b),
            }),
            2 => Node::Info(Info {
                id: node_id,
                title: b.text(4),
                body: b.text(10),
                routes: routes(b, n, &target),
                next: target(b),
            }),
            _ => Node::Outcome(Outcome {
                id: node_id,
                kind: OutcomeKind::ALL[b.below(OutcomeKind::ALL.len())],
                title: b.text(4),
                body: b.maybe_text(10),
                steps: lines(b, n),
                email: (!b.one_in(3)).then(|| EmailTemplate {
                    subject: b.text(8),
                    body: lines(b, n),
                }),
                phone: (!b.one_in(3)).then(|| PhoneTemplate {
                    to: if b.one_in(2) {
                        PhoneTarget::Helpdesk
                    } else {
                        PhoneTarget::Vendor
                    },
                    prepare: lines(b, n),
                    lines: lines(b, n),
                }),
                not_fixed: b.one_in(3).then(|| target(b)),
            }),
        };
        nodes.push(node);
    }
    Flow {
        schema: None,
        format: if b.one_in(32) {
            3
        } else {
            1 + b.below(2) as u32
        },
        id: if b.one_in(32) {
            b.text(3)
        } else {
            "fuzz".into()
        },
        version: if b.one_in(32) {
            b.text(3)
        } else {
            "1.0".into()
        },
        title: b.text(4),
        summary: b.text(4),
        language: "en".into(),
        translations: Vec::new(),
        minutes: (!b.one_in(2)).then(|| b.below(30) as u32),
        start: if b.one_in(32) { b.text(2) } else { "n0".into() },
        nodes,
    }
}

fn flag(b: &mut Bytes) -> String {
    ["f_a", "f_b", "f_c", "F b"][b.below(4)].into()
}

fn field(b: &mut Bytes, k: usize) -> Field {
    let format = Format::ALL[b.below(Format::ALL.len())];
    let pattern = (format == Format::Pattern || b.one_in(8)).then(|| {
        if b.one_in(4) {
            b.text(6)
        } else {
            PATTERNS[b.below(PATTERNS.len())].into()
        }
    });
    Field {
        id: if b.one_in(24) {
            "f0".into()
        } else {
            format!("f{k}")
        },
        label: b.text(3),
        hint: b.maybe_text(3),
        required: b.one_in(2),
        format,
        pattern,
        error: b.maybe_text(3),
        max_length: b.one_in(3).then(|| b.below(2_100)),
        example: b.one_in(2).then(|| {
            if b.one_in(2) {
                "PRN-042".into()
            } else {
                b.text(4)
            }
        }),
        refuse_codes: b.one_in(3),
    }
}

fn condition(b: &mut Bytes, n: usize) -> Condition {
    let keys = 1 + b.below(31);
    let value = |b: &mut Bytes| ["o0", "o1", "042", "", "O1"][b.below(5)].to_owned();
    Condition {
        flag: (keys & 1 != 0).then(|| flag(b)),
        answer: (keys & 2 != 0).then(|| format!("n{}", b.below(n + 1))),
        field: (keys & 4 != 0).then(|| format!("f{}", b.below(4))),
        is: (keys & 8 != 0).then(|| value(b)),
        any_of: (keys & 16 != 0).then(|| (0..b.below(3)).map(|_| value(b)).collect()),
    }
}

fn routes(b: &mut Bytes, n: usize, target: &dyn Fn(&mut Bytes) -> String) -> Vec<Route> {
    (0..b.below(3).saturating_sub(1))
        .map(|_| Route {
            when: condition(b, n),
            to: target(b),
        })
        .collect()
}

fn lines(b: &mut Bytes, n: usize) -> Vec<Line> {
    (0..b.below(4))
        .map(|_| {
            if b.one_in(3) {
                Line::Conditional(Box::new(ConditionalLine {
                    text: b.text(6),
                    when: (!b.one_in(3)).then(|| condition(b, n)),
                    unless: b.one_in(3).then(|| condition(b, n)),
                }))
            } else {
                Line::Plain(b.text(6))
            }
        })
        .collect()
}

/// A generated flow, written as JSON and validated: the same answer on a second run, the same
/// answer as validating the flow directly, the decoded flow is the one written, and a valid
/// flow keeps the promises the session relies on.
pub fn validate(data: &[u8]) {
    let flow = flow_from(&mut Bytes::new(data));
    let text = serde_json::to_string(&flow).expect("a flow serializes");
    let first = ValidFlow::from_json(&text);
    assert_eq!(
        outcome_of(&first),
        outcome_of(&ValidFlow::from_json(&text)),
        "a second validation differs"
    );
    assert_eq!(
        outcome_of(&first),
        outcome_of(&validate::validate(flow.clone())),
        "validating the text and the flow differ"
    );
    checked_read_agrees(&text, &first);
    if let Ok(valid) = &first {
        assert_eq!(valid.flow(), &flow, "the flow read is not the flow written");
        valid_flow_holds(valid);
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Session

/// A session on a shipped or generated valid flow, driven by answers (fitting and not), Back,
/// Change, Confirm and restart. After every step: the screen fits the path, the path is a walk
/// of the flow from its start, progress is sensible, a snapshot restores to the same state, and
/// on an outcome the handoff keeps its promises (see [`handoff_holds`]).
pub fn session(data: &[u8]) {
    let mut b = Bytes::new(data);
    let which = b.below(FLOWS.len() + 2);
    let flow = match SHIPPED.with(|flows| flows.get(which).cloned()) {
        Some(flow) => flow,
        None => match ValidFlow::from_json(&serde_json::to_string(&flow_from(&mut b)).unwrap()) {
            Ok(flow) => Rc::new(flow),
            Err(_) => return,
        },
    };
    let config = config_from(&mut b);
    let mut s = Session::new(Rc::clone(&flow));
    for _ in 0..200 {
        if b.is_empty() {
            break;
        }
        match b.below(12) {
            0 => s.start(),
            1 => {
                let _ = s.answer(Answer::Choice(b.below(8)));
            }
            2 => {
                let values = (0..b.below(5)).map(|_| value(&mut b, None)).collect();
                let _ = s.answer(Answer::Values(values));
            }
            3 => {
                let _ = s.answer(Answer::Seen);
            }
            4 => {
                s.back();
            }
            5 => {
                let path = s.path().to_vec();
                let node = path.get(b.below(path.len() + 1)).copied().unwrap_or(0);
                s.change(node);
            }
            6 => {
                s.confirm();
            }
            7 if b.one_in(4) => s.restart(),
            _ => answer_well(&mut s, &mut b),
        }
        session_holds(&s, &config);
    }
}

/// An answer that fits the screen, so that walks go deep.
fn answer_well(s: &mut Session, b: &mut Bytes) {
    match s.screen() {
        Screen::Start => s.start(),
        Screen::Review(_) => {
            s.confirm();
        }
        Screen::Outcome(_) => {
            s.back();
        }
        Screen::Node(node) => {
            let answer = match s.flow().node(node) {
                Node::Question(q) => Answer::Choice(b.below(q.options.len())),
                Node::Fields(f) => {
                    Answer::Values(f.fields.iter().map(|f| value(b, Some(f))).collect())
                }
                _ => Answer::Seen,
            };
            {
                let _ = s.answer(answer);
            };
        }
    }
}

/// A typed value: one that fits the field, a secret, or any text.
fn value(b: &mut Bytes, field: Option<&Field>) -> String {
    let fitting = field.map(|f| match f.format {
        Format::Email => "ada@contoso.com".to_owned(),
        Format::Phone => "+1 555 0100".to_owned(),
        Format::DateTime => "3 May 09:15".to_owned(),
        Format::Pattern => f.example.clone().unwrap_or_default(),
        Format::Text => "it says offline".to_owned(),
    });
    match b.below(6) {
        0 | 1 => fitting.unwrap_or_default(),
        2 => [
            "Hunter2!x",
            "123 456",
            "Tr0ub4dor&3",
            "12345678",
            "AADSTS50076",
        ][b.below(5)]
        .into(),
        _ => b.text(12),
    }
}

fn config_from(b: &mut Bytes) -> Config {
    let pick = |b: &mut Bytes, good: &str| match b.below(4) {
        0 => None,
        1 | 2 => Some(good.to_owned()),
        _ => Some(b.text(6)),
    };
    let org = pick(b, "Contoso");
    let email = pick(b, "helpdesk@contoso.com");
    let phone = pick(b, "+1 555 0100");
    let hours = pick(b, "Mon-Fri 8:00-18:00");
    Config::new(org, email, phone, hours).0
}

fn session_holds(s: &Session, config: &Config) {
    let flow = s.flow();
    let path = s.path();
    let screen = s.screen();
    match screen {
        Screen::Start => assert!(path.is_empty(), "the start screen with a path"),
        Screen::Node(node) => {
            assert_eq!(path.last(), Some(&node));
            assert!(!matches!(flow.node(node), Node::Outcome(_)));
            let (done, most) = s.progress().expect("a node has progress");
            assert!(done >= 1 && done <= most, "progress {done} of {most}");
        }
        Screen::Review(node) | Screen::Outcome(node) => {
            assert_eq!(path.last(), Some(&node));
            let Node::Outcome(outcome) = flow.node(node) else {
                panic!(
                    "an outcome screen on a {} node",
                    flow.node(node).kind_name()
                );
            };
            if matches!(screen, Screen::Review(_)) {
                assert!(
                    outcome.kind.is_contact(),
                    "a review before a non-contact outcome"
                );
            }
            handoff_holds(s, config);
        }
    }
    if let Some(&first) = path.first() {
        assert_eq!(first, flow.start(), "the path does not begin at the start");
    }
    for pair in path.windows(2) {
        assert!(
            flow.successors(pair[0]).contains(&pair[1]),
            "{} does not lead to {}",
            flow.node(pair[0]).id(),
            flow.node(pair[1]).id()
        );
    }
    let distinct: HashSet<usize> = path.iter().copied().collect();
    assert_eq!(distinct.len(), path.len(), "the path repeats a node");
    for row in s.summary() {
        assert!(path.contains(&row.node), "a summary row off the path");
    }
    assert!(s.reference().starts_with(&format!("{} v", flow.flow().id)));
    let snapshot = s.snapshot();
    let restored = Session::restore(s.flow_rc(), &snapshot)
        .unwrap_or_else(|| panic!("a snapshot does not restore: {snapshot}"));
    assert_eq!(
        restored.screen(),
        screen,
        "restored to another screen: {snapshot}"
    );
    assert_eq!(
        restored.path(),
        path,
        "restored to another path: {snapshot}"
    );
    assert_eq!(
        restored.snapshot(),
        snapshot,
        "a restored session snapshots differently"
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Handoff texts and encoders

/// The handoff of an outcome screen: nothing withheld appears in any text a person can send
/// (email text, `mailto:` decoded, `.eml` decoded, phone script, transcript), the withheld
/// list is the fields whose typed values look secret, and the email keeps [`email_holds`].
pub fn handoff_holds(s: &Session, config: &Config) {
    let handoff = Handoff::for_session(s, config).expect("an outcome screen has a handoff");
    assert_eq!(
        handoff.withheld,
        s.withheld(),
        "withheld differs from the session's"
    );
    let mut outputs = vec![super::transcript(
        s,
        &super::Page::from(config.clone()),
        NOTE,
    )];
    if let Some(email) = &handoff.email {
        outputs.extend(email_holds(email, MAILTO_BUDGET, NOTE));
    }
    if let Some(phone) = &handoff.phone {
        outputs.push(phone.text());
        outputs.push(phone.prepare.join("\n"));
        if let Some(tel) = phone.tel() {
            let digits = tel.strip_prefix("tel:").expect("a tel: link");
            assert!(
                digits.chars().all(|c| c == '+' || c.is_ascii_digit()),
                "{tel}"
            );
        }
    }
    let flow = s.flow();
    let typed = |id: &str| -> Option<String> {
        let (node, k) = flow.field_at(id)?;
        match s.answer_for(node) {
            Some(Answer::Values(values)) => values.get(k).map(|v| cleaned(v)),
            _ => None,
        }
    };
    if handoff.withheld.is_empty() {
        return;
    }
    // Where else a secret's text may legitimately come from: the flow, the page, the reference,
    // or a value typed elsewhere that is not withheld.
    let mut elsewhere: Vec<String> = strings_of(flow.flow());
    elsewhere.extend(
        [
            &config.org_name,
            &config.support_email,
            &config.support_phone,
            &config.support_hours,
        ]
        .into_iter()
        .flatten()
        .cloned(),
    );
    elsewhere.push(handoff.reference.clone());
    let withheld: HashSet<&str> = handoff.withheld.iter().map(String::as_str).collect();
    for node in s.path() {
        if let Node::Fields(f) = flow.node(*node) {
            elsewhere.extend(
                f.fields
                    .iter()
                    .filter(|f| !withheld.contains(f.id.as_str()))
                    .filter_map(|f| typed(&f.id)),
            );
        }
    }
    for id in &handoff.withheld {
        let Some(secret) = typed(id).filter(|v| !v.is_empty()) else {
            continue;
        };
        if elsewhere.iter().any(|text| text.contains(&secret)) {
            continue;
        }
        for output in &outputs {
            assert!(
                !output.contains(&secret),
                "withheld `{id}` leaked: {output:?}"
            );
        }
    }
}

/// A typed value as the fields check cleans it.
fn cleaned(raw: &str) -> String {
    raw.trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn strings_of(flow: &Flow) -> Vec<String> {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::to_value(flow).expect("a flow serializes"),
        &mut out,
    );
    out
}

/// An email's encoders: the `mailto:` URL parses back (RFC 6068) to the same address, subject
/// and body when it is not shortened, and when shortened keeps to the budget with a prefix of
/// the subject and leading lines; no header of the `.eml` has a raw line break or anything but
/// printable ASCII, and its subject decodes (RFC 2047) to the subject. Returns every text made,
/// decoded, for the secret check.
pub fn email_holds(email: &Email, budget: usize, note: &str) -> Vec<String> {
    let full = email.mailto(usize::MAX, note);
    let (to, subject, body) = parse_mailto(&full);
    assert_eq!(
        to,
        email.to.clone().unwrap_or_default(),
        "the address decodes differently"
    );
    assert_eq!(
        subject.as_deref(),
        Some(&*breaks(&email.subject)),
        "subject: {full}"
    );
    assert_eq!(
        body.as_deref(),
        Some(&*breaks(&email.body())),
        "body: {full}"
    );
    let to_only = format!("mailto:{}", full.split_once('?').map_or(&*full, |(t, _)| t));
    let short = email.mailto(budget, note);
    if full.len() <= budget {
        assert_eq!(short, full, "shortened although it fits");
    } else {
        assert!(
            short.len() <= budget.max(to_only.len()),
            "{} characters, over the budget of {budget}",
            short.len()
        );
        let (short_to, short_subject, short_body) = parse_mailto(&short);
        assert_eq!(short_to, to);
        if let Some(s) = &short_subject {
            assert!(
                breaks(&email.subject).starts_with(&**s),
                "subject is not a prefix"
            );
        }
        if let Some(body) = &short_body {
            let note = breaks(note);
            let fits = body == &note
                || (0..=email.lines.len()).any(|k| {
                    *body == breaks(&format!("{}\r\n\r\n{note}", email.lines[..k].join("\r\n")))
                });
            assert!(
                fits,
                "the shortened body is not leading lines and the note: {body:?}"
            );
        }
    }
    let eml = email.eml();
    let (head, rest) = eml
        .split_once("\r\n\r\n")
        .expect("an .eml has a header and a body");
    assert_eq!(
        rest,
        format!("{}\r\n", email.body()),
        "the .eml body differs"
    );
    let mut subjects = Vec::new();
    let mut current: Option<String> = None;
    for line in head.split("\r\n") {
        assert!(
            line.chars()
                .all(|c| c == ' ' || c == '\t' || c.is_ascii_graphic()),
            "an .eml header line has a control or non-ASCII character: {line:?}"
        );
        assert!(
            line.len() <= 998,
            "an .eml header line is over 998 characters"
        );
        if line.starts_with([' ', '\t']) {
            let open = current.as_mut().expect("a folded line continues a header");
            open.push_str(line);
            continue;
        }
        if let Some(subject) = current.take() {
            subjects.push(subject);
        }
        let (name, _) = line
            .split_once(": ")
            .expect("a header line is `Name: value`");
        assert!(
            [
                "To",
                "Subject",
                "X-Unsent",
                "MIME-Version",
                "Content-Type",
                "Content-Transfer-Encoding"
            ]
            .contains(&name),
            "an unexpected header {name}"
        );
        if name == "Subject" {
            current = Some(line["Subject: ".len()..].to_owned());
        }
    }
    subjects.extend(current);
    assert_eq!(subjects.len(), 1, "an .eml has one Subject");
    let decoded = decode_header(&subjects[0]);
    assert_eq!(
        decoded,
        one_line(&email.subject),
        "the .eml subject decodes differently"
    );
    vec![
        email.text(),
        full,
        short,
        subject.unwrap_or_default(),
        body.unwrap_or_default(),
        eml,
        decoded,
    ]
}

/// Line breaks as `mailto:` normalises them: every CR, LF or CRLF becomes CRLF.
fn breaks(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

/// Reads a `mailto:` URL as RFC 6068 says: `mailto:` address, then `?` and `&`-separated
/// `name=value` fields, each percent-decoded. Only `subject` and `body` may appear, once each,
/// and nothing but unreserved characters and percent escapes may appear in them.
fn parse_mailto(url: &str) -> (String, Option<String>, Option<String>) {
    let rest = url.strip_prefix("mailto:").expect("a mailto: URL");
    assert!(!rest.contains('#'), "a fragment in {url}");
    let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (mut subject, mut body) = (None, None);
    for field in query.split('&').filter(|f| !f.is_empty()) {
        let (name, value) = field.split_once('=').expect("a field is name=value");
        assert!(
            value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
            "a raw reserved character in the field {name}: {value}"
        );
        let slot = match name {
            "subject" => &mut subject,
            "body" => &mut body,
            _ => panic!("an unexpected field `{name}` in {url}"),
        };
        assert!(slot.is_none(), "`{name}` twice in {url}");
        *slot = Some(percent_decode(value));
    }
    let to = to
        .split('@')
        .map(|part| {
            assert!(
                part.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
                "a raw reserved character in the address: {to}"
            );
            percent_decode(part)
        })
        .collect::<Vec<_>>()
        .join("@");
    (to, subject, body)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).expect("a complete percent escape");
            out.push(u8::from_str_radix(hex, 16).expect("a hex percent escape"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("percent escapes of UTF-8")
}

/// Decodes a header value: plain text, or RFC 2047 `=?UTF-8?B?…?=` words separated by folding
/// white space (which, between two encoded words, is not part of the text).
fn decode_header(value: &str) -> String {
    let words: Vec<&str> = value.split([' ', '\t']).filter(|w| !w.is_empty()).collect();
    let encoded = |w: &str| w.starts_with("=?UTF-8?B?") && w.ends_with("?=");
    if words.is_empty() || !words.iter().all(|w| encoded(w)) {
        return value.to_owned();
    }
    let mut bytes = Vec::new();
    for word in words {
        assert!(
            word.len() <= 75,
            "an RFC 2047 encoded word is over 75 characters"
        );
        let payload = &word["=?UTF-8?B?".len()..word.len() - 2];
        let decoded = base64_decode(payload).expect("an encoded word is base64");
        // Each word must hold whole characters (RFC 2047 section 5).
        assert!(
            std::str::from_utf8(&decoded).is_ok(),
            "an encoded word splits a character"
        );
        bytes.extend(decoded);
    }
    String::from_utf8(bytes).expect("encoded words of UTF-8")
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if text.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::new();
    for chunk in text.as_bytes().chunks(4) {
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || chunk[..4 - pad].contains(&b'=') {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            n = n << 6 | ALPHABET.iter().position(|&a| a == c)? as u32;
        }
        n <<= 6 * pad as u32;
        out.extend(&n.to_be_bytes()[1..4 - pad]);
    }
    Some(out)
}

/// The encoders on their own, with any text: an email (its address as the page's settings
/// accept one) through [`email_holds`] with any budget, and base64 round trips. Then the same
/// through a session: a generated flow walked with typed values, so that secrets, placeholders
/// and the page's settings reach the handoff as they do in the widget.
pub fn handoff(data: &[u8]) {
    let mut b = Bytes::new(data);
    let bytes: Vec<u8> = b.text(16).into_bytes();
    let encoded = handoff::base64::encode(&bytes);
    assert_eq!(encoded.len(), bytes.len().div_ceil(3) * 4);
    assert_eq!(
        base64_decode(&encoded).as_deref(),
        Some(&*bytes),
        "base64 round trip"
    );

    let config = config_from(&mut b);
    let email = Email {
        to: config.support_email.clone(),
        subject: b.text(40),
        lines: (0..b.below(12)).map(|_| b.text(20)).collect(),
    };
    let budget = if b.one_in(2) {
        MAILTO_BUDGET
    } else {
        b.below(400)
    };
    email_holds(&email, budget, &b.text(6));

    let Ok(flow) = ValidFlow::from_json(&serde_json::to_string(&flow_from(&mut b)).unwrap()) else {
        return;
    };
    let mut s = Session::new(Rc::new(flow));
    for _ in 0..64 {
        if b.is_empty() {
            break;
        }
        answer_well(&mut s, &mut b);
        if matches!(s.screen(), Screen::Review(_) | Screen::Outcome(_)) {
            handoff_holds(&s, &config);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Patterns

/// A pattern and a value, split at the first NUL byte: compiling never panics or hangs, a
/// match is a part of the value, matching twice agrees, and the matcher's work stays within a
/// fixed multiple of (value length + 1) × program size (`Pattern::steps`), which is what "linear time, whatever
/// the pattern" means for a Pike VM.
pub fn pattern(data: &[u8]) {
    pattern_against(data, &|_, _| None);
}

/// [`pattern`], and where `reference` (regex-lite, in the fuzz target and the tests) compiles
/// the pattern too — `reference(pattern, value)` is `Some(expected)` then — the same answer:
/// whether the whole value matches and what the `value` group keeps.
pub fn pattern_against(data: &[u8], reference: &dyn Fn(&str, &str) -> Option<Option<String>>) {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let source = String::from_utf8_lossy(&data[..split]);
    let value = String::from_utf8_lossy(data.get(split + 1..).unwrap_or_default());
    let Ok(compiled) = Pattern::new(&source) else {
        return;
    };
    let matched = compiled.matched(&value);
    if let Some(m) = matched {
        let range = value.as_ptr() as usize..=value.as_ptr() as usize + value.len();
        assert!(
            range.contains(&(m.as_ptr() as usize)),
            "the match is not part of the value"
        );
    }
    assert_eq!(compiled.matched(&value), matched, "a second match differs");
    let steps = compiled.steps(&value);
    let bound = (value.chars().count() + 1) * compiled.program_len() * STEPS_PER_INSTRUCTION;
    assert!(
        steps <= bound,
        "{steps} steps for {} characters, over {bound}",
        value.len()
    );
    if let Some(expected) = reference(&source, &value) {
        assert_eq!(
            matched.map(str::to_owned),
            expected,
            "regex-lite disagrees on {source:?}"
        );
    }
}

/// Per character, each instruction is added to the thread list at most once and run at most
/// once.
const STEPS_PER_INSTRUCTION: usize = 2;

// ---------------------------------------------------------------------------------------------
// 6. Markup

/// Any text as markup: parsing never panics and never makes more text than it was given, every
/// link it keeps has an allowed scheme, no run is empty, and validation agrees with parsing
/// about bold (an odd number of `**` is a problem) and gives the same answer twice.
pub fn markup(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let blocks = markup::parse(&text);
    let mut total = 0;
    for block in &blocks {
        let runs = markup::block_runs(block);
        if let Block::List { items, .. } = block {
            assert!(!items.is_empty(), "an empty list");
        }
        for run in runs {
            match run {
                Inline::Value(_) => panic!("the parser made a filled value"),
                Inline::Text(t) | Inline::Bold(t) => {
                    total += t.len();
                    if let Inline::Text(t) = run {
                        assert!(!t.is_empty(), "an empty text run");
                    }
                }
                Inline::Link { text: words, href } => {
                    total += words.len() + href.len();
                    assert!(
                        markup::SCHEMES.iter().any(|s| href.starts_with(s)),
                        "a link to {href}"
                    );
                }
            }
        }
    }
    assert!(
        total <= text.len(),
        "markup made {total} bytes of text from {}",
        text.len()
    );
    let problems = markup::problems(&text);
    assert_eq!(problems, markup::problems(&text));
    if text.matches("**").count() % 2 == 1 {
        assert!(!problems.is_empty(), "unclosed bold not reported");
    }
    for line in text.lines() {
        for run in markup::inline(line) {
            if let Inline::Link { href, .. } = run {
                assert!(markup::SCHEMES.iter().any(|s| href.starts_with(s)));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 7. Templates

/// Any text as a template: when it parses, writing its pieces back (braces doubled) gives the
/// text again, every placeholder is a valid name, `names` lists exactly them, and `fill` puts
/// each value in its place; when every value is empty a template with placeholders is dropped;
/// a template that does not parse is kept as written.
pub fn template(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(pieces) = template::pieces(&text) else {
        assert!(template::names(&text).is_empty());
        assert_eq!(template::fill(&text, &|_| None).as_deref(), Some(&*text));
        return;
    };
    let mut written = String::new();
    let mut filled = String::new();
    let mut names = Vec::new();
    for piece in &pieces {
        match piece {
            Piece::Text(t) => {
                assert!(!t.is_empty(), "an empty text piece");
                written.push_str(&t.replace('{', "{{").replace('}', "}}"));
                filled.push_str(t);
            }
            Piece::Placeholder(name) => {
                assert!(template::is_name(name), "`{name}` is not a name");
                written.push_str(&format!("{{{name}}}"));
                filled.push_str(&format!("<{name}>"));
                names.push(*name);
            }
        }
    }
    assert_eq!(
        written, text,
        "the pieces do not write back to the template"
    );
    assert_eq!(template::names(&text), names);
    let lookup = |name: &str| Some(format!("<{name}>"));
    assert_eq!(template::fill(&text, &lookup), Some(filled));
    let empty = template::fill(&text, &|_| Some(" ".into()));
    assert_eq!(empty.is_none(), !names.is_empty(), "all-empty placeholders");
}

// ---------------------------------------------------------------------------------------------
// 8. Page settings

/// Any attribute values: [`Config::new`] keeps only trimmed, non-empty, one-line values, an
/// email address that is one and a phone number that is one, and reports each one it drops;
/// `settings::read` gives every notice an attribute the element has, keeps its numbers in
/// range, never persists in a kiosk, and gives the same answer twice.
pub fn settings(data: &[u8]) {
    use crate::embed::settings::{self, Mode, ATTRIBUTES};
    let mut b = Bytes::new(data);
    let values: Vec<Option<String>> = ATTRIBUTES
        .iter()
        .map(|_| match b.below(4) {
            0 => None,
            1 => Some(
                [
                    "true",
                    "false",
                    "kiosk",
                    "inline",
                    "session",
                    "30",
                    " ",
                    "en",
                    "fr",
                    "helpdesk@contoso.com",
                    "+1 555 0100",
                ][b.below(11)]
                .to_owned(),
            ),
            _ => Some(b.text(8)),
        })
        .collect();
    let attr = |name: &str| {
        let i = ATTRIBUTES.iter().position(|a| *a == name)?;
        values[i].clone()
    };
    // A value of only spaces and control characters is as good as none.
    let given = |name: &str| attr(name).filter(|v| !one_line(v).trim().is_empty());
    let (config, problems) = Config::new(
        attr("org-name"),
        attr("support-email"),
        attr("support-phone"),
        attr("support-hours"),
    );
    for value in [
        &config.org_name,
        &config.support_email,
        &config.support_phone,
        &config.support_hours,
    ]
    .into_iter()
    .flatten()
    {
        assert_eq!(value.trim(), value, "not trimmed");
        assert!(!value.is_empty());
        assert!(
            !value.chars().any(char::is_control),
            "a control character kept: {value:?}"
        );
    }
    if let Some(email) = &config.support_email {
        assert!(fields::is_email(email) && email.is_ascii());
    }
    if let Some(phone) = &config.support_phone {
        assert!(fields::is_phone(phone));
    }
    let dropped = usize::from(given("support-email").is_some() && config.support_email.is_none())
        + usize::from(given("support-phone").is_some() && config.support_phone.is_none());
    assert_eq!(
        problems.len(),
        dropped,
        "a dropped value without a problem, or the reverse"
    );

    let (read, notices) = settings::read(&attr);
    assert_eq!((read.clone(), notices.clone()), settings::read(&attr));
    assert_eq!(read.config, config);
    assert!((5..=3600).contains(&read.idle_seconds));
    assert!(
        !(read.mode == Mode::Kiosk && read.persist),
        "a kiosk persists"
    );
    for notice in &notices {
        assert!(
            ATTRIBUTES.contains(&notice.attribute),
            "{}",
            notice.attribute
        );
    }
}
