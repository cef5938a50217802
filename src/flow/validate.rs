//! Checking a flow: every rule at once, each error with the JSON path it is about.

use std::collections::{HashMap, HashSet, VecDeque};

use super::config::{is_unseen_control, PLACEHOLDERS};
use super::error::{limits, FlowError};
use super::model::{Condition, Flow, Format, Line, Node, OutcomeKind, FORMAT_VERSION};
use super::pattern::Pattern;
use super::{fields, load, markup, template};

/// A flow that passed every check. Only [`validate`] makes one, so the session can rely on it:
/// every reference resolves, every pattern compiles, there are no cycles, every node leads to
/// an outcome.
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
struct FieldSlot {
    node: usize,
    field: usize,
    pattern: Option<Pattern>,
}

impl ValidFlow {
    /// Parses and validates flow JSON.
    pub fn from_json(text: &str) -> Result<ValidFlow, Vec<FlowError>> {
        validate(load::parse(text)?)
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
        successors(&self.flow, &self.index, index)
    }

    /// What is wrong with a condition written outside the flow (a test file's rule), by the
    /// same rules as the flow's own conditions.
    pub fn condition_problems(&self, cond: &Condition) -> Vec<String> {
        let flags = flags_set(&self.flow);
        condition_problems(&self.flow, cond, &self.index, &self.field_index, &flags)
    }
}

/// Every flag some option sets.
fn flags_set(flow: &Flow) -> HashSet<&str> {
    flow.nodes
        .iter()
        .filter_map(|n| match n {
            Node::Question(q) => Some(
                q.options
                    .iter()
                    .flat_map(|o| o.set.iter().map(String::as_str)),
            ),
            _ => None,
        })
        .flatten()
        .collect()
}

fn successors(flow: &Flow, index: &HashMap<String, usize>, node: usize) -> Vec<usize> {
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

/// Checks a parsed flow against every rule, and returns all the errors found.
pub fn validate(flow: Flow) -> Result<ValidFlow, Vec<FlowError>> {
    let mut v = Validator {
        flow: &flow,
        errors: Vec::new(),
    };
    v.header();
    let index = v.ids();
    let (field_index, fields) = v.fields(&index);
    v.references(&index);
    v.conditions(&index, &field_index);
    v.texts(&index, &field_index);
    v.outcomes();
    let longest = v.graph(&index);
    let errors = v.errors;
    match longest {
        Some(longest) if errors.is_empty() => Ok(ValidFlow {
            flow,
            index,
            field_index,
            fields,
            longest,
        }),
        _ => Err(errors),
    }
}

struct Validator<'a> {
    flow: &'a Flow,
    errors: Vec<FlowError>,
}

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
        if flow.format != FORMAT_VERSION {
            self.error(
                "format",
                format!(
                    "this build reads format {FORMAT_VERSION}, not {}",
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

    /// Options and fields: ids, counts, patterns. Returns the field index and its slots.
    fn fields(
        &mut self,
        index: &HashMap<String, usize>,
    ) -> (HashMap<String, usize>, Vec<FieldSlot>) {
        let mut field_index: HashMap<String, usize> = HashMap::new();
        let mut slots: Vec<FieldSlot> = Vec::new();
        let mut budget = limits::MAX_PATTERN_WORK;
        let mut spent = false;
        for (i, node) in self.flow.nodes.iter().enumerate() {
            match node {
                Node::Question(q) => {
                    if q.options.len() < 2 {
                        self.error(at(i, "options"), "a question needs at least two options");
                    }
                    if q.options.len() > limits::MAX_BRANCHES {
                        self.error(
                            at(i, "options"),
                            format!(
                                "a question may have at most {} options",
                                limits::MAX_BRANCHES
                            ),
                        );
                    }
                    let mut seen: Vec<&str> = Vec::new();
                    for (o, option) in q.options.iter().enumerate() {
                        if !template::is_name(&option.id) {
                            self.error(at(i, &format!("options[{o}].id")), format!("`{}` is not an option id: use lowercase letters, digits, `-` and `_`", option.id));
                        }
                        if seen.contains(&option.id.as_str()) {
                            self.error(
                                at(i, &format!("options[{o}].id")),
                                format!(
                                    "the option id `{}` is used twice in this question",
                                    option.id
                                ),
                            );
                        }
                        seen.push(&option.id);
                        if option.routes.len() > limits::MAX_BRANCHES {
                            self.error(
                                at(i, &format!("options[{o}].routes")),
                                format!(
                                    "an option may have at most {} routes",
                                    limits::MAX_BRANCHES
                                ),
                            );
                        }
                        for (s, flag) in option.set.iter().enumerate() {
                            if !template::is_name(flag) {
                                self.error(
                                    at(i, &format!("options[{o}].set[{s}]")),
                                    format!("`{flag}` is not a flag name"),
                                );
                            }
                        }
                    }
                }
                Node::Fields(f) => {
                    if f.fields.is_empty() {
                        self.error(at(i, "fields"), "a fields node needs at least one field");
                    }
                    for (k, field) in f.fields.iter().enumerate() {
                        let path = |rest: &str| at(i, &format!("fields[{k}]{rest}"));
                        let pattern = match (field.format, &field.pattern) {
                            (Format::Pattern, None) => {
                                self.error(path(".pattern"), "a `pattern` field needs a `pattern`");
                                None
                            }
                            // Once the flow's compile budget is spent, later patterns are
                            // not compiled: that is what keeps a flow of many fields quick.
                            (Format::Pattern, Some(_)) if spent => None,
                            (Format::Pattern, Some(p)) => Pattern::within(p, &mut budget)
                                .map_err(|e| {
                                    spent = budget == 0;
                                    let rest = if spent {
                                        "; the patterns after this one are not checked"
                                    } else {
                                        ""
                                    };
                                    self.error(
                                        path(".pattern"),
                                        format!("the pattern does not compile: {e}{rest}"),
                                    )
                                })
                                .ok(),
                            (_, Some(_)) => {
                                self.error(
                                    path(".pattern"),
                                    "`pattern` is only used with `\"format\": \"pattern\"`",
                                );
                                None
                            }
                            (_, None) => None,
                        };
                        let mut well_named = false;
                        if !template::is_name(&field.id) {
                            self.error(path(".id"), format!("`{}` is not a field id: use lowercase letters, digits, `-` and `_`", field.id));
                        } else if let Some(&slot) = field_index.get(&field.id) {
                            let n = slots[slot].node;
                            self.error(
                                path(".id"),
                                format!(
                                    "the field id `{}` is already used in nodes[{n}]",
                                    field.id
                                ),
                            );
                        } else if let Some(&n) = index.get(&field.id) {
                            self.error(path(".id"), format!("the field id `{}` is also the id of nodes[{n}]; field and node ids share one namespace", field.id));
                        } else if PLACEHOLDERS.contains(&field.id.as_str()) {
                            self.error(
                                path(".id"),
                                format!(
                                    "`{}` is reserved for the page's settings; choose another id",
                                    field.id
                                ),
                            );
                        } else {
                            well_named = true;
                        }
                        if field.error.is_some() && field.format != Format::Pattern {
                            self.error(
                                path(".error"),
                                "`error` is only used with `\"format\": \"pattern\"`",
                            );
                        }
                        for (key, text) in
                            [(".pattern", &field.pattern), (".example", &field.example)]
                        {
                            if let Some(problem) =
                                text.as_deref().and_then(|t| control_problem(t, false))
                            {
                                self.error(path(key), problem);
                            }
                        }
                        if let Some(example) = &field.example {
                            if field.format != Format::Pattern || pattern.is_some() {
                                if let Err(problem) =
                                    fields::check(field, pattern.as_ref(), example)
                                {
                                    self.error(path(".example"), format!("the example `{example}` is not accepted by this field: {problem}"));
                                }
                            }
                        }
                        if let Some(max) = field.max_length {
                            if max == 0 || max > limits::MAX_FIELD_LENGTH {
                                self.error(
                                    path(".max_length"),
                                    format!(
                                        "`max_length` must be from 1 to {}",
                                        limits::MAX_FIELD_LENGTH
                                    ),
                                );
                            }
                        }
                        if well_named {
                            field_index.insert(field.id.clone(), slots.len());
                            slots.push(FieldSlot {
                                node: i,
                                field: k,
                                pattern,
                            });
                        }
                    }
                }
                Node::Info(_) | Node::Outcome(_) => {}
            }
            if node.routes().len() > limits::MAX_BRANCHES {
                self.error(
                    at(i, "routes"),
                    format!("a node may have at most {} routes", limits::MAX_BRANCHES),
                );
            }
        }
        (field_index, slots)
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

    fn conditions(&mut self, index: &HashMap<String, usize>, field_index: &HashMap<String, usize>) {
        let flags = flags_set(self.flow);
        let mut found = Vec::new();
        for (i, node) in self.flow.nodes.iter().enumerate() {
            for (r, route) in node.routes().iter().enumerate() {
                found.push((at(i, &format!("routes[{r}].if")), &route.when));
            }
            if let Node::Question(q) = node {
                for (o, option) in q.options.iter().enumerate() {
                    for (r, route) in option.routes.iter().enumerate() {
                        found.push((at(i, &format!("options[{o}].routes[{r}].if")), &route.when));
                    }
                }
            }
            if let Node::Outcome(o) = node {
                for (list, lines) in outcome_lines(o) {
                    for (l, line) in lines.iter().enumerate() {
                        if let Line::Conditional(c) = line {
                            if c.when.is_none() && c.unless.is_none() {
                                self.error(at(i, &format!("{list}[{l}]")), "give the line an `if` or an `unless`, or write it as a plain string");
                            }
                            for (key, cond) in [("if", &c.when), ("unless", &c.unless)] {
                                if let Some(cond) = cond {
                                    found.push((at(i, &format!("{list}[{l}].{key}")), cond));
                                }
                            }
                        }
                    }
                }
            }
        }
        for (path, cond) in found {
            for message in condition_problems(self.flow, cond, index, field_index, &flags) {
                self.error(path.clone(), message);
            }
        }
    }

    /// Every text: not empty, placeholders known, markup well formed with allowed links only.
    fn texts(&mut self, index: &HashMap<String, usize>, field_index: &HashMap<String, usize>) {
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

    fn outcomes(&mut self) {
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
        }
    }

    /// Reachability, cycles, dead ends and depth. Returns the longest-path table when the
    /// graph is sound.
    fn graph(&mut self, index: &HashMap<String, usize>) -> Option<Vec<usize>> {
        let flow = self.flow;
        let n = flow.nodes.len();
        if n == 0 {
            return None;
        }
        let succ: Vec<Vec<usize>> = (0..n).map(|i| successors(flow, index, i)).collect();
        let is_outcome = |i: usize| matches!(flow.nodes[i], Node::Outcome(_));
        let start = index.get(&flow.start).copied();

        // Cycles, found by an iterative depth-first search (a deep flow must not overflow the
        // stack), which also yields a post-order for the longest-path table.
        let mut color = vec![0u8; n];
        let mut order = Vec::with_capacity(n);
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
                    order.push(node);
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

        if cycles > 0 {
            return None;
        }
        // Post-order visits children first, so each node's successors are already known.
        let mut longest = vec![0usize; n];
        for &node in &order {
            if !is_outcome(node) {
                longest[node] = 1 + succ[node].iter().map(|&s| longest[s]).max().unwrap_or(0);
            }
        }
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
        Some(longest)
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
pub(crate) fn control_problem(text: &str, line_breaks: bool) -> Option<String> {
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

fn condition_problems(
    flow: &Flow,
    cond: &Condition,
    index: &HashMap<String, usize>,
    field_index: &HashMap<String, usize>,
    flags: &HashSet<&str>,
) -> Vec<String> {
    let mut out = Vec::new();
    let subjects = [
        cond.flag.is_some(),
        cond.answer.is_some(),
        cond.field.is_some(),
    ];
    if subjects.iter().filter(|&&s| s).count() != 1 {
        out.push("a condition needs exactly one of `flag`, `answer` or `field`".to_owned());
        return out;
    }
    if cond.is.is_some() && cond.any_of.is_some() {
        out.push("give `is` or `in`, not both".to_owned());
    }
    let values: Vec<&str> = cond
        .is
        .iter()
        .chain(cond.any_of.iter().flatten())
        .map(String::as_str)
        .collect();
    if let Some(flag) = &cond.flag {
        if !flags.contains(flag.as_str()) {
            out.push(format!("no option sets the flag `{flag}`"));
        }
        if !values.is_empty() {
            out.push("a `flag` condition takes no `is` or `in`".to_owned());
        }
    }
    if let Some(answer) = &cond.answer {
        match index.get(answer).map(|&n| &flow.nodes[n]) {
            Some(Node::Question(q)) => {
                if values.is_empty() {
                    out.push(format!("say which option of `{answer}` with `is` or `in`"));
                }
                for v in values
                    .iter()
                    .filter(|v| !q.options.iter().any(|o| o.id == **v))
                {
                    out.push(format!("the question `{answer}` has no option `{v}`"));
                }
            }
            _ => out.push(format!("`{answer}` is not the id of a question")),
        }
    }
    if let Some(field) = &cond.field {
        if !field_index.contains_key(field) {
            out.push(format!("no field has the id `{field}`"));
        }
    }
    if let Some(problem) = values.iter().find_map(|v| control_problem(v, false)) {
        out.push(problem);
    }
    if cond.any_of.as_ref().is_some_and(Vec::is_empty) {
        out.push("`in` needs at least one value".to_owned());
    }
    out
}
