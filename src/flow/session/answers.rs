//! The answers a session remembers, by node index.

use crate::flow::fields::FieldProblem;

/// What a person gave at one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The index of the chosen option of a question.
    Choice(usize),
    /// The raw text typed into each field of a fields node, in order.
    Values(Vec<String>),
    /// An info screen was read (Continue).
    Seen,
}

/// Answers by node index, with the checked values of a fields node. A person answers a few
/// dozen screens, so a short list is small and quick (and costs the download no map type);
/// unlike a slot per node it does not grow with the flow.
#[derive(Debug, Clone, Default)]
pub(super) struct AnswersByNode(Vec<Answered>);

/// A node, its answer, and each field's value as `fields::check` judged it.
pub(super) type Answered = (usize, Answer, Vec<Result<String, FieldProblem>>);

impl AnswersByNode {
    /// The node's answer and checked values, if it was answered.
    pub(super) fn entry(&self, node: usize) -> Option<&Answered> {
        self.0.iter().find(|(n, _, _)| *n == node)
    }

    /// The node's answer, if it was answered.
    pub(super) fn get(&self, node: usize) -> Option<&Answer> {
        self.entry(node).map(|(_, a, _)| a)
    }

    /// Each field's value as `fields::check` judged it (empty for other nodes).
    pub(super) fn checked(&self, node: usize) -> &[Result<String, FieldProblem>] {
        self.entry(node).map_or(&[], |(_, _, c)| c)
    }

    /// Sets the node's answer, replacing one given before.
    pub(super) fn insert(
        &mut self,
        node: usize,
        answer: Answer,
        checked: Vec<Result<String, FieldProblem>>,
    ) {
        match self.0.iter_mut().find(|(n, _, _)| *n == node) {
            Some(slot) => *slot = (node, answer, checked),
            None => self.0.push((node, answer, checked)),
        }
    }

    /// Forgets the answers of the nodes `keep` refuses.
    pub(super) fn retain(&mut self, keep: impl Fn(usize) -> bool) {
        self.0.retain(|(n, _, _)| keep(*n));
    }
}
