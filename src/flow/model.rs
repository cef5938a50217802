//! The flow file format, version 1, as Rust types.
//!
//! The session walks these types, and `load` reads them from JSON: the widget never runs serde,
//! whose derived code is several times the size of that decoder. Their serde and schemars
//! attributes describe the format for the JSON Schema in `schema/flow.schema.json` (so the doc
//! comments below are what web teams see in their editor) and for the native tools that write
//! flows; `tests/schema_agreement.rs` checks that the schema accepts and refuses what `load`
//! does. The names a key takes from a fixed list (a node's `type`, an outcome's `kind`, a
//! field's `format`, a phone script's `to`) are written once, in each enum's `as_str`, and
//! listed in order by its `ALL`: the reader and its messages use them, and the same test checks
//! the schema's lists against them.

use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// What a condition's `is` says of a self-fix outcome answered No, and what flow tests and
/// `flowcheck render` give its id for that answer.
pub const NOT_FIXED: &str = "no";

/// The newest format version this build reads. Format 2 added `not_fixed` ("Did this fix
/// it?"), which `flowcheck check` requires on every `self_fix` outcome of a format 2 flow;
/// format 1 flows still read, with a warning for each.
pub const FORMAT_VERSION: u32 = 2;

/// A guided troubleshooting flow: a decision tree of questions that ends in outcomes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// Where editors find this schema; ignored by the widget.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The file format version: 1, or 2 for a flow that gives every self-fix outcome its
    /// `not_fixed` ("Did this fix it?").
    pub format: u32,
    /// A short, stable name for the flow, such as `microsoft-authenticator`: lowercase letters,
    /// digits and hyphens. It is part of every reference code sent to a helpdesk.
    pub id: String,
    /// The flow's own version, such as `1.2`. Change it whenever wording or routes change, so a
    /// helpdesk can tell which text a person saw.
    pub version: String,
    /// The title on the start screen, such as "Get back into your work account".
    pub title: String,
    /// One sentence on the start screen that says what the flow helps with.
    pub summary: String,
    /// The language of the flow's text, as a BCP 47 tag such as `en` or `en-GB`.
    pub language: String,
    /// The languages the flow is translated into (BCP 47 tags), each in an overlay file
    /// beside it (see `flow::translation`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<String>,
    /// About how many minutes a person needs, shown on the start screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// The id of the first node.
    pub start: String,
    /// Every question, form, explanation and outcome of the flow.
    pub nodes: Vec<Node>,
}

/// One screen of the flow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Node {
    /// A single-choice question.
    Question(Question),
    /// A short form of one or more text inputs.
    Fields(Fields),
    /// An explanation with a Continue button.
    Info(Info),
    /// An end of the flow: what to do next, and for contact outcomes the email and phone script.
    Outcome(Outcome),
}

/// A node's `type`: which of [`Node`]'s variants it is, without its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeType {
    /// [`Node::Question`]
    Question,
    /// [`Node::Fields`]
    Fields,
    /// [`Node::Info`]
    Info,
    /// [`Node::Outcome`]
    Outcome,
}

impl NodeType {
    /// Every type, in the order of the variants (and of messages and the schema).
    pub const ALL: [NodeType; 4] = [
        NodeType::Question,
        NodeType::Fields,
        NodeType::Info,
        NodeType::Outcome,
    ];

    /// The names used in the flow file, in the same order. `Node`'s serde tag spells the same
    /// names (the variants in snake case), which `tests/schema_agreement.rs` checks.
    pub const NAMES: [&'static str; 4] = ["question", "fields", "info", "outcome"];

    /// The name used in the flow file.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// A single-choice question, shown as radio buttons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique node id: lowercase letters, digits, `-` and `_`. Also the placeholder name of the
    /// answer, so `{account}` in a template is the phrase of the option chosen at node `account`.
    pub id: String,
    /// The question, shown as the screen's heading.
    pub text: String,
    /// Help under the question. Markup: paragraphs, `- ` lists, `**bold**`, `[text](https://…)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// A short label for the "Check your answers" list; defaults to the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The choices, at least two.
    pub options: Vec<Choice>,
    /// Conditional routes checked before the chosen option's `next`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
}

/// One choice of a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique within the question; used by conditions (`"answer": "account", "is": "work"`).
    pub id: String,
    /// What the person reads next to the radio button.
    pub label: String,
    /// Extra help under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// How the answer reads inside an email or phone script; defaults to the label. It is put
    /// into those texts as it is, so it has no placeholders (and no braces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[^{}]*$")))]
    pub phrase: Option<String>,
    /// The node this choice leads to, unless one of its `routes` holds.
    pub next: String,
    /// Routes taken only when this choice is chosen, checked in order before `next`. For
    /// example, "another way worked" can lead elsewhere when the phone was stolen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
    /// Flags this choice sets, such as `lost_or_stolen`. Flags change texts and routes later on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set: Vec<String>,
}

/// A short form of text inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fields {
    /// Unique node id.
    pub id: String,
    /// The screen's heading.
    pub text: String,
    /// Help under the heading (markup allowed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The inputs, at least one.
    pub fields: Vec<Field>,
    /// Conditional routes, checked in order; the first that holds is taken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
    /// Where to go when no route holds.
    pub next: String,
}

/// One text input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Unique across the whole flow; also its placeholder name, such as `{upn}`.
    pub id: String,
    /// The input's label.
    pub label: String,
    /// Help under the label, such as where to find the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Whether the person must fill it in.
    #[serde(default)]
    pub required: bool,
    /// What the value must look like.
    #[serde(default)]
    pub format: Format,
    /// For `pattern`: the regular expression the whole value must match. A named group
    /// `(?<value>…)` keeps only that part, so `(?i)^(?:AADSTS)?(?<value>\d+)$` stores `50076`.
    /// At most 1,000 characters, with groups nested at most 100 deep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(max = 1000)))]
    pub pattern: Option<String>,
    /// For `pattern`: the message shown when the value does not match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The most characters accepted (default 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// A valid value, such as `AADSTS50076`. `flowcheck paths` and the tests type it to walk
    /// the flow; it is checked like a real answer. Never shown to people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// Refuse a value that looks like a one-time code: six to eight digits alone, as
    /// Authenticator, text messages and tokens show them. Set it on fields a stressed person
    /// might type such a code into, such as an error code or an ID; the person is told to
    /// never share codes. (Whatever this says, a code-like value is never sent.)
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refuse_codes: bool,
}

/// The format of a text input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Any short text. Values that look like a password or a one-time code are never sent.
    #[default]
    Text,
    /// An email address such as `name@example.com`.
    Email,
    /// A telephone number: digits, spaces, `+`, `-`, `(`, `)`.
    Phone,
    /// A date and time, as the person writes it (for example "3 May 2026 09:15").
    DateTime,
    /// A value that matches `pattern`.
    Pattern,
}

impl Format {
    /// Every format, in the order of the variants (and of messages and the schema).
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Email,
        Format::Phone,
        Format::DateTime,
        Format::Pattern,
    ];

    /// The names used in the flow file, in the same order.
    pub const NAMES: [&'static str; 5] = ["text", "email", "phone", "date_time", "pattern"];

    /// The name used in the flow file.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// An explanation with a Continue button.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Info {
    /// Unique node id.
    pub id: String,
    /// The screen's heading.
    pub title: String,
    /// The explanation (markup allowed).
    pub body: String,
    /// Conditional routes, checked in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
    /// Where Continue leads when no route holds.
    pub next: String,
}

/// What kind of ending an outcome is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// The person can fix it themselves by following the steps.
    SelfFix,
    /// Only the organisation's helpdesk can help: the outcome offers an email and a phone script.
    ContactHelpdesk,
    /// Only the vendor can help (for example Microsoft support): a phone script for the vendor.
    CallVendor,
    /// This tool cannot help with this case; the steps say where to go instead.
    NotSupported,
}

impl OutcomeKind {
    /// Every kind, in the order of the variants (and of messages and the schema).
    pub const ALL: [OutcomeKind; 4] = [
        OutcomeKind::SelfFix,
        OutcomeKind::ContactHelpdesk,
        OutcomeKind::CallVendor,
        OutcomeKind::NotSupported,
    ];

    /// Contact outcomes hand the person over to someone else, after "Check your answers".
    pub fn is_contact(self) -> bool {
        matches!(self, OutcomeKind::ContactHelpdesk | OutcomeKind::CallVendor)
    }

    /// The names used in the flow file and in events, in the same order.
    pub const NAMES: [&'static str; 4] = [
        "self_fix",
        "contact_helpdesk",
        "call_vendor",
        "not_supported",
    ];

    /// The name used in the flow file and in events.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// An end of the flow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Unique node id.
    pub id: String,
    /// What kind of ending this is.
    pub kind: OutcomeKind,
    /// The heading: what happens next, such as "Ask your IT helpdesk to reset your sign-in".
    pub title: String,
    /// An introduction above the steps (markup allowed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// What to do, in order. Each may carry a condition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Line>,
    /// The prefilled email. Required for `contact_helpdesk`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailTemplate>,
    /// The phone script. Required for `contact_helpdesk` and `call_vendor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<PhoneTemplate>,
    /// Where "No" to "Did this fix it?" leads from a `self_fix` outcome, with the person's
    /// answers: a contact outcome, or a node on the way to one (such as the form that asks for
    /// what IT needs). Format 2 requires it on every `self_fix` outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_fixed: Option<String>,
}

/// The prefilled email of an outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmailTemplate {
    /// The subject line, with placeholders such as `{upn}`.
    pub subject: String,
    /// The body, one entry per line. A line whose placeholders are all empty is left out.
    pub body: Vec<Line>,
}

/// The phone script of an outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PhoneTemplate {
    /// Who to call: `helpdesk` (the page's `support-phone`) or `vendor` (a link in the steps).
    #[serde(default)]
    pub to: PhoneTarget,
    /// What to have ready before calling.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prepare: Vec<Line>,
    /// What to say, in order.
    pub lines: Vec<Line>,
}

/// Who a phone script is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PhoneTarget {
    /// The organisation's helpdesk, at the page's `support-phone`.
    #[default]
    Helpdesk,
    /// A vendor whose number the outcome's steps link to.
    Vendor,
}

impl PhoneTarget {
    /// Every target, in the order of the variants (and of messages and the schema).
    pub const ALL: [PhoneTarget; 2] = [PhoneTarget::Helpdesk, PhoneTarget::Vendor];

    /// The names used in the flow file, in the same order.
    pub const NAMES: [&'static str; 2] = ["helpdesk", "vendor"];

    /// The name used in the flow file.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// A line of text: a plain string, or `{"text": …, "if": …}` to show it only when a condition
/// holds (or `"unless"` to show it only when it does not).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(untagged)]
pub enum Line {
    /// Always shown (unless all its placeholders are empty).
    Plain(String),
    /// Shown only when its condition allows.
    Conditional(Box<ConditionalLine>),
}

/// A line shown only when a condition allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConditionalLine {
    /// The text.
    pub text: String,
    /// Show the line only when this holds.
    #[serde(rename = "if", default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// Show the line only when this does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unless: Option<Condition>,
}

impl Line {
    /// The line's text, whatever its condition.
    pub fn text(&self) -> &str {
        match self {
            Line::Plain(text) => text,
            Line::Conditional(line) => &line.text,
        }
    }
}

// A hand-written `Deserialize`, because serde's untagged enums replace the real error (an unknown
// key inside the object form, say) with "did not match any variant".
impl<'de> Deserialize<'de> for Line {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LineVisitor;
        impl<'de> serde::de::Visitor<'de> for LineVisitor {
            type Value = Line;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, or an object with `text` and `if` or `unless`")
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Line, E> {
                Ok(Line::Plain(value.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Line, A::Error> {
                ConditionalLine::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|line| Line::Conditional(Box::new(line)))
            }
        }
        deserializer.deserialize_any(LineVisitor)
    }
}

/// A route taken when its condition holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// The condition.
    #[serde(rename = "if")]
    pub when: Condition,
    /// The node to go to.
    pub to: String,
}

/// A simple equality test on what the person has said so far. Give exactly one of `flag`,
/// `answer` or `field`; `answer` and `field` also take `is` (one value) or `in` (a list).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Holds when a chosen option has set this flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    /// The id of a question: holds when its chosen option is `is` (or one of `in`). Or the id of
    /// a self-fix outcome with `not_fixed`, with `is: "no"`: holds when the person answered No
    /// to "Did this fix it?" there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// The id of a field: holds when its value is `is` (or one of `in`), ignoring case.
    /// With neither, holds when the field has a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The value to compare with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<String>,
    /// Values to compare with; any one matching is enough.
    #[serde(rename = "in", default, skip_serializing_if = "Option::is_none")]
    pub any_of: Option<Vec<String>>,
}

impl Condition {
    /// Whether a value is the condition's `is` or one of its `in`, ignoring case: how an
    /// answer's option id or a field's value is compared.
    pub fn names(&self, value: &str) -> bool {
        self.is
            .iter()
            .chain(self.any_of.iter().flatten())
            .any(|v| v.eq_ignore_ascii_case(value))
    }
}

/// Where a node names the node it leads to; displays as the JSON path within the node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// `routes[i].to`
    Route(usize),
    /// `options[i].routes[r].to`
    OptionRoute(usize, usize),
    /// `options[i].next`
    Option(usize),
    /// `next`
    Next,
    /// `not_fixed`
    NotFixed,
}

impl std::fmt::Display for Edge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Edge::Route(i) => write!(f, "routes[{i}].to"),
            Edge::OptionRoute(i, r) => write!(f, "options[{i}].routes[{r}].to"),
            Edge::Option(i) => write!(f, "options[{i}].next"),
            Edge::Next => f.write_str("next"),
            Edge::NotFixed => f.write_str("not_fixed"),
        }
    }
}

impl Node {
    /// The node's id.
    pub fn id(&self) -> &str {
        match self {
            Node::Question(n) => &n.id,
            Node::Fields(n) => &n.id,
            Node::Info(n) => &n.id,
            Node::Outcome(n) => &n.id,
        }
    }

    /// The node's type.
    pub fn node_type(&self) -> NodeType {
        match self {
            Node::Question(_) => NodeType::Question,
            Node::Fields(_) => NodeType::Fields,
            Node::Info(_) => NodeType::Info,
            Node::Outcome(_) => NodeType::Outcome,
        }
    }

    /// The node's type as written in the file.
    pub fn kind_name(&self) -> &'static str {
        self.node_type().as_str()
    }

    /// The heading a person sees on this node's screen.
    pub fn heading(&self) -> &str {
        match self {
            Node::Question(n) => &n.text,
            Node::Fields(n) => &n.text,
            Node::Info(n) => &n.title,
            Node::Outcome(n) => &n.title,
        }
    }

    /// The conditional routes of a node (outcomes have none).
    pub fn routes(&self) -> &[Route] {
        match self {
            Node::Question(n) => &n.routes,
            Node::Fields(n) => &n.routes,
            Node::Info(n) => &n.routes,
            Node::Outcome(_) => &[],
        }
    }

    /// Every node id this node can lead to, with where it is written. The edge becomes a JSON
    /// path only when it is displayed, since walking a large flow's edges needs just the ids.
    pub fn targets(&self) -> Vec<(Edge, &str)> {
        let mut out: Vec<(Edge, &str)> = self
            .routes()
            .iter()
            .enumerate()
            .map(|(i, r)| (Edge::Route(i), r.to.as_str()))
            .collect();
        match self {
            Node::Question(q) => {
                for (i, o) in q.options.iter().enumerate() {
                    out.extend(
                        o.routes
                            .iter()
                            .enumerate()
                            .map(|(r, route)| (Edge::OptionRoute(i, r), route.to.as_str())),
                    );
                    out.push((Edge::Option(i), o.next.as_str()));
                }
            }
            Node::Fields(f) => out.push((Edge::Next, f.next.as_str())),
            Node::Info(n) => out.push((Edge::Next, n.next.as_str())),
            Node::Outcome(o) => out.extend(o.not_fixed.as_deref().map(|to| (Edge::NotFixed, to))),
        }
        out
    }
}
