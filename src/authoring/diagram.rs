//! A flow as a diagram, for web teams reviewing their own flows: Mermaid or Graphviz dot.
//! Questions are boxes, info screens rounded, fields forms parallelograms, outcomes stadiums
//! (Mermaid) or double octagons (dot); each edge is labelled with its option or condition.

use std::collections::HashMap;

use crate::flow::model::{Condition, Flow, Node, OutcomeKind};

/// The diagram languages (`flowcheck graph --format`); not to be confused with a field's
/// [`Format`](crate::flow::model::Format).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notation {
    /// Mermaid `flowchart TD`.
    Mermaid,
    /// Graphviz `digraph`.
    Dot,
}

/// Draws the flow: any flow the reader takes, even one that breaks the rules (the studio
/// draws what its author is typing). Nodes that no way from the start reaches say so, and
/// links to nodes that do not exist are left out.
pub fn draw(flow: &Flow, notation: Notation) -> String {
    let nodes = &flow.nodes;
    let index: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .rev()
        .collect();
    let edges: Vec<Vec<(String, usize)>> = nodes
        .iter()
        .map(|node| {
            links(node)
                .into_iter()
                .filter_map(|(label, target)| Some((label, *index.get(target)?)))
                .collect()
        })
        .collect();
    let mut reached = vec![false; nodes.len()];
    let mut queue: Vec<usize> = index
        .get(flow.start.as_str())
        .copied()
        .into_iter()
        .collect();
    while let Some(i) = queue.pop() {
        if !std::mem::replace(&mut reached[i], true) {
            queue.extend(edges[i].iter().map(|(_, t)| *t));
        }
    }
    let mut out = match notation {
        Notation::Mermaid => String::from("flowchart TD\n"),
        Notation::Dot => format!(
            "digraph \"{}\" {{\n  rankdir=TB;\n  node [fontname=\"sans-serif\"];\n",
            dot_text(&flow.id)
        ),
    };
    for (i, node) in nodes.iter().enumerate() {
        let mut label = format!("{}: {}", node.id(), node.heading());
        if !reached[i] {
            label.push_str(UNREACHED);
        }
        out.push_str(&match notation {
            Notation::Mermaid => {
                let l = mermaid_text(&label);
                match node {
                    Node::Question(_) => format!("  n{i}[\"{l}\"]\n"),
                    Node::Fields(_) => format!("  n{i}[/\"{l}\"/]\n"),
                    Node::Info(_) => format!("  n{i}(\"{l}\")\n"),
                    Node::Outcome(o) => format!("  n{i}([\"{l}\"]):::{}\n", o.kind.as_str()),
                }
            }
            Notation::Dot => {
                let shape = match node {
                    Node::Question(_) => "box",
                    Node::Fields(_) => "parallelogram",
                    Node::Info(_) => "box, style=rounded",
                    Node::Outcome(_) => "doubleoctagon",
                };
                let colour = if reached[i] {
                    ""
                } else {
                    ", color=\"#b42318\""
                };
                format!(
                    "  n{i} [shape={shape}{colour}, label=\"{}\"];\n",
                    dot_text(&label)
                )
            }
        });
    }
    for (i, links) in edges.iter().enumerate() {
        for (label, t) in links {
            out.push_str(&match notation {
                Notation::Mermaid => format!("  n{i} -->|\"{}\"| n{t}\n", mermaid_text(label)),
                Notation::Dot => format!("  n{i} -> n{t} [label=\"{}\"];\n", dot_text(label)),
            });
        }
    }
    match notation {
        Notation::Mermaid => {
            for kind in OutcomeKind::ALL {
                out.push_str(&format!(
                    "  classDef {} {}\n",
                    kind.as_str(),
                    mermaid_style(kind)
                ));
            }
            let unreached: Vec<String> = (0..nodes.len())
                .filter(|&i| !reached[i])
                .map(|i| format!("n{i}"))
                .collect();
            if !unreached.is_empty() {
                out.push_str(
                    "  classDef unreached stroke:#b42318,stroke-width:3px,stroke-dasharray:6 4\n",
                );
                out.push_str(&format!("  class {} unreached\n", unreached.join(",")));
            }
        }
        Notation::Dot => out.push_str("}\n"),
    }
    out
}

/// What the label of a node no way reaches ends with.
pub const UNREACHED: &str = " (no way from the start reaches it)";

/// A node's links: the label of each and the id it leads to, routes first, as the session
/// tries them.
fn links(node: &Node) -> Vec<(String, &str)> {
    let mut edges: Vec<(String, &str)> = node
        .routes()
        .iter()
        .map(|r| (format!("if {}", condition(&r.when)), r.to.as_str()))
        .collect();
    match node {
        Node::Question(q) => {
            for o in &q.options {
                edges.extend(o.routes.iter().map(|r| {
                    (
                        format!("{}, if {}", o.label, condition(&r.when)),
                        r.to.as_str(),
                    )
                }));
                edges.push((o.label.clone(), o.next.as_str()));
            }
        }
        Node::Fields(f) => edges.push((String::from("otherwise"), f.next.as_str())),
        Node::Info(n) => edges.push((String::from("continue"), n.next.as_str())),
        Node::Outcome(_) => {}
    }
    edges
}

/// A condition in words, for edge labels and path listings.
pub fn condition(c: &Condition) -> String {
    let values = || {
        c.is.iter()
            .chain(c.any_of.iter().flatten())
            .cloned()
            .collect::<Vec<_>>()
            .join(" or ")
    };
    match (&c.flag, &c.answer, &c.field) {
        (Some(flag), _, _) => format!("flag {flag}"),
        (_, Some(answer), _) => format!("{answer} = {}", values()),
        (_, _, Some(field)) if c.is.is_none() && c.any_of.is_none() => format!("{field} given"),
        (_, _, Some(field)) => format!("{field} = {}", values()),
        _ => String::from("?"),
    }
}

fn mermaid_text(text: &str) -> String {
    text.replace('"', "#quot;")
}

fn dot_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The colours of an outcome kind in a Mermaid diagram: green for fixed, amber for the helpdesk,
/// red for a vendor, grey for not supported.
fn mermaid_style(kind: OutcomeKind) -> &'static str {
    match kind {
        OutcomeKind::SelfFix => "fill:#d1fadf,stroke:#067647",
        OutcomeKind::ContactHelpdesk => "fill:#fef0c7,stroke:#b54708",
        OutcomeKind::CallVendor => "fill:#fee4e2,stroke:#b42318",
        OutcomeKind::NotSupported => "fill:#eaecf0,stroke:#475467",
    }
}
