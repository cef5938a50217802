//! The runtime index of a flow that passed validation: nodes and fields by id, compiled
//! patterns, and the longest way on from each node. The session asks it everything it needs
//! about the flow in constant time. The rules that earn a flow one are in [`super::validate`]
//! (`ValidFlow::from_json`), and this file imports none of them: the widget reads flows that
//! were already checked (its built-in flows by the tests, a page's own by the checker module
//! that `troubleshooter.js` loads for them), so the rules and their messages stay out of it.

use std::collections::HashMap;

use super::error::{limits, FlowError};
use super::load;
use super::model::{Flow, Format, Node};
use super::pattern::Pattern;

/// A flow that passed every check: made by [`validate`](super::validate::validate), or by
/// [`ValidFlow::from_checked_json`] for a text that did. Either way the session can rely on it:
/// every reference resolves, every pattern compiles, there are no cycles.
#[derive(Debug, PartialEq)]
pub struct ValidFlow {
    flow: Flow,
    index: HashMap<String, usize>,
    /// Field ids to their place in `fields`.
    field_index: HashMap<String, usize>,
    fields: Vec<FieldSlot>,
    longest: Vec<usize>,
}

/// Where a field lives, and its compiled pattern.
#[derive(Debug, PartialEq)]
pub(super) struct FieldSlot {
    /// The fields node, by index.
    pub(super) node: usize,
    /// The field's place in the node.
    pub(super) field: usize,
    /// The compiled pattern of a `pattern` field.
    pub(super) pattern: Option<Pattern>,
}

impl ValidFlow {
    /// Reads a flow text that the rules already passed, without running them again. A text
    /// that did not pass is refused when it is not a flow or the session could not walk it (a
    /// reference to no node, a pattern that does not compile, a loop) with one error that says
    /// to check it (a syntax error keeps its line and column), and may otherwise show what it
    /// says as it says it.
    pub fn from_checked_json(text: &str) -> Result<ValidFlow, Vec<FlowError>> {
        load::parse_checked(text)?
            .and_then(ValidFlow::index)
            .ok_or_else(|| {
                vec![FlowError::new(
                    "",
                    "cannot be read; `flowcheck check` says why",
                )]
            })
    }

    /// The index of a flow, or `None` when the session could not walk it.
    pub(super) fn index(flow: Flow) -> Option<ValidFlow> {
        let mut index = HashMap::with_capacity(flow.nodes.len());
        for (i, node) in flow.nodes.iter().enumerate() {
            index.entry(node.id().to_owned()).or_insert(i);
        }
        if !index.contains_key(&flow.start) {
            return None;
        }
        let mut field_index = HashMap::new();
        let mut fields = Vec::new();
        let mut budget = limits::MAX_PATTERN_WORK;
        for (i, node) in flow.nodes.iter().enumerate() {
            let Node::Fields(f) = node else { continue };
            for (k, field) in f.fields.iter().enumerate() {
                let pattern = match (field.format, &field.pattern) {
                    (Format::Pattern, Some(p)) => Some(Pattern::within(p, &mut budget).ok()?),
                    (Format::Pattern, None) => return None,
                    _ => None,
                };
                if field_index.contains_key(&field.id) {
                    continue;
                }
                field_index.insert(field.id.clone(), fields.len());
                fields.push(FieldSlot {
                    node: i,
                    field: k,
                    pattern,
                });
            }
        }
        let succ = successors_of(&flow, &index)?;
        let longest = longest_paths(&flow, &succ)?;
        Some(ValidFlow {
            flow,
            index,
            field_index,
            fields,
            longest,
        })
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

/// Each node's successors, or `None` when a target is no node's id.
fn successors_of(flow: &Flow, index: &HashMap<String, usize>) -> Option<Vec<Vec<usize>>> {
    let resolved = flow.nodes.iter().all(|node| {
        node.targets()
            .iter()
            .all(|(_, target)| index.contains_key(*target))
    });
    resolved.then(|| {
        (0..flow.nodes.len())
            .map(|i| successors(flow, index, i))
            .collect()
    })
}

/// The nodes a node leads to, in file order, without repeats; targets that are not ids are
/// left out (the references rule reports them).
pub(super) fn successors(flow: &Flow, index: &HashMap<String, usize>, node: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for (_, target) in flow.nodes[node].targets() {
        if let Some(&t) = index.get(target) {
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// The most screens from each node to the end of its way (zero for an outcome), or `None` when
/// some nodes form a loop. The depth-first search is iterative: a deep flow must not overflow
/// the stack.
pub(super) fn longest_paths(flow: &Flow, succ: &[Vec<usize>]) -> Option<Vec<usize>> {
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    let n = succ.len();
    let mut color = vec![NEW; n];
    let mut longest = vec![0usize; n];
    for root in 0..n {
        if color[root] != NEW {
            continue;
        }
        color[root] = OPEN;
        let mut stack = vec![(root, 0usize)];
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&child) = succ[node].get(*next) {
                *next += 1;
                match color[child] {
                    NEW => {
                        color[child] = OPEN;
                        stack.push((child, 0));
                    }
                    OPEN => return None,
                    _ => {}
                }
            } else {
                // Post-order: every successor's length is known by now.
                color[node] = 2;
                if !matches!(flow.nodes[node], Node::Outcome(_)) {
                    longest[node] = 1 + succ[node].iter().map(|&s| longest[s]).max().unwrap_or(0);
                }
                stack.pop();
            }
        }
    }
    Some(longest)
}
