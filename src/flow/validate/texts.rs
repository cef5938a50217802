//! The rules for texts: not empty, no control characters, placeholders that something fills,
//! and well-formed markup where markup is allowed.

use std::collections::HashMap;

use super::{at, outcome_lines, Validator};
use crate::flow::config::{is_unseen_control, PLACEHOLDERS};
use crate::flow::markup;
use crate::flow::model::{Line, Node};
use crate::flow::template;

impl<'a> Validator<'a> {
    /// Every text: not empty, placeholders known, markup well formed with allowed links only.
    pub(super) fn texts(
        &mut self,
        index: &HashMap<String, usize>,
        field_index: &HashMap<String, usize>,
    ) {
        let known = |name: &str| {
            PLACEHOLDERS.contains(&name)
                || field_index.contains_key(name)
                || matches!(
                    index.get(name).map(|&n| &self.flow.nodes[n]),
                    Some(Node::Question(_))
                )
        };
        let flow = self.flow;
        let mut texts: Vec<(TextAt, &str, Kind)> = vec![
            (TextAt::Flow("title"), &flow.title, Kind::Line),
            (TextAt::Flow("summary"), &flow.summary, Kind::Line),
            (TextAt::Flow("version"), &flow.version, Kind::Line),
        ];
        for (i, node) in flow.nodes.iter().enumerate() {
            let key = |key| TextAt::Node(i, key);
            let item = |list, n, rest| TextAt::Item(i, list, n, rest);
            let mut add = |at: TextAt, text: &'a str, kind: Kind| texts.push((at, text, kind));
            match node {
                Node::Question(q) => {
                    add(key("text"), &q.text, Kind::Line);
                    if let Some(h) = &q.hint {
                        add(key("hint"), h, Kind::Block)
                    }
                    if let Some(l) = &q.label {
                        add(key("label"), l, Kind::Line)
                    }
                    for (o, option) in q.options.iter().enumerate() {
                        add(item("options", o, ".label"), &option.label, Kind::Line);
                        if let Some(h) = &option.hint {
                            add(item("options", o, ".hint"), h, Kind::Block)
                        }
                        if let Some(p) = &option.phrase {
                            add(item("options", o, ".phrase"), p, Kind::Phrase)
                        }
                    }
                }
                Node::Fields(f) => {
                    add(key("text"), &f.text, Kind::Line);
                    if let Some(h) = &f.hint {
                        add(key("hint"), h, Kind::Block)
                    }
                    for (k, field) in f.fields.iter().enumerate() {
                        add(item("fields", k, ".label"), &field.label, Kind::Line);
                        if let Some(h) = &field.hint {
                            add(item("fields", k, ".hint"), h, Kind::Block)
                        }
                        if let Some(e) = &field.error {
                            add(item("fields", k, ".error"), e, Kind::Line)
                        }
                    }
                }
                Node::Info(n) => {
                    add(key("title"), &n.title, Kind::Line);
                    add(key("body"), &n.body, Kind::Block);
                }
                Node::Outcome(o) => {
                    add(key("title"), &o.title, Kind::Line);
                    if let Some(b) = &o.body {
                        add(key("body"), b, Kind::Block)
                    }
                    if let Some(e) = &o.email {
                        add(key("email.subject"), &e.subject, Kind::Line)
                    }
                    for (list, lines) in outcome_lines(o) {
                        for (l, line) in lines.iter().enumerate() {
                            // A blank line separates paragraphs of an email.
                            if list == "email.body"
                                && matches!(line, Line::Plain(t) if t.is_empty())
                            {
                                continue;
                            }
                            let rest = match line {
                                Line::Plain(_) => "",
                                Line::Conditional(_) => ".text",
                            };
                            let kind = if list == "steps" {
                                Kind::Inline
                            } else {
                                Kind::Line
                            };
                            add(item(list, l, rest), line.text(), kind);
                        }
                    }
                }
            }
        }
        for (at, text, kind) in texts {
            if text.trim().is_empty() {
                self.error(at.path(), "the text is empty");
                continue;
            }
            if let Some(problem) = control_problem(text, kind == Kind::Block) {
                self.error(at.path(), problem);
                continue;
            }
            if kind == Kind::Phrase && text.contains(['{', '}']) {
                self.error(at.path(), "a phrase is put into other texts as it is, so it cannot have placeholders or braces");
                continue;
            }
            if let Err(problem) = template::pieces(text) {
                self.error(at.path(), problem);
                continue;
            }
            for name in template::names(text) {
                if !known(name) {
                    self.error(at.path(), format!("nothing can fill `{{{name}}}`: it is not a field id, a question id or one of {}", PLACEHOLDERS.join(", ")));
                }
            }
            if matches!(kind, Kind::Inline | Kind::Block) {
                for problem in markup::problems(text) {
                    self.error(at.path(), problem);
                }
            }
        }
    }
}

/// What a text is, for the characters and markup it may have.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One line of plain text: a title, a label, a subject, one line of an email or a script.
    Line,
    /// An option's phrase: one line put into other texts as it is, so without placeholders.
    Phrase,
    /// One line with inline markup: an outcome step.
    Inline,
    /// Paragraphs and lists: a body or a hint. Lines are separated by `\n`.
    Block,
}

/// Why a text cannot be used as it is: it has a control character (C0, DEL, C1 such as NEL) or
/// a Unicode line or paragraph separator. Such characters could break an email header or a
/// terminal, and nothing shows them; only a `Block` may have line breaks, written `\n`.
pub(super) fn control_problem(text: &str, line_breaks: bool) -> Option<String> {
    let bad = text
        .chars()
        .find(|&c| is_unseen_control(c) && !(line_breaks && c == '\n'))?;
    let allowed = if line_breaks {
        "only line breaks (`\\n`) are allowed"
    } else {
        "this text is one line, without line breaks or other control characters"
    };
    Some(format!(
        "the text has the control character U+{:04X}; {allowed}",
        bad as u32
    ))
}

/// Where a text is; turned into a JSON path only for an error, since a large flow has tens of
/// thousands of texts and almost never an error in them.
#[derive(Clone, Copy)]
enum TextAt {
    /// A key of the flow itself.
    Flow(&'static str),
    /// `nodes[i].key`.
    Node(usize, &'static str),
    /// `nodes[i].list[n]rest`, such as `nodes[3].options[1].label`.
    Item(usize, &'static str, usize, &'static str),
}

impl TextAt {
    fn path(self) -> String {
        match self {
            TextAt::Flow(key) => key.to_owned(),
            TextAt::Node(i, key) => at(i, key),
            TextAt::Item(i, list, n, rest) => at(i, &format!("{list}[{n}]{rest}")),
        }
    }
}
