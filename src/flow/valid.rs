//! The runtime index of a flow that passed validation: nodes and fields by id, compiled
//! patterns, and the longest way on from each node. The session asks it everything it needs
//! about the flow in constant time; the rules that earn a flow one are in [`super::validate`], which also reads flows into one
//! (`ValidFlow::from_json`), so this file imports none of them.

use std::collections::HashMap;

use super::model::{Flow, Node};
use super::pattern::Pattern;

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

    /// Node ids to indexes, for the rules that judge conditions and routes (validate/).
    pub(in crate::flow) fn node_indexes(&self) -> &HashMap<String, usize> {
        &self.index
    }

    /// Field ids to their slot, for the rules that judge conditions (validate/).
    pub(in crate::flow) fn field_indexes(&self) -> &HashMap<String, usize> {
        &self.field_index
    }
}
