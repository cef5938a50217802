//! The rules for the flow as a graph: every node reached from the start, no loops, an outcome
//! at the end of every way, and no way longer than the limit. The longest-path table it leaves
//! is what the session's "Step N of at most M" reads (made by `valid::longest_paths`).

use std::collections::{HashMap, VecDeque};

use super::{at, Validator};
use crate::flow::error::limits;
use crate::flow::model::Node;
use crate::flow::valid::{longest_paths, successors};

impl Validator<'_> {
    /// Reachability, cycles, dead ends and depth.
    pub(super) fn graph(&mut self, index: &HashMap<String, usize>) {
        let flow = self.flow;
        let n = flow.nodes.len();
        if n == 0 {
            return;
        }
        let succ: Vec<Vec<usize>> = (0..n).map(|i| successors(flow, index, i)).collect();
        let is_outcome = |i: usize| matches!(flow.nodes[i], Node::Outcome(_));
        let start = index.get(&flow.start).copied();

        // Cycles, found by an iterative depth-first search (a deep flow must not overflow the
        // stack), which names the nodes of each.
        let mut color = vec![0u8; n];
        let mut cycles = 0;
        for root in start.into_iter().chain(0..n) {
            if color[root] != 0 {
                continue;
            }
            let mut stack = vec![(root, 0usize)];
            color[root] = 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&child) = succ[node].get(*next) {
                    *next += 1;
                    match color[child] {
                        0 => {
                            color[child] = 1;
                            stack.push((child, 0));
                        }
                        1 if cycles < 5 => {
                            cycles += 1;
                            let from = stack.iter().position(|&(s, _)| s == child).unwrap_or(0);
                            let ids: Vec<&str> = stack[from..]
                                .iter()
                                .map(|&(s, _)| flow.nodes[s].id())
                                .chain([flow.nodes[child].id()])
                                .collect();
                            self.error(at(child, ""), format!("these nodes form a loop, so a person could go round forever: {}", ids.join(" → ")));
                        }
                        _ => {}
                    }
                } else {
                    color[node] = 2;
                    stack.pop();
                }
            }
        }

        if let Some(start) = start {
            let mut reached = vec![false; n];
            reached[start] = true;
            let mut queue = VecDeque::from([start]);
            while let Some(node) = queue.pop_front() {
                for &s in &succ[node] {
                    if !reached[s] {
                        reached[s] = true;
                        queue.push_back(s);
                    }
                }
            }
            for (i, _) in reached.iter().enumerate().filter(|(_, r)| !**r) {
                self.error(
                    at(i, ""),
                    format!("no path from the start reaches `{}`", flow.nodes[i].id()),
                );
            }
        }

        let mut preds = vec![Vec::new(); n];
        for (i, targets) in succ.iter().enumerate() {
            for &t in targets {
                preds[t].push(i);
            }
        }
        let mut leads_out: Vec<bool> = (0..n).map(is_outcome).collect();
        let mut queue: VecDeque<usize> = (0..n).filter(|&i| leads_out[i]).collect();
        while let Some(node) = queue.pop_front() {
            for &p in &preds[node] {
                if !leads_out[p] {
                    leads_out[p] = true;
                    queue.push_back(p);
                }
            }
        }
        if !(0..n).any(is_outcome) {
            self.error("nodes", "the flow has no outcome");
        } else {
            for (i, _) in leads_out.iter().enumerate().filter(|(_, ok)| !**ok) {
                self.error(
                    at(i, ""),
                    format!("no outcome can be reached from `{}`", flow.nodes[i].id()),
                );
            }
        }

        let Some(longest) = longest_paths(flow, &succ) else {
            return;
        };
        if let Some(start) = start {
            if longest[start] > limits::MAX_DEPTH {
                self.error(
                    "start",
                    format!(
                        "the longest path has {} screens; at most {} are allowed",
                        longest[start],
                        limits::MAX_DEPTH
                    ),
                );
            }
        }
    }
}
