//! Checking a flow: every rule at once, each error with the JSON path it is about. This file
//! runs the rules in order and holds those of the flow's header, its ids, its references and
//! its outcomes; the rest are by concern beside it (`fields.rs`, `conditions.rs`, `texts.rs`,
//! `graph.rs`). A flow that passes becomes a [`ValidFlow`], the index the session reads.

mod conditions;
mod fields;
mod graph;
mod texts;

use std::collections::HashMap;

use super::config::PLACEHOLDERS;
use super::error::FlowError;
use super::model::{Flow, Line, Node, OutcomeKind, FORMAT_VERSION};
use super::template;
use super::translation;
use super::valid::ValidFlow;

use super::load;
use super::model::Condition;

impl ValidFlow {
    /// Parses and validates flow JSON.
    pub fn from_json(text: &str) -> Result<ValidFlow, Vec<FlowError>> {
        validate(load::parse(text)?)
    }

    /// Reads a flow with its translation into another language put in (see
    /// `flow::translation`). A translation that leaves a text untranslated is refused, so
    /// that no screen mixes two languages; `flowcheck check` lists each such text.
    pub fn translated(text: &str, overlay: &str) -> Result<ValidFlow, Vec<FlowError>> {
        let (flow, applied) = translation::translated(text, overlay)?;
        let mut missing = applied.missing();
        if let Some(first) = missing.next() {
            let more = missing.count();
            let message = match more {
                0 => "this text has no translation".to_owned(),
                _ => format!("this text and {more} more have no translation"),
            };
            return Err(vec![FlowError::new(first, message)]);
        }
        validate(flow)
    }

    /// The nodes a node can lead to, in file order, without repeats.
    pub fn successors(&self, index: usize) -> Vec<usize> {
        super::valid::successors(self.flow(), self.node_indexes(), index)
    }

    /// What is wrong with a condition written outside the flow (a test file's rule), by the
    /// same rules as the flow's own conditions.
    pub fn condition_problems(&self, cond: &Condition) -> Vec<String> {
        let flags = conditions::flags_set(self.flow());
        conditions::condition_problems(
            self.flow(),
            cond,
            self.node_indexes(),
            self.field_indexes(),
            &flags,
        )
    }
}

/// Checks a parsed flow against every rule, and returns all the errors found.
pub fn validate(flow: Flow) -> Result<ValidFlow, Vec<FlowError>> {
    let mut v = Validator {
        flow: &flow,
        errors: Vec::new(),
    };
    v.header();
    let index = v.ids();
    let field_index = v.fields(&index);
    v.references(&index);
    v.conditions(&index, &field_index);
    v.texts(&index, &field_index);
    v.outcomes(&index);
    v.graph(&index);
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    // Every rule passed, so the session can walk it: the index is made as the widget makes it
    // for a flow that was checked elsewhere.
    ValidFlow::index(flow).ok_or_else(|| {
        vec![FlowError::new(
            "",
            "the flow passed every check but cannot be walked: please report this as a bug",
        )]
    })
}

/// The rules' state: the flow under check and every error found so far (a rule never stops
/// at the first, so an author sees them all at once).
struct Validator<'a> {
    flow: &'a Flow,
    errors: Vec<FlowError>,
}

/// The JSON path of a node's key, such as `nodes[3].options[1].label`.
fn at(node: usize, rest: &str) -> String {
    if rest.is_empty() {
        format!("nodes[{node}]")
    } else {
        format!("nodes[{node}].{rest}")
    }
}

impl<'a> Validator<'a> {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FlowError::new(path, message));
    }

    fn header(&mut self) {
        let flow = self.flow;
        if !(1..=FORMAT_VERSION).contains(&flow.format) {
            self.error(
                "format",
                format!(
                    "this build reads formats 1 to {FORMAT_VERSION}, not {}",
                    flow.format
                ),
            );
        }
        let id_ok = !flow.id.is_empty()
            && flow.id.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if !id_ok {
            self.error(
                "id",
                format!(
                    "`{}` is not a flow id: use lowercase letters, digits and single hyphens",
                    flow.id
                ),
            );
        }
        let tag_ok = flow.language.split('-').enumerate().all(|(i, part)| {
            let len_ok = if i == 0 {
                (2..=3).contains(&part.len())
            } else {
                (2..=8).contains(&part.len())
            };
            len_ok && part.chars().all(|c| c.is_ascii_alphanumeric())
        });
        if !tag_ok {
            self.error(
                "language",
                format!(
                    "`{}` is not a language tag such as `en` or `en-GB`",
                    flow.language
                ),
            );
        }
        if flow.nodes.is_empty() {
            self.error("nodes", "the flow has no nodes");
        }
    }

    /// Node ids: well formed and unique. Returns the index of the first node with each id.
    fn ids(&mut self) -> HashMap<String, usize> {
        let mut index = HashMap::new();
        for (i, node) in self.flow.nodes.iter().enumerate() {
            let id = node.id();
            if !template::is_name(id) {
                self.error(
                    at(i, "id"),
                    format!("`{id}` is not a node id: use lowercase letters, digits, `-` and `_`"),
                );
            }
            if let Some(&first) = index.get(id) {
                self.error(
                    at(i, "id"),
                    format!("the id `{id}` is already used by nodes[{first}]"),
                );
            } else {
                index.insert(id.to_owned(), i);
            }
            if PLACEHOLDERS.contains(&id) {
                self.error(
                    at(i, "id"),
                    format!("`{id}` is reserved for the page's settings; choose another id"),
                );
            }
        }
        if !index.contains_key(&self.flow.start) {
            self.error("start", format!("no node has the id `{}`", self.flow.start));
        }
        index
    }

    fn references(&mut self, index: &HashMap<String, usize>) {
        for (i, node) in self.flow.nodes.iter().enumerate() {
            for (edge, target) in node.targets() {
                if !index.contains_key(target) {
                    self.error(
                        at(i, &edge.to_string()),
                        format!("no node has the id `{target}`"),
                    );
                }
            }
        }
    }

    fn outcomes(&mut self, index: &HashMap<String, usize>) {
        for (i, node) in self.flow.nodes.iter().enumerate() {
            let Node::Outcome(o) = node else { continue };
            if o.kind == OutcomeKind::ContactHelpdesk && o.email.is_none() {
                self.error(
                    at(i, "email"),
                    "a `contact_helpdesk` outcome needs an `email`",
                );
            }
            if o.kind.is_contact() && o.phone.is_none() {
                self.error(
                    at(i, "phone"),
                    format!("a `{}` outcome needs a `phone` script", o.kind.as_str()),
                );
            }
            if let Some(e) = &o.email {
                if e.body.is_empty() {
                    self.error(at(i, "email.body"), "the email has no body");
                }
            }
            if let Some(p) = &o.phone {
                if p.lines.is_empty() {
                    self.error(at(i, "phone.lines"), "the phone script has no lines");
                }
            }
            if let Some(to) = &o.not_fixed {
                let target = index.get(to).map(|&t| &self.flow.nodes[t]);
                if o.kind != OutcomeKind::SelfFix {
                    self.error(
                        at(i, "not_fixed"),
                        "only a `self_fix` outcome asks \"Did this fix it?\"",
                    );
                } else if let Some(Node::Outcome(t)) = target {
                    if !t.kind.is_contact() {
                        self.error(
                            at(i, "not_fixed"),
                            format!("`{to}` is a `{}` outcome; \"No\" must lead on to IT: a `contact_helpdesk` or `call_vendor` outcome, or a node on the way to one", t.kind.as_str()),
                        );
                    }
                }
            }
        }
    }
}

/// The line lists of an outcome with their JSON keys: steps, then what goes to someone else.
pub(crate) fn outcome_lines(o: &super::model::Outcome) -> Vec<(&'static str, &[Line])> {
    let mut lists: Vec<(&'static str, &[Line])> = vec![("steps", &o.steps)];
    if let Some(e) = &o.email {
        lists.push(("email.body", &e.body));
    }
    if let Some(p) = &o.phone {
        lists.push(("phone.prepare", &p.prepare));
        lists.push(("phone.lines", &p.lines));
    }
    lists
}
