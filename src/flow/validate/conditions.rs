//! The rules for conditions (of routes and of outcome lines), also used on conditions written
//! outside the flow, such as a flow test's rules.

use std::collections::{HashMap, HashSet};

use super::texts::control_problem;
use super::{at, outcome_lines, Validator};
use crate::flow::model::{Condition, Flow, Line, Node, NOT_FIXED};

impl Validator<'_> {
    /// Every condition of a route or a line, by the rules of [`condition_problems`].
    pub(super) fn conditions(
        &mut self,
        index: &HashMap<String, usize>,
        field_index: &HashMap<String, usize>,
    ) {
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
}

/// Every flag some option sets.
pub(super) fn flags_set(flow: &Flow) -> HashSet<&str> {
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

/// What is wrong with a condition: it names one subject (a flag some option sets, a question
/// and its options, or a field) and values that fit it.
pub(super) fn condition_problems(
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
            Some(Node::Outcome(o)) if o.not_fixed.is_some() => {
                if values != [NOT_FIXED] {
                    out.push(format!("`{answer}` is an outcome: the condition holds when the person answered No to \"Did this fix it?\" there, with `is: \"{NOT_FIXED}\"`"));
                }
            }
            _ => out.push(format!(
                "`{answer}` is not the id of a question, or of a self-fix outcome with `not_fixed`"
            )),
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
