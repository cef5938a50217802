//! Checks of a valid flow that only its authors need, run by `flowcheck check`: a flow that
//! passes [`validate`] works in the widget, and these find where it would still hand a
//! helpdesk a poor text. Not compiled into the widget.
//!
//! Two checks. "Did this fix it?": every self-fix outcome names where "No" leads (`not_fixed`).
//! And a placeholder in an outcome's email or phone script that nothing on some
//! way to that outcome fills, because that way never visits the question or the form that asks
//! for it. The widget then leaves it empty (or drops the line), so a helpdesk gets an email with
//! no subject or no name: the H2 finding of the December 2026 review.

use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use super::walk::{self, Step};
use crate::flow::config::PLACEHOLDERS;
use crate::flow::error::limits;
use crate::flow::model::{Condition, Line, Node, OutcomeKind, NOT_FIXED};
use crate::flow::template;
use crate::flow::validate;
use crate::flow::ValidFlow;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The flow should not ship like this; `flowcheck check` fails.
    Error,
    /// Worth a look; `flowcheck check` still passes.
    Warning,
}

/// One finding, with the JSON path it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// A JSON path such as `nodes[12].email.subject`.
    pub at: String,
    /// What is wrong, with one way through the flow that shows it.
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {kind}: {}", self.at, self.message)
    }
}

/// Every finding for a valid flow, in file order.
pub fn lint(flow: &Rc<ValidFlow>) -> Vec<Finding> {
    let mut findings = Vec::new();
    PlaceholderCoverage::new(flow).check(&mut findings);
    not_fixed_ways(flow, &mut findings);
    findings.sort_by_key(|f| node_of(&f.at));
    findings
}

/// Every self-fix outcome asks "Did this fix it?", and "No" must reach IT: a flow of format 2
/// names where it leads (`not_fixed`) on each, one that predates it is warned; and no way
/// that answers No may end at another self-fix outcome (found by walking the real session).
fn not_fixed_ways(flow: &Rc<ValidFlow>, findings: &mut Vec<Finding>) {
    let format = flow.flow().format;
    for (i, node) in flow.flow().nodes.iter().enumerate() {
        match node {
            Node::Outcome(o) if o.kind == OutcomeKind::SelfFix && o.not_fixed.is_none() => {
                findings.push(Finding {
                    severity: if format >= 2 { Severity::Error } else { Severity::Warning },
                    at: format!("nodes[{i}]"),
                    message: format!(
                        "the self-fix outcome `{}` has no `not_fixed`: when the person answers No to \"Did this fix it?\", the widget has no way on to IT; name the node it leads to{}",
                        o.id,
                        if format >= 2 { "" } else { " (format 2 requires it)" }
                    ),
                })
            }
            _ => {}
        }
    }
    let says_no = |n: &Node| matches!(n, Node::Outcome(o) if o.not_fixed.is_some());
    if !flow.flow().nodes.iter().any(says_no) {
        // No way goes on from an outcome: nothing to walk for.
        return;
    }
    let found = walk::explore(Rc::clone(flow), limits::MAX_PATHS);
    let mut reported = Vec::new();
    for way in &found.walks {
        let Some(Step::NotFixed { node: from }) = way
            .steps
            .iter()
            .rev()
            .find(|s| matches!(s, Step::NotFixed { .. }))
        else {
            continue;
        };
        let Some(end) = flow.index_of(&way.outcome) else {
            continue;
        };
        if matches!(flow.node(end), Node::Outcome(o) if o.kind.is_contact())
            || reported.contains(from)
        {
            continue;
        }
        reported.push(from.clone());
        let answers: Vec<String> = way.steps.iter().filter_map(Step::answer).collect();
        findings.push(Finding {
            severity: Severity::Error,
            at: format!("nodes[{}].not_fixed", flow.index_of(from).unwrap_or(0)),
            message: format!(
                "answering No at `{from}` can end at `{}`, a `{}` outcome, so the person never reaches IT; the way: {}",
                way.outcome,
                way.kind,
                answers.join(" › ")
            ),
        });
    }
}

/// The node a JSON path such as `nodes[12].email` is in, to list findings in file order.
fn node_of(at: &str) -> usize {
    at.strip_prefix("nodes[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The most search states the placeholder check visits in all, so a flow of 20,000 nodes built
/// to be hard still gets an answer in well under a second. Past it the check says it stopped.
const STATE_BUDGET: usize = 1_000_000;
/// The most questions and forms whose answers the search remembers, so conditions on them are
/// judged exactly; conditions on others count as "may hold".
const TRACKED_NODES: usize = 24;

/// A template line of an outcome's email or script that uses a placeholder asked somewhere.
struct Use<'a> {
    outcome: usize,
    at: String,
    subject: bool,
    line: Option<&'a Line>,
    name: &'a str,
    /// The question or form that asks for it.
    provider: usize,
}

struct PlaceholderCoverage<'a> {
    flow: &'a ValidFlow,
    /// Flags by name, as bit positions (at most 64 are tracked).
    flags: HashMap<&'a str, u32>,
    /// Questions and forms named by a condition, as positions in a state's `seen`.
    tracked: HashMap<usize, usize>,
    budget: usize,
}

/// Where a search is: a node, the flags set so far and, per tracked node, what was answered
/// there (0: not visited; for a question, 1 + the option's position; for a form, 1).
#[derive(Clone, PartialEq, Eq, Hash)]
struct State {
    node: usize,
    flags: u64,
    seen: Box<[u8]>,
}

/// Three-valued truth: what the search knows of a condition.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Truth {
    Yes,
    No,
    Maybe,
}

impl<'a> PlaceholderCoverage<'a> {
    fn new(flow: &'a ValidFlow) -> Self {
        let mut flags = HashMap::new();
        let mut tracked = HashMap::new();
        let mut track = |cond: &'a Condition| {
            if let Some(flag) = &cond.flag {
                let next = flags.len() as u32;
                if next < 64 {
                    flags.entry(flag.as_str()).or_insert(next);
                }
            }
            let node = match (&cond.answer, &cond.field) {
                (Some(question), _) => flow.index_of(question),
                (None, Some(field)) => flow.field_at(field).map(|(node, _)| node),
                _ => None,
            };
            if let Some(node) = node {
                let next = tracked.len();
                if next < TRACKED_NODES {
                    tracked.entry(node).or_insert(next);
                }
            }
        };
        for node in &flow.flow().nodes {
            node.routes().iter().for_each(|r| track(&r.when));
            match node {
                Node::Question(q) => {
                    for option in &q.options {
                        option.routes.iter().for_each(|r| track(&r.when));
                    }
                }
                Node::Outcome(o) => {
                    for (_, lines) in handoff_lines(o) {
                        for line in lines {
                            if let Line::Conditional(c) = line {
                                c.when.iter().chain(&c.unless).for_each(&mut track);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        PlaceholderCoverage {
            flow,
            flags,
            tracked,
            budget: STATE_BUDGET,
        }
    }

    fn check(mut self, findings: &mut Vec<Finding>) {
        let uses = self.uses();
        let mut providers: Vec<usize> = uses.iter().map(|u| u.provider).collect();
        providers.sort_unstable();
        providers.dedup();
        for provider in providers {
            let Some(search) = self.search(provider) else {
                findings.push(Finding {
                    severity: Severity::Warning,
                    at: String::new(),
                    message: format!(
                        "the check for placeholders left empty on some path stopped after {STATE_BUDGET} steps: the flow has too many ways through it to check them all"
                    ),
                });
                return;
            };
            for u in uses.iter().filter(|u| u.provider == provider) {
                let Some(state) = search.at_outcome(u.outcome, |s| self.shows(u.line, s)) else {
                    continue;
                };
                findings.push(self.finding(u, &self.way_to(&search, state)));
            }
        }
    }

    /// Every placeholder of an email or a script that a question or a form fills.
    fn uses(&self) -> Vec<Use<'a>> {
        let mut out = Vec::new();
        for (i, node) in self.flow.flow().nodes.iter().enumerate() {
            let Node::Outcome(o) = node else { continue };
            let mut add = |at: String, text: &'a str, line: Option<&'a Line>, subject: bool| {
                for name in template::names(text) {
                    if PLACEHOLDERS.contains(&name) {
                        continue;
                    }
                    let provider = match self.flow.field_at(name) {
                        Some((node, _)) => Some(node),
                        None => self.flow.index_of(name),
                    };
                    if let Some(provider) = provider {
                        let at = at.clone();
                        out.push(Use {
                            outcome: i,
                            at,
                            subject,
                            line,
                            name,
                            provider,
                        });
                    }
                }
            };
            if let Some(e) = &o.email {
                add(format!("nodes[{i}].email.subject"), &e.subject, None, true);
            }
            for (list, lines) in handoff_lines(o) {
                for (l, line) in lines.iter().enumerate() {
                    let rest = if matches!(line, Line::Conditional(_)) {
                        ".text"
                    } else {
                        ""
                    };
                    let at = format!("nodes[{i}].{list}[{l}]{rest}");
                    add(at, line.text(), Some(line), false);
                }
            }
        }
        out
    }

    /// A breadth-first search of every way from the start that never visits `avoid`, or `None`
    /// when the budget ran out.
    fn search(&mut self, avoid: usize) -> Option<Search> {
        let flow = self.flow;
        let start = State {
            node: flow.start(),
            flags: 0,
            seen: vec![0; self.tracked.len()].into_boxed_slice(),
        };
        let mut search = Search::default();
        if start.node == avoid {
            return Some(search);
        }
        search.add(start, None);
        let mut queue = VecDeque::from([0]);
        while let Some(id) = queue.pop_front() {
            if self.budget == 0 {
                return None;
            }
            self.budget -= 1;
            let state = search.states[id].clone();
            for (next, choice) in self.moves(&state) {
                if next.node == avoid {
                    continue;
                }
                if let Some(added) = search.add(next, Some((id, choice))) {
                    queue.push_back(added);
                }
            }
        }
        Some(search)
    }

    /// The states one answer away, each with the option chosen (0 where there is no choice).
    fn moves(&self, state: &State) -> Vec<(State, u8)> {
        let flow = self.flow;
        let node = flow.node(state.node);
        let answered = |seen: u8, flags: u64| {
            let mut next = state.clone();
            next.flags |= flags;
            if let Some(&slot) = self.tracked.get(&state.node) {
                next.seen[slot] = seen;
            }
            next
        };
        let mut out = Vec::new();
        let mut go = |from: &State, targets: Vec<&str>, choice: u8| {
            for id in targets {
                if let Some(to) = flow.index_of(id) {
                    let mut next = from.clone();
                    next.node = to;
                    out.push((next, choice));
                }
            }
        };
        match node {
            Node::Question(q) => {
                for (c, option) in q.options.iter().enumerate() {
                    let set = option
                        .set
                        .iter()
                        .filter_map(|f| self.flags.get(f.as_str()))
                        .fold(0u64, |bits, &b| bits | 1 << b);
                    let from = answered(c as u8 + 1, set);
                    let (mut targets, on) = self.routed(&q.routes, &from);
                    if on {
                        let (more, on) = self.routed(&option.routes, &from);
                        targets.extend(more);
                        if on {
                            targets.push(&option.next);
                        }
                    }
                    go(&from, targets, c as u8);
                }
            }
            Node::Fields(f) => {
                let from = answered(1, 0);
                let (mut targets, on) = self.routed(&f.routes, &from);
                if on {
                    targets.push(&f.next);
                }
                go(&from, targets, 0);
            }
            Node::Info(i) => {
                let (mut targets, on) = self.routed(&i.routes, state);
                if on {
                    targets.push(&i.next);
                }
                go(state, targets, 0);
            }
            // "No" to "Did this fix it?" takes the same answers on.
            Node::Outcome(o) => go(
                &answered(1, 0),
                o.not_fixed.iter().map(String::as_str).collect(),
                0,
            ),
        }
        out
    }

    /// Where routes may lead from a state, and whether falling through them is possible.
    fn routed<'r>(
        &self,
        routes: &'r [crate::flow::model::Route],
        state: &State,
    ) -> (Vec<&'r str>, bool) {
        let mut targets = Vec::new();
        for route in routes {
            match self.truth(&route.when, state) {
                Truth::Yes => {
                    targets.push(route.to.as_str());
                    return (targets, false);
                }
                Truth::Maybe => targets.push(route.to.as_str()),
                Truth::No => {}
            }
        }
        (targets, true)
    }

    fn truth(&self, cond: &Condition, state: &State) -> Truth {
        let flow = self.flow;
        let known = |yes: bool| if yes { Truth::Yes } else { Truth::No };
        if let Some(flag) = &cond.flag {
            return match self.flags.get(flag.as_str()) {
                Some(&bit) => known(state.flags & 1 << bit != 0),
                None => Truth::Maybe,
            };
        }
        if let Some(question) = &cond.answer {
            let Some(node) = flow.index_of(question) else {
                return Truth::No;
            };
            let Some(&slot) = self.tracked.get(&node) else {
                return Truth::Maybe;
            };
            return match (flow.node(node), state.seen[slot]) {
                (_, 0) => Truth::No,
                (Node::Question(q), c) => known(cond.names(&q.options[c as usize - 1].id)),
                // A self-fix outcome left behind was answered No.
                (_, _) => known(cond.names(NOT_FIXED)),
            };
        }
        if let Some(field) = &cond.field {
            let Some((node, k)) = flow.field_at(field) else {
                return Truth::No;
            };
            let visited = match self.tracked.get(&node) {
                Some(&slot) => state.seen[slot] != 0,
                None => return Truth::Maybe,
            };
            let Node::Fields(f) = flow.node(node) else {
                return Truth::No;
            };
            let has_value_test = cond.is.is_none() && cond.any_of.is_none();
            return match (visited, has_value_test && f.fields[k].required) {
                (false, _) => Truth::No,
                (true, true) => Truth::Yes,
                (true, false) => Truth::Maybe,
            };
        }
        Truth::No
    }

    /// Whether a line may show in a state: its `if` may hold and its `unless` may not.
    fn shows(&self, line: Option<&Line>, state: &State) -> bool {
        match line {
            Some(Line::Conditional(c)) => {
                c.when
                    .as_ref()
                    .is_none_or(|w| self.truth(w, state) != Truth::No)
                    && c.unless
                        .as_ref()
                        .is_none_or(|u| self.truth(u, state) != Truth::Yes)
            }
            _ => true,
        }
    }

    /// The answers that lead to a search state, as a person gives them, in order.
    fn way_to(&self, search: &Search, mut id: usize) -> Vec<String> {
        let mut steps = Vec::new();
        while let Some((parent, choice)) = search.parents[id] {
            match self.flow.node(search.states[parent].node) {
                Node::Question(q) => {
                    steps.push(format!("{}={}", q.id, q.options[choice as usize].id))
                }
                Node::Fields(f) => steps.push(format!("{} (filled in)", f.id)),
                Node::Outcome(o) => steps.push(format!("{}={NOT_FIXED}", o.id)),
                Node::Info(_) => {}
            }
            id = parent;
        }
        steps.reverse();
        steps
    }

    fn finding(&self, u: &Use, way: &[String]) -> Finding {
        let asked = self.flow.node(u.provider).id();
        let way = if way.is_empty() {
            "the start".to_owned()
        } else {
            way.join(" › ")
        };
        let effect = if u.subject {
            "so the subject is incomplete or empty"
        } else {
            "so it is left empty, or the line is left out"
        };
        Finding {
            severity: if u.subject {
                Severity::Error
            } else {
                Severity::Warning
            },
            at: u.at.clone(),
            message: format!(
                "`{{{}}}` is empty on some way to `{}`, {effect}: {way} never visits `{asked}`, which asks for it",
                u.name,
                self.flow.node(u.outcome).id(),
            ),
        }
    }
}

/// The states a search reached, each with how it was reached.
#[derive(Default)]
struct Search {
    states: Vec<State>,
    /// The state each was first reached from, and the option chosen there.
    parents: Vec<Option<(usize, u8)>>,
    ids: HashMap<State, usize>,
    /// State ids by node, in the order found.
    at_node: HashMap<usize, Vec<usize>>,
}

impl Search {
    fn add(&mut self, state: State, parent: Option<(usize, u8)>) -> Option<usize> {
        if self.ids.contains_key(&state) {
            return None;
        }
        let id = self.states.len();
        self.ids.insert(state.clone(), id);
        self.at_node.entry(state.node).or_default().push(id);
        self.states.push(state);
        self.parents.push(parent);
        Some(id)
    }

    /// The first state found at an outcome that passes `keep`.
    fn at_outcome(&self, outcome: usize, keep: impl Fn(&State) -> bool) -> Option<usize> {
        self.at_node
            .get(&outcome)?
            .iter()
            .copied()
            .find(|&id| keep(&self.states[id]))
    }
}

/// The line lists of an outcome that go to someone else (email and script), with their JSON keys.
fn handoff_lines(o: &crate::flow::model::Outcome) -> Vec<(&'static str, &[Line])> {
    let mut lists = validate::outcome_lines(o);
    lists.retain(|(key, _)| *key != "steps");
    lists
}
