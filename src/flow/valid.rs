//! The runtime index of a flow that passed validation: nodes and fields by id, compiled
//! patterns, and the longest way on from each node. The session asks it everything it needs
//! about the flow in constant time; the rules that earn a flow one are in [`super::validate`].

use std::collections::HashMap;

use super::error::FlowError;
use super::model::{Condition, Flow, Node};
use super::pattern::Pattern;
use super::{load, validate};

/// A flow that passed every check. Only [`validate`](super::validate::validate) makes one, so
/// the session can rely on it: every reference resolves, every pattern compiles, there are no
/// cycles, every node leads to an outcome.
#[derive(Debug)]
pub struct ValidFlow {
    flow: Flow,
    index: HashMap<String, usize>,
    /// Field ids to their place in `fields`.
    field_index: HashMap<String, usize>,
    fields: Vec<FieldSlot>,
    longest: Vec<usize>,
}

/// Where a field lives, and its compiled pattern.
#[derive(Debug)]
pub(super) struct FieldSlot {
    /// The fields node, by index.
    pub(super) node: usize,
    /// The field's place in the node.
    pub(super) field: usize,
    /// The compiled pattern of a `pattern` field.
    pub(super) pattern: Option<Pattern>,
}

impl ValidFlow {
    /// The index of a flow whose every rule passed; only `validate` calls this, with what its
    /// rules found on the way (the ids, the fields and their patterns, the longest paths).
    pub(super) fn new(
        flow: Flow,
        index: HashMap<String, usize>,
        field_index: HashMap<String, usize>,
        fields: Vec<FieldSlot>,
        longest: Vec<usize>,
    ) -> ValidFlow {
        ValidFlow {
            flow,
            index,
            field_index,
            fields,
            longest,
        }
    }

    /// Parses and validates flow JSON.
    pub fn from_json(text: &str) -> Result<ValidFlow, Vec<FlowError>> {
        validate::validate(load::parse(text)?)
    }

    /// The flow itself.
    pub fn flow(&self) -> &Flow {
        &self.flow
    }

    /// The node at an index.
    pub fn node(&self, index: usize) -> &Node {
        &self.flow.nodes[index]
    }

    /// The index of a node id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The index of the start node.
    pub fn start(&self) -> usize {
        self.index[&self.flow.start]
    }

    /// The compiled pattern of a `pattern` field.
    pub fn pattern(&self, field_id: &str) -> Option<&Pattern> {
        self.slot(field_id)?.pattern.as_ref()
    }

    /// Where a field lives: (node index, field index).
    pub fn field_at(&self, field_id: &str) -> Option<(usize, usize)> {
        self.slot(field_id).map(|slot| (slot.node, slot.field))
    }

    fn slot(&self, field_id: &str) -> Option<&FieldSlot> {
        Some(&self.fields[*self.field_index.get(field_id)?])
    }

    /// The most screens still to come from a node to an outcome, counting the node itself
    /// (zero for an outcome).
    pub fn longest_from(&self, index: usize) -> usize {
        self.longest[index]
    }

    /// The nodes a node can lead to, in file order, without repeats.
    pub fn successors(&self, index: usize) -> Vec<usize> {
        validate::successors(&self.flow, &self.index, index)
    }

    /// What is wrong with a condition written outside the flow (a test file's rule), by the
    /// same rules as the flow's own conditions.
    pub fn condition_problems(&self, cond: &Condition) -> Vec<String> {
        let flags = validate::flags_set(&self.flow);
        validate::condition_problems(&self.flow, cond, &self.index, &self.field_index, &flags)
    }
}
