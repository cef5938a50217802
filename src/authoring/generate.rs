//! Generated flows of any size, for benchmarks and load tests.

use serde_json::{json, Value};

/// A valid flow of about `nodes` nodes whose longest path crosses `rows` questions. Row 0 is one
/// question; each row is up to twice as wide as the one before, and question `i` leads to
/// questions `2i` and `2i + 1` of the next row, so every node is reachable. Every question can
/// also stop at an outcome, and the last row leads into the outcomes.
pub fn layered(nodes: usize, rows: usize) -> Value {
    let rows = rows.max(1);
    let width = (nodes / (rows + 1)).max(2);
    let outcomes = width.min(500);
    let row_width = |row: usize| {
        if row >= 63 {
            width
        } else {
            width.min(1 << row)
        }
    };
    let q = |row: usize, i: usize| format!("q{row}-{i}");
    let mut list = Vec::with_capacity(nodes + outcomes);
    for row in 0..rows {
        for i in 0..row_width(row) {
            let next = |k: usize| match row + 1 == rows {
                true => format!("end{}", (2 * i + k) % outcomes),
                false => q(row + 1, (2 * i + k) % row_width(row + 1)),
            };
            list.push(json!({
                "type": "question",
                "id": q(row, i),
                "text": format!("Question {i} of row {row}?"),
                "options": [
                    { "id": "a", "label": "First answer", "next": next(0) },
                    { "id": "b", "label": "Second answer", "next": next(1), "set": ["took_b"] },
                    { "id": "c", "label": "Stop here", "next": format!("end{}", i % outcomes) }
                ]
            }));
        }
    }
    for o in 0..outcomes {
        list.push(json!({
            "type": "outcome", "id": format!("end{o}"), "kind": "contact_helpdesk", "title": format!("Outcome {o}"),
            "steps": [{ "text": "You chose the second answer at least once.", "if": { "flag": "took_b" } }],
            "email": { "subject": "Outcome {reference}", "body": ["Hello,", "", "Reference: {reference}"] },
            "phone": { "lines": ["I reached outcome {reference}."] }
        }));
    }
    json!({
        "format": 1, "id": "generated", "version": "1", "title": "Generated flow",
        "summary": "A generated flow for measuring the engine.", "language": "en",
        "start": q(0, 0), "nodes": list
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::ValidFlow;

    #[test]
    fn generated_flows_are_valid_at_every_size() {
        for (nodes, rows) in [(10, 2), (1_000, 100), (10_000, 100), (1_000, 900)] {
            let flow =
                ValidFlow::from_json(&layered(nodes, rows).to_string()).unwrap_or_else(|e| {
                    panic!("{nodes} nodes, {rows} rows: {:?}", &e[..e.len().min(3)])
                });
            assert_eq!(flow.longest_from(flow.start()), rows);
            let n = flow.flow().nodes.len();
            assert!(n >= nodes / 2 && n <= nodes * 2, "{nodes} asked, {n} made");
        }
    }
}
