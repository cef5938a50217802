//! Reading a flow file: JSON text to [`Flow`], with every shape error located. Syntax errors
//! carry a line and column; shape errors (a missing or unknown key, a wrong type, an unknown
//! kind) carry their JSON path, and all of them are reported at once, in the browser as in
//! `flowcheck`.

use super::error::{limits, FlowError};
use super::json::{self, Json};
use super::model::{
    Choice, Condition, ConditionalLine, EmailTemplate, Field, Fields, Flow, Format, Info, Line,
    Node, Outcome, OutcomeKind, PhoneTarget, PhoneTemplate, Question, Route,
};

/// Parses flow JSON.
pub fn parse(text: &str) -> Result<Flow, Vec<FlowError>> {
    if text.len() > limits::MAX_BYTES {
        let message = format!(
            "the file is {} bytes; a flow may be at most {} bytes",
            text.len(),
            limits::MAX_BYTES
        );
        return Err(vec![FlowError::new("", message)]);
    }
    let root = json::parse(text).map_err(|e| {
        vec![FlowError::new(
            format!("line {}, column {}", e.line, e.column),
            e.message,
        )]
    })?;
    let mut d = Decoder { errors: Vec::new() };
    let flow = d.flow(&root);
    match flow {
        Some(flow) if d.errors.is_empty() => Ok(flow),
        _ => Err(d.errors),
    }
}

const NODE_TYPES: &str = "`question`, `fields`, `info` or `outcome`";

/// Collects every error while reading.
struct Decoder {
    errors: Vec<FlowError>,
}

/// An object being read: keys are taken one by one, and what is left over is unknown.
struct Obj<'j> {
    at: String,
    entries: &'j [(String, Json)],
    taken: Vec<bool>,
}

impl<'j> Obj<'j> {
    fn path(&self, key: &str) -> String {
        if self.at.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.at)
        }
    }

    fn take(&mut self, key: &str) -> Option<&'j Json> {
        let i = self.entries.iter().position(|(k, _)| k == key)?;
        self.taken[i] = true;
        Some(&self.entries[i].1).filter(|v| **v != Json::Null)
    }
}

fn item(at: &str, i: usize) -> String {
    format!("{at}[{i}]")
}

impl Decoder {
    fn error(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FlowError::new(at, message));
    }

    fn obj<'j>(&mut self, value: &'j Json, at: &str) -> Option<Obj<'j>> {
        match value {
            Json::Object(entries) => Some(Obj {
                at: at.to_owned(),
                entries,
                taken: vec![false; entries.len()],
            }),
            other => {
                self.error(
                    at,
                    format!("invalid type: {}, expected an object", other.kind()),
                );
                None
            }
        }
    }

    /// Reports the keys nobody took.
    fn finish(&mut self, obj: Obj, allowed: &[&str]) {
        for ((key, _), taken) in obj.entries.iter().zip(&obj.taken) {
            if !taken {
                let expected: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
                self.error(
                    obj.path(key),
                    format!(
                        "unknown field `{key}`, expected one of {}",
                        expected.join(", ")
                    ),
                );
            }
        }
    }

    fn missing(&mut self, obj: &Obj, key: &str) {
        self.error(obj.at.clone(), format!("missing field `{key}`"));
    }

    fn text(&mut self, value: &Json, at: &str) -> Option<String> {
        match value {
            Json::String(s) => Some(s.clone()),
            other => {
                self.error(
                    at,
                    format!("invalid type: {}, expected a string", other.kind()),
                );
                None
            }
        }
    }

    fn string(&mut self, obj: &mut Obj, key: &str) -> Option<String> {
        match obj.take(key) {
            Some(v) => self.text(v, &obj.path(key)),
            None => {
                self.missing(obj, key);
                None
            }
        }
    }

    fn opt_string(&mut self, obj: &mut Obj, key: &str) -> Option<String> {
        let value = obj.take(key)?;
        self.text(value, &obj.path(key))
    }

    fn opt_number<T: std::str::FromStr>(&mut self, obj: &mut Obj, key: &str) -> Option<T> {
        match obj.take(key)? {
            Json::Number(n) => n.parse().ok().or_else(|| {
                self.error(
                    obj.path(key),
                    format!("invalid value: `{n}`, expected a whole number"),
                );
                None
            }),
            other => {
                self.error(
                    obj.path(key),
                    format!("invalid type: {}, expected a whole number", other.kind()),
                );
                None
            }
        }
    }

    fn number<T: std::str::FromStr>(&mut self, obj: &mut Obj, key: &str) -> Option<T> {
        if obj.entries.iter().all(|(k, _)| k != key) {
            self.missing(obj, key);
            return None;
        }
        self.opt_number(obj, key)
    }

    fn flag(&mut self, obj: &mut Obj, key: &str) -> bool {
        match obj.take(key) {
            None => false,
            Some(Json::Bool(b)) => *b,
            Some(other) => {
                self.error(
                    obj.path(key),
                    format!("invalid type: {}, expected true or false", other.kind()),
                );
                false
            }
        }
    }

    /// A name from a fixed list, such as an outcome's `kind`.
    fn variant<T: Copy>(&mut self, value: &Json, at: &str, names: &[(&str, T)]) -> Option<T> {
        let name = self.text(value, at)?;
        let found = names.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        if found.is_none() {
            let expected: Vec<String> = names.iter().map(|(n, _)| format!("`{n}`")).collect();
            self.error(
                at,
                format!(
                    "unknown variant `{name}`, expected one of {}",
                    expected.join(", ")
                ),
            );
        }
        found
    }

    /// A list under `key`; each item read by `read`. A missing optional list is empty.
    fn list<T>(
        &mut self,
        obj: &mut Obj,
        key: &str,
        required: bool,
        mut read: impl FnMut(&mut Self, &Json, &str) -> Option<T>,
    ) -> Vec<T> {
        let at = obj.path(key);
        match obj.take(key) {
            None if required => {
                self.missing(obj, key);
                Vec::new()
            }
            None => Vec::new(),
            Some(Json::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| read(self, v, &item(&at, i)))
                .collect(),
            Some(other) => {
                self.error(
                    at,
                    format!("invalid type: {}, expected a list", other.kind()),
                );
                Vec::new()
            }
        }
    }

    fn strings(&mut self, obj: &mut Obj, key: &str) -> Vec<String> {
        self.list(obj, key, false, |d, v, at| d.text(v, at))
    }

    fn flow(&mut self, value: &Json) -> Option<Flow> {
        let mut o = self.obj(value, "")?;
        let schema = self.opt_string(&mut o, "$schema");
        let format = self.number(&mut o, "format");
        let id = self.string(&mut o, "id");
        let version = self.string(&mut o, "version");
        let title = self.string(&mut o, "title");
        let summary = self.string(&mut o, "summary");
        let language = self.string(&mut o, "language");
        let minutes = self.opt_number(&mut o, "minutes");
        let start = self.string(&mut o, "start");
        let too_many = matches!(o.entries.iter().find(|(k, _)| k == "nodes"), Some((_, Json::Array(n))) if n.len() > limits::MAX_NODES);
        let nodes = if too_many {
            let count = o
                .take("nodes")
                .map_or(0, |n| if let Json::Array(n) = n { n.len() } else { 0 });
            self.error(
                "nodes",
                format!(
                    "the flow has {count} nodes; at most {} are allowed",
                    limits::MAX_NODES
                ),
            );
            Vec::new()
        } else {
            self.list(&mut o, "nodes", true, Self::node)
        };
        self.finish(
            o,
            &[
                "$schema", "format", "id", "version", "title", "summary", "language", "minutes",
                "start", "nodes",
            ],
        );
        Some(Flow {
            schema,
            format: format?,
            id: id?,
            version: version?,
            title: title?,
            summary: summary?,
            language: language?,
            minutes,
            start: start?,
            nodes,
        })
    }

    fn node(&mut self, value: &Json, at: &str) -> Option<Node> {
        let mut o = self.obj(value, at)?;
        let kind = match o.take("type") {
            None => {
                self.error(
                    at,
                    format!("the node has no `type`; give one of {NODE_TYPES}"),
                );
                return None;
            }
            Some(Json::String(kind)) => kind.as_str(),
            Some(_) => {
                self.error(format!("{at}.type"), format!("`type` must be {NODE_TYPES}"));
                return None;
            }
        };
        match kind {
            "question" => self.question(o).map(Node::Question),
            "fields" => self.fields(o).map(Node::Fields),
            "info" => self.info(o).map(Node::Info),
            "outcome" => self.outcome(o).map(Node::Outcome),
            other => {
                self.error(
                    format!("{at}.type"),
                    format!("unknown node type `{other}`; use {NODE_TYPES}"),
                );
                None
            }
        }
    }

    fn question(&mut self, mut o: Obj) -> Option<Question> {
        let id = self.string(&mut o, "id");
        let text = self.string(&mut o, "text");
        let hint = self.opt_string(&mut o, "hint");
        let label = self.opt_string(&mut o, "label");
        let options = self.list(&mut o, "options", true, Self::choice);
        let routes = self.list(&mut o, "routes", false, Self::route);
        self.finish(
            o,
            &["type", "id", "text", "hint", "label", "options", "routes"],
        );
        Some(Question {
            id: id?,
            text: text?,
            hint,
            label,
            options,
            routes,
        })
    }

    fn choice(&mut self, value: &Json, at: &str) -> Option<Choice> {
        let mut o = self.obj(value, at)?;
        let id = self.string(&mut o, "id");
        let label = self.string(&mut o, "label");
        let hint = self.opt_string(&mut o, "hint");
        let phrase = self.opt_string(&mut o, "phrase");
        let next = self.string(&mut o, "next");
        let routes = self.list(&mut o, "routes", false, Self::route);
        let set = self.strings(&mut o, "set");
        self.finish(
            o,
            &["id", "label", "hint", "phrase", "next", "routes", "set"],
        );
        Some(Choice {
            id: id?,
            label: label?,
            hint,
            phrase,
            next: next?,
            routes,
            set,
        })
    }

    fn fields(&mut self, mut o: Obj) -> Option<Fields> {
        let id = self.string(&mut o, "id");
        let text = self.string(&mut o, "text");
        let hint = self.opt_string(&mut o, "hint");
        let fields = self.list(&mut o, "fields", true, Self::field);
        let routes = self.list(&mut o, "routes", false, Self::route);
        let next = self.string(&mut o, "next");
        self.finish(
            o,
            &["type", "id", "text", "hint", "fields", "routes", "next"],
        );
        Some(Fields {
            id: id?,
            text: text?,
            hint,
            fields,
            routes,
            next: next?,
        })
    }

    fn field(&mut self, value: &Json, at: &str) -> Option<Field> {
        const FORMATS: [(&str, Format); 5] = [
            ("text", Format::Text),
            ("email", Format::Email),
            ("phone", Format::Phone),
            ("date_time", Format::DateTime),
            ("pattern", Format::Pattern),
        ];
        let mut o = self.obj(value, at)?;
        let id = self.string(&mut o, "id");
        let label = self.string(&mut o, "label");
        let hint = self.opt_string(&mut o, "hint");
        let required = self.flag(&mut o, "required");
        let path = o.path("format");
        let format = o.take("format").map(|v| self.variant(v, &path, &FORMATS));
        let pattern = self.opt_string(&mut o, "pattern");
        let error = self.opt_string(&mut o, "error");
        let max_length = self.opt_number(&mut o, "max_length");
        let example = self.opt_string(&mut o, "example");
        self.finish(
            o,
            &[
                "id",
                "label",
                "hint",
                "required",
                "format",
                "pattern",
                "error",
                "max_length",
                "example",
            ],
        );
        let format = match format {
            None => Format::Text,
            Some(found) => found?,
        };
        Some(Field {
            id: id?,
            label: label?,
            hint,
            required,
            format,
            pattern,
            error,
            max_length,
            example,
        })
    }

    fn info(&mut self, mut o: Obj) -> Option<Info> {
        let id = self.string(&mut o, "id");
        let title = self.string(&mut o, "title");
        let body = self.string(&mut o, "body");
        let routes = self.list(&mut o, "routes", false, Self::route);
        let next = self.string(&mut o, "next");
        self.finish(o, &["type", "id", "title", "body", "routes", "next"]);
        Some(Info {
            id: id?,
            title: title?,
            body: body?,
            routes,
            next: next?,
        })
    }

    fn outcome(&mut self, mut o: Obj) -> Option<Outcome> {
        const KINDS: [(&str, OutcomeKind); 4] = [
            ("self_fix", OutcomeKind::SelfFix),
            ("contact_helpdesk", OutcomeKind::ContactHelpdesk),
            ("call_vendor", OutcomeKind::CallVendor),
            ("not_supported", OutcomeKind::NotSupported),
        ];
        let id = self.string(&mut o, "id");
        let path = o.path("kind");
        let kind = match o.take("kind") {
            Some(v) => self.variant(v, &path, &KINDS),
            None => {
                self.missing(&o, "kind");
                None
            }
        };
        let title = self.string(&mut o, "title");
        let body = self.opt_string(&mut o, "body");
        let steps = self.list(&mut o, "steps", false, Self::line);
        let path = o.path("email");
        let email = o.take("email").map(|v| self.email(v, &path));
        let path = o.path("phone");
        let phone = o.take("phone").map(|v| self.phone(v, &path));
        self.finish(
            o,
            &[
                "type", "id", "kind", "title", "body", "steps", "email", "phone",
            ],
        );
        let email = match email {
            None => None,
            Some(email) => Some(email?),
        };
        let phone = match phone {
            None => None,
            Some(phone) => Some(phone?),
        };
        Some(Outcome {
            id: id?,
            kind: kind?,
            title: title?,
            body,
            steps,
            email,
            phone,
        })
    }

    fn email(&mut self, value: &Json, at: &str) -> Option<EmailTemplate> {
        let mut o = self.obj(value, at)?;
        let subject = self.string(&mut o, "subject");
        let body = self.list(&mut o, "body", true, Self::line);
        self.finish(o, &["subject", "body"]);
        Some(EmailTemplate {
            subject: subject?,
            body,
        })
    }

    fn phone(&mut self, value: &Json, at: &str) -> Option<PhoneTemplate> {
        const TARGETS: [(&str, PhoneTarget); 2] = [
            ("helpdesk", PhoneTarget::Helpdesk),
            ("vendor", PhoneTarget::Vendor),
        ];
        let mut o = self.obj(value, at)?;
        let path = o.path("to");
        let to = o.take("to").map(|v| self.variant(v, &path, &TARGETS));
        let prepare = self.list(&mut o, "prepare", false, Self::line);
        let lines = self.list(&mut o, "lines", true, Self::line);
        self.finish(o, &["to", "prepare", "lines"]);
        let to = match to {
            None => PhoneTarget::Helpdesk,
            Some(found) => found?,
        };
        Some(PhoneTemplate { to, prepare, lines })
    }

    fn line(&mut self, value: &Json, at: &str) -> Option<Line> {
        match value {
            Json::String(text) => Some(Line::Plain(text.clone())),
            Json::Object(_) => {
                let mut o = self.obj(value, at)?;
                let text = self.string(&mut o, "text");
                let when = self.opt_condition(&mut o, "if");
                let unless = self.opt_condition(&mut o, "unless");
                self.finish(o, &["text", "if", "unless"]);
                Some(Line::Conditional(Box::new(ConditionalLine {
                    text: text?,
                    when: when?,
                    unless: unless?,
                })))
            }
            other => {
                self.error(at, format!("invalid type: {}, expected a string, or an object with `text` and `if` or `unless`", other.kind()));
                None
            }
        }
    }

    fn route(&mut self, value: &Json, at: &str) -> Option<Route> {
        let mut o = self.obj(value, at)?;
        let when = match o.take("if") {
            Some(v) => self.condition(v, &o.path("if")),
            None => {
                self.missing(&o, "if");
                None
            }
        };
        let to = self.string(&mut o, "to");
        self.finish(o, &["if", "to"]);
        Some(Route {
            when: when?,
            to: to?,
        })
    }

    /// An optional condition: `Some(None)` when absent, `None` when present but unreadable.
    fn opt_condition(&mut self, o: &mut Obj, key: &str) -> Option<Option<Condition>> {
        let path = o.path(key);
        match o.take(key) {
            None => Some(None),
            Some(v) => self.condition(v, &path).map(Some),
        }
    }

    fn condition(&mut self, value: &Json, at: &str) -> Option<Condition> {
        let mut o = self.obj(value, at)?;
        let flag = self.opt_string(&mut o, "flag");
        let answer = self.opt_string(&mut o, "answer");
        let field = self.opt_string(&mut o, "field");
        let is = self.opt_string(&mut o, "is");
        let any_of = o
            .entries
            .iter()
            .any(|(k, v)| k == "in" && *v != Json::Null)
            .then(|| self.strings(&mut o, "in"));
        self.finish(o, &["flag", "answer", "field", "is", "in"]);
        Some(Condition {
            flag,
            answer,
            field,
            is,
            any_of,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn reads_what_serde_reads() {
        for text in [
            include_str!("../../flows/microsoft-authenticator.json"),
            include_str!("../../flows/examples/printer-offline.json"),
        ] {
            let ours = parse(text).unwrap();
            let serde: Flow = serde_json::from_str(text).unwrap();
            assert_eq!(ours, serde);
        }
    }

    #[test]
    fn wrong_types_are_named() {
        let errors = parse(r#"{"format": "1", "id": 2, "minutes": 1.5, "nodes": {}}"#).unwrap_err();
        let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            found.contains(&"format: invalid type: a string, expected a whole number".to_owned()),
            "{found:#?}"
        );
        assert!(
            found.contains(&"id: invalid type: a number, expected a string".to_owned()),
            "{found:#?}"
        );
        assert!(
            found.contains(&"minutes: invalid value: `1.5`, expected a whole number".to_owned()),
            "{found:#?}"
        );
        assert!(
            found.contains(&"nodes: invalid type: an object, expected a list".to_owned()),
            "{found:#?}"
        );
        assert!(
            found.contains(&"missing field `version`".to_owned()),
            "{found:#?}"
        );
    }
}
