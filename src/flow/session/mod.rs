//! One person's walk through a flow: the path taken, the answers given, where they are now.
//!
//! Every method takes any input at any time: an answer that does not fit the current screen is
//! refused with a reason, a `back` on the start screen does nothing. Nothing here panics.
//!
//! This file is the walk itself: answering, routing, Back and Change, and what the path says
//! (flags, conditions, the summary). Beside it: `answers.rs` (what a person gives and what is
//! remembered per node), `code.rs` (the path code, recorded as the walk goes), `text.rs` (filling
//! the flow's texts with the answers, and the reference) and `snapshot.rs` (keeping a session
//! across a reload). The children take nothing from this file but the `Session` they add
//! methods to, so no import runs in a loop.

mod answers;
mod code;
mod snapshot;
mod text;

use std::collections::HashMap;
use std::rc::Rc;

use super::fields::{self, FieldProblem};
use super::model::{Condition, Line, Node};
use super::valid::ValidFlow;
pub use answers::Answer;
use answers::AnswersByNode;
use code::Code;

/// The screen a person is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Before the first question.
    Start,
    /// A question, fields or info node, by index.
    Node(usize),
    /// "Check your answers" before a contact outcome (by index) is shown.
    Review(usize),
    /// An outcome, by index.
    Outcome(usize),
}

/// Why an answer was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The current screen takes no answer (start, review, outcome), or not this kind.
    NotExpected,
    /// A question was answered with no option, or an option it does not have.
    NoChoice,
    /// Some fields were not accepted: (field index, problem). The values are kept.
    Fields(Vec<(usize, FieldProblem)>),
}

/// A row of "Check your answers".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The node to change.
    pub node: usize,
    /// The question's label, or the field's.
    pub label: String,
    /// The answer as given; empty for an optional field left empty.
    pub value: String,
}

/// One person's walk through a flow.
#[derive(Debug, Clone)]
pub struct Session {
    flow: Rc<ValidFlow>,
    started: bool,
    /// Nodes visited, first to current. Never empty once started.
    path: Vec<usize>,
    /// What each node of the path but the last adds to the path code, recorded as the node is
    /// left: the routes taken are known then, and need not be judged again.
    codes: Vec<Code>,
    /// How many answers on the path set each flag. Kept up to date as the path and its
    /// answers change, so that a flag route is judged in constant time rather than by going
    /// through the path. (The same map type as the flow's index, so it adds no code.)
    flags: HashMap<String, usize>,
    /// Answers by node, kept after Back so that a screen shows what was chosen before.
    answers: AnswersByNode,
    /// The outcome was shown after "Check your answers" was confirmed.
    confirmed: bool,
    /// Set by `change` until an outcome is reached: skip forward through answers that still
    /// apply.
    changing: bool,
    /// Set by `change` until the question being changed is answered: what to return to if the
    /// person goes Back instead. Once it is answered, that path no longer fits the answers.
    before_change: Option<BeforeChange>,
}

/// The state `change` left, to cancel the change.
#[derive(Debug, Clone)]
struct BeforeChange {
    path: Vec<usize>,
    codes: Vec<Code>,
    /// The changed node's answer then: refused values typed since replace it, and the old path
    /// only fits the old answer.
    answer: Option<(Answer, Vec<Result<String, FieldProblem>>)>,
}

impl Session {
    /// A new session on the start screen.
    pub fn new(flow: Rc<ValidFlow>) -> Self {
        Session {
            flow,
            started: false,
            path: Vec::new(),
            codes: Vec::new(),
            flags: HashMap::new(),
            answers: AnswersByNode::default(),
            confirmed: false,
            changing: false,
            before_change: None,
        }
    }

    /// The flow being walked.
    pub fn flow(&self) -> &ValidFlow {
        &self.flow
    }

    /// The shared flow, for building another session on it.
    pub fn flow_rc(&self) -> Rc<ValidFlow> {
        Rc::clone(&self.flow)
    }

    /// The screen the person is on.
    pub fn screen(&self) -> Screen {
        match self.path.last() {
            Some(&node) if self.started => match self.flow.node(node) {
                Node::Outcome(o) if o.kind.is_contact() && !self.confirmed => Screen::Review(node),
                Node::Outcome(_) => Screen::Outcome(node),
                _ => Screen::Node(node),
            },
            _ => Screen::Start,
        }
    }

    /// The nodes visited so far, first to current.
    pub fn path(&self) -> &[usize] {
        &self.path
    }

    /// The answer remembered for a node, if any (also after going Back from it).
    pub fn answer_for(&self, node: usize) -> Option<&Answer> {
        self.answers.get(node)
    }

    /// Replaces the path (and its codes), counting its nodes and flags again.
    fn set_path(&mut self, path: Vec<usize>, codes: Vec<Code>) {
        self.path = path;
        self.codes = codes;
        self.flags.clear();
        for node in self.path.clone() {
            self.count_flags(node, true);
        }
    }

    /// Adds a node to the path, with the code of the node it was reached from.
    fn push(&mut self, node: usize, code: Code) {
        if !self.path.is_empty() {
            self.codes.push(code);
        }
        self.path.push(node);
        self.count_flags(node, true);
    }

    /// Takes the last node off the path.
    fn pop(&mut self) {
        if let Some(node) = self.path.pop() {
            self.codes.pop();
            self.count_flags(node, false);
        }
    }

    /// Records the answer at a node, checking its values.
    fn set_answer(&mut self, node: usize, answer: Answer) {
        let checked = self.checked(node, &answer);
        self.record(node, answer, checked);
    }

    /// Each field's value as `fields::check` judges it, for an answer to a fields node.
    fn checked(&self, node: usize, answer: &Answer) -> Vec<Result<String, FieldProblem>> {
        match (self.flow.node(node), answer) {
            (Node::Fields(f), Answer::Values(values)) => self.check_values(f, values),
            _ => Vec::new(),
        }
    }

    /// Records an answer and its checked values: its flags count while the node is on the
    /// path, and the values are kept, so that a pattern runs once per answer rather than each
    /// time a route, a placeholder or the withheld list needs a value.
    fn record(&mut self, node: usize, answer: Answer, checked: Vec<Result<String, FieldProblem>>) {
        let on_path = self.on_path(node);
        if on_path {
            self.count_flags(node, false);
        }
        self.answers.insert(node, answer, checked);
        if on_path {
            self.count_flags(node, true);
        }
    }

    /// Counts (or stops counting) the flags set by the answer at a node.
    fn count_flags(&mut self, node: usize, add: bool) {
        let flow = Rc::clone(&self.flow);
        let (Node::Question(q), Some(Answer::Choice(c))) =
            (flow.node(node), self.answers.get(node))
        else {
            return;
        };
        for flag in q.options.get(*c).map_or(&[][..], |o| &o.set[..]) {
            if add {
                *self.flags.entry(flag.clone()).or_default() += 1;
            } else if let Some(count) = self.flags.get_mut(flag) {
                *count -= 1;
                if *count == 0 {
                    self.flags.remove(flag);
                }
            }
        }
    }

    fn check_values(
        &self,
        f: &super::model::Fields,
        values: &[String],
    ) -> Vec<Result<String, FieldProblem>> {
        f.fields
            .iter()
            .enumerate()
            .map(|(k, field)| {
                let raw = values.get(k).map(String::as_str).unwrap_or("");
                fields::check(field, self.flow.pattern(&field.id), raw)
            })
            .collect()
    }

    /// Leaves the start screen for the first node.
    pub fn start(&mut self) {
        if !self.started {
            self.started = true;
            self.set_path(vec![self.flow.start()], Vec::new());
        }
    }

    /// Answers the current node and moves on. On a refusal the session stays on the node; typed
    /// values are kept so that nothing the person wrote is lost.
    pub fn answer(&mut self, answer: Answer) -> Result<(), Refusal> {
        let Screen::Node(node) = self.screen() else {
            return Err(Refusal::NotExpected);
        };
        let checked = self.checked(node, &answer);
        if let Err(refusal) = self.accepts(node, &answer, &checked) {
            // Typed values are kept so that nothing written is lost, but only on a form: given
            // to a question or an info screen they would become its answer, one that
            // `snapshot` cannot write and `restore` cannot read back.
            if matches!(
                (self.flow.node(node), &answer),
                (Node::Fields(_), Answer::Values(_))
            ) {
                self.record(node, answer, checked);
            }
            return Err(refusal);
        }
        self.record(node, answer, checked);
        self.before_change = None;
        self.advance(node);
        // After a change, skip forward through the screens whose answers still apply.
        while self.changing {
            let Screen::Node(next) = self.screen() else {
                break;
            };
            match self.answers.get(next) {
                Some(a) if self.accepts(next, a, self.answers.checked(next)).is_ok() => {
                    self.advance(next)
                }
                _ => break,
            }
        }
        Ok(())
    }

    /// Goes one screen back. Returns false when there is nowhere to go.
    pub fn back(&mut self) -> bool {
        match self.screen() {
            Screen::Start => return false,
            Screen::Outcome(node) if self.flow.node_kind_is_contact(node) => self.confirmed = false,
            _ => match self.before_change.take() {
                // Back from the question being changed, before answering it, cancels the change.
                Some(before) => {
                    self.changing = false;
                    if let (Some(&node), Some((answer, checked))) =
                        (self.path.last(), before.answer)
                    {
                        self.record(node, answer, checked);
                    }
                    self.set_path(before.path, before.codes)
                }
                None if self.path.len() > 1 => self.pop(),
                None => {
                    self.started = false;
                    self.set_path(Vec::new(), Vec::new());
                }
            },
        }
        true
    }

    /// Goes back to an earlier node of the path to change its answer (a Change link on
    /// "Check your answers"). After it is answered again, screens whose answers still apply
    /// are skipped and the person returns to "Check your answers".
    pub fn change(&mut self, node: usize) -> bool {
        let Some(pos) = self.path.iter().position(|&n| n == node) else {
            return false;
        };
        if pos + 1 == self.path.len() {
            return false;
        }
        self.changing = true;
        self.before_change = Some(BeforeChange {
            path: self.path.clone(),
            codes: self.codes.clone(),
            answer: self
                .answers
                .entry(node)
                .map(|(_, a, c)| (a.clone(), c.clone())),
        });
        while self.path.len() > pos + 1 {
            self.pop();
        }
        self.confirmed = false;
        true
    }

    /// "No" to "Did this fix it?" on a self-fix outcome: on to the node its flow names
    /// (`not_fixed`: a contact outcome, reached through "Check your answers", or a node on the
    /// way to one), with every answer kept. The path code marks it with `n`. False when the
    /// screen is not such an outcome.
    pub fn not_fixed(&mut self) -> bool {
        let Screen::Outcome(node) = self.screen() else {
            return false;
        };
        let Node::Outcome(outcome) = self.flow.node(node) else {
            return false;
        };
        let Some(next) = outcome
            .not_fixed
            .as_deref()
            .and_then(|id| self.flow.index_of(id))
        else {
            return false;
        };
        let mut code = Code::default();
        code.push('n');
        self.push(next, code);
        true
    }

    /// Whether the person answered No to "Did this fix it?" at an outcome: the path goes on
    /// past it, which only "No" does.
    fn said_not_fixed(&self, outcome: usize) -> bool {
        self.path
            .split_last()
            .is_some_and(|(_, before)| before.contains(&outcome))
    }

    /// Confirms "Check your answers" and shows the outcome.
    pub fn confirm(&mut self) -> bool {
        let review = matches!(self.screen(), Screen::Review(_));
        self.confirmed |= review;
        review
    }

    /// Forgets everything and returns to the start screen.
    pub fn restart(&mut self) {
        *self = Session::new(Rc::clone(&self.flow));
    }

    /// "Step N of at most M" for the current node: N counts the screens so far, M adds the
    /// longest way still possible, so while going forward M never grows and N/M never falls.
    pub fn progress(&self) -> Option<(usize, usize)> {
        let Screen::Node(node) = self.screen() else {
            return None;
        };
        let done = self.path.len() - 1;
        Some((done + 1, done + self.flow.longest_from(node)))
    }

    /// Flags set by the options chosen on the path (a flag set twice is listed twice).
    pub fn flags(&self) -> Vec<&str> {
        self.path_answers()
            .filter_map(|(node, answer)| match (self.flow.node(node), answer) {
                (Node::Question(q), Answer::Choice(c)) => q.options.get(*c),
                _ => None,
            })
            .flat_map(|option| option.set.iter().map(String::as_str))
            .collect()
    }

    /// The accepted value of a field on the path: trimmed, normalised by its pattern; empty
    /// when not given.
    pub fn field_value(&self, field_id: &str) -> Option<String> {
        let (node, k) = self.flow.field_at(field_id)?;
        if !self.on_path(node) {
            return None;
        }
        let Some(Answer::Values(values)) = self.answers.get(node) else {
            return None;
        };
        values.get(k)?;
        self.answers.checked(node).get(k)?.clone().ok()
    }

    /// Whether what the person typed into a field on the path is kept out of every text handed
    /// over ([`fields::is_secret`]), judged on what was typed, before any check.
    fn withholds(&self, field: &super::model::Field) -> bool {
        let Some((node, k)) = self.flow.field_at(&field.id) else {
            return false;
        };
        match self.answers.get(node) {
            Some(Answer::Values(values)) if self.on_path(node) => {
                values.get(k).is_some_and(|t| fields::is_secret(field, t))
            }
            _ => false,
        }
    }

    /// The option chosen at a question on the path.
    pub fn choice(&self, question_id: &str) -> Option<&super::model::Choice> {
        let node = self.flow.index_of(question_id)?;
        match (self.flow.node(node), self.answers.get(node)) {
            (Node::Question(q), Some(Answer::Choice(c))) if self.on_path(node) => q.options.get(*c),
            _ => None,
        }
    }

    /// Whether a condition holds for what has been said on the path.
    pub fn holds(&self, cond: &Condition) -> bool {
        if let Some(flag) = &cond.flag {
            return self.flags.contains_key(flag);
        }
        if let Some(answer) = &cond.answer {
            return match self.flow.index_of(answer) {
                Some(n) if matches!(self.flow.node(n), Node::Outcome(_)) => {
                    cond.names(super::model::NOT_FIXED) && self.said_not_fixed(n)
                }
                _ => self.choice(answer).is_some_and(|o| cond.names(&o.id)),
            };
        }
        if let Some(field) = &cond.field {
            let value = self.field_value(field).unwrap_or_default();
            return if cond.is.is_none() && cond.any_of.is_none() {
                !value.is_empty()
            } else {
                cond.names(&value)
            };
        }
        false
    }

    /// Whether a line's `if`/`unless` lets it show.
    pub fn shows(&self, line: &Line) -> bool {
        match line {
            Line::Plain(_) => true,
            Line::Conditional(c) => {
                c.when.as_ref().is_none_or(|w| self.holds(w))
                    && !c.unless.as_ref().is_some_and(|u| self.holds(u))
            }
        }
    }

    /// Free-text values on the path that look like a password or a one-time code, by field id.
    /// They are never put into an email or a script.
    pub fn withheld(&self) -> Vec<&str> {
        self.path_answers()
            .filter_map(|(node, _)| match self.flow.node(node) {
                Node::Fields(f) => Some(f.fields.iter()),
                _ => None,
            })
            .flatten()
            .filter(|field| self.withholds(field))
            .map(|field| field.id.as_str())
            .collect()
    }

    /// "Check your answers": one row per question and per field on the path.
    pub fn summary(&self) -> Vec<SummaryRow> {
        let mut rows = Vec::new();
        for (node, answer) in self.path_answers() {
            match (self.flow.node(node), answer) {
                (Node::Question(q), Answer::Choice(c)) => rows.push(SummaryRow {
                    node,
                    label: q.label.clone().unwrap_or_else(|| q.text.clone()),
                    value: q
                        .options
                        .get(*c)
                        .map(|o| o.label.clone())
                        .unwrap_or_default(),
                }),
                (Node::Fields(f), Answer::Values(values)) => rows.extend(
                    f.fields
                        .iter()
                        .zip(values)
                        .map(|(field, value)| SummaryRow {
                            node,
                            label: field.label.clone(),
                            value: value.trim().to_owned(),
                        }),
                ),
                _ => {}
            }
        }
        rows
    }

    /// A path has at most `limits::MAX_DEPTH` nodes, so a scan is cheap, and the widget's
    /// download carries no set type for it.
    fn on_path(&self, node: usize) -> bool {
        self.path.contains(&node)
    }

    fn path_answers(&self) -> impl Iterator<Item = (usize, &Answer)> {
        self.path
            .iter()
            .filter_map(|&n| self.answers.get(n).map(|a| (n, a)))
    }

    /// Whether an answer fits a node; `checked` are its values as [`Session::checked`] judged them.
    fn accepts(
        &self,
        node: usize,
        answer: &Answer,
        checked: &[Result<String, FieldProblem>],
    ) -> Result<(), Refusal> {
        match (self.flow.node(node), answer) {
            (Node::Question(q), Answer::Choice(c)) if *c < q.options.len() => Ok(()),
            (Node::Question(_), Answer::Choice(_)) => Err(Refusal::NoChoice),
            (Node::Fields(_), Answer::Values(_)) => {
                let problems: Vec<(usize, FieldProblem)> = checked
                    .iter()
                    .enumerate()
                    .filter_map(|(k, checked)| checked.as_ref().err().map(|p| (k, *p)))
                    .collect();
                if problems.is_empty() {
                    Ok(())
                } else {
                    Err(Refusal::Fields(problems))
                }
            }
            (Node::Info(_), Answer::Seen) => Ok(()),
            _ => Err(Refusal::NotExpected),
        }
    }

    /// Moves from an answered node to where its routes or its answer lead, and records the
    /// node's part of the path code: the option's number (1-9, then a-z), the option's route
    /// taken if it has routes, and the node's route taken if it has routes (0 for none).
    fn advance(&mut self, node: usize) {
        let flow = Rc::clone(&self.flow);
        let current = flow.node(node);
        let digit = |n: usize| char::from_digit(n as u32, 36).unwrap_or('?');
        let taken =
            |routes: &[super::model::Route]| routes.iter().position(|r| self.holds(&r.when));
        let mut code = Code::default();
        let node_route = taken(current.routes());
        let option = match (current, self.answers.get(node)) {
            (Node::Question(q), Some(Answer::Choice(c))) => {
                code.push(digit(c + 1));
                q.options.get(*c)
            }
            _ => None,
        };
        // The option's route is part of the code even when a route of the node wins.
        let option_route = option.and_then(|o| {
            if o.routes.is_empty() {
                return None;
            }
            let r = taken(&o.routes);
            code.push(r.map_or('0', |r| digit(r + 1)));
            r.map(|r| &o.routes[r])
        });
        if !current.routes().is_empty() {
            code.push(node_route.map_or('0', |r| digit(r + 1)));
        }
        let next = match (node_route, current) {
            (Some(r), _) => Some(current.routes()[r].to.as_str()),
            (None, Node::Question(_)) => {
                option.map(|o| option_route.map_or(o.next.as_str(), |r| r.to.as_str()))
            }
            (None, Node::Fields(f)) => Some(f.next.as_str()),
            (None, Node::Info(i)) => Some(i.next.as_str()),
            (None, Node::Outcome(_)) => None,
        };
        // Validation guarantees every target exists; the fallbacks only keep this panic-free.
        let Some(next) = next.and_then(|id| flow.index_of(id)) else {
            return;
        };
        self.push(next, code);
        if matches!(flow.node(next), Node::Outcome(_)) {
            self.changing = false;
            self.before_change = None;
            let path = &self.path;
            self.answers.retain(|n| path.contains(&n));
        }
    }
}

impl ValidFlow {
    fn node_kind_is_contact(&self, node: usize) -> bool {
        matches!(self.node(node), Node::Outcome(o) if o.kind.is_contact())
    }
}
