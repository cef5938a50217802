//! The rules for options and fields: ids, how many, patterns (within the flow's compile
//! budget), examples and lengths. What passes becomes the index of fields by id.

use std::collections::HashMap;

use super::texts::control_problem;
use super::{at, Validator};
use crate::flow::config::PLACEHOLDERS;
use crate::flow::error::limits;
use crate::flow::fields;
use crate::flow::model::{Format, Node};
use crate::flow::pattern::Pattern;
use crate::flow::template;

impl Validator<'_> {
    /// Options and fields: ids, counts, patterns. Returns the node of each field id.
    pub(super) fn fields(&mut self, index: &HashMap<String, usize>) -> HashMap<String, usize> {
        let mut field_index: HashMap<String, usize> = HashMap::new();
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
                        } else if let Some(&n) = field_index.get(&field.id) {
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
                            field_index.insert(field.id.clone(), i);
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
        field_index
    }
}
