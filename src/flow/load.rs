//! Reading a flow file: JSON text to [`Flow`], with every shape error located.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::{limits, FlowError};
use super::model::{Fields, Flow, Info, Node, Outcome, Question};

const NODE_TYPES: &str = "`question`, `fields`, `info` or `outcome`";

/// Parses flow JSON. Syntax errors carry a line and column; shape errors (a missing or unknown
/// key, a wrong type) carry the JSON path. Every node is read on its own, so one bad node does
/// not hide the errors of the others.
pub fn parse(text: &str) -> Result<Flow, Vec<FlowError>> {
    if text.len() > limits::MAX_BYTES {
        return Err(vec![FlowError::new(
            "",
            format!(
                "the file is {} bytes; a flow may be at most {} bytes",
                text.len(),
                limits::MAX_BYTES
            ),
        )]);
    }
    // A valid file reads straight into the types; only a failure pays for reading node by node
    // to report every error with its path.
    if let Ok(flow) = serde_json::from_str::<Flow>(text) {
        if flow.nodes.len() <= limits::MAX_NODES {
            return Ok(flow);
        }
    }
    let mut root: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; the location goes into `at` instead.
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        vec![FlowError::new(
            format!("line {}, column {}", e.line(), e.column()),
            message,
        )]
    })?;
    let Some(object) = root.as_object_mut() else {
        return Err(vec![FlowError::new(
            "",
            "a flow file must be a JSON object",
        )]);
    };

    let raw_nodes = match object.insert("nodes".into(), Value::Array(Vec::new())) {
        Some(Value::Array(nodes)) => Some(nodes),
        Some(_) => None,
        None => {
            object.remove("nodes");
            Some(Vec::new())
        }
    };
    let mut errors = Vec::new();
    let header: Option<Flow> = typed(&root, "", &mut errors);
    let Some(raw_nodes) = raw_nodes else {
        errors.push(FlowError::new("nodes", "`nodes` must be a list of nodes"));
        return Err(errors);
    };
    if raw_nodes.len() > limits::MAX_NODES {
        errors.push(FlowError::new(
            "nodes",
            format!(
                "the flow has {} nodes; at most {} are allowed",
                raw_nodes.len(),
                limits::MAX_NODES
            ),
        ));
        return Err(errors);
    }
    let nodes: Vec<Option<Node>> = raw_nodes
        .into_iter()
        .enumerate()
        .map(|(i, value)| node(value, &format!("nodes[{i}]"), &mut errors))
        .collect();
    match header {
        Some(mut flow) if errors.is_empty() => {
            flow.nodes = nodes.into_iter().flatten().collect();
            Ok(flow)
        }
        _ => Err(errors),
    }
}

fn node(mut value: Value, at: &str, errors: &mut Vec<FlowError>) -> Option<Node> {
    let Some(object) = value.as_object_mut() else {
        errors.push(FlowError::new(at, "a node must be a JSON object"));
        return None;
    };
    let kind = match object.remove("type") {
        Some(Value::String(kind)) => kind,
        Some(_) => {
            errors.push(FlowError::new(
                format!("{at}.type"),
                format!("`type` must be {NODE_TYPES}"),
            ));
            return None;
        }
        None => {
            errors.push(FlowError::new(
                at,
                format!("the node has no `type`; give one of {NODE_TYPES}"),
            ));
            return None;
        }
    };
    match kind.as_str() {
        "question" => typed::<Question>(&value, at, errors).map(Node::Question),
        "fields" => typed::<Fields>(&value, at, errors).map(Node::Fields),
        "info" => typed::<Info>(&value, at, errors).map(Node::Info),
        "outcome" => typed::<Outcome>(&value, at, errors).map(Node::Outcome),
        other => {
            errors.push(FlowError::new(
                format!("{at}.type"),
                format!("unknown node type `{other}`; use {NODE_TYPES}"),
            ));
            None
        }
    }
}

fn typed<T: DeserializeOwned>(value: &Value, at: &str, errors: &mut Vec<FlowError>) -> Option<T> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| {
            let inner = e.path().to_string();
            let path = match (at.is_empty(), inner.as_str()) {
                (_, ".") => at.to_owned(),
                (true, inner) => inner.to_owned(),
                (false, inner) if inner.starts_with('[') => format!("{at}{inner}"),
                (false, inner) => format!("{at}.{inner}"),
            };
            errors.push(FlowError::new(path, e.into_inner().to_string()));
        })
        .ok()
}
