//! The JSON Schemas web teams' editors use, against the readers that run: schema/flow.schema.json
//! against the flow decoder (`flow::load`, the decode stage only; validation then checks what a
//! schema cannot say, such as where routes lead), and schema/flow-tests.schema.json against the
//! test-file reader. Example files, and counter-examples written by hand or generated from the
//! schema (an unknown key in every object, each required key removed, each value swapped for
//! one of every type), go through both, which must accept and refuse alike. Where they do not
//! today, the disagreement is listed below with why; each listed one must still be found, so
//! fixing one means taking it off the list.
//!
//! There is no JSON Schema crate in the lock file, so [`Schema`] is a validator for just the
//! keywords these schemas use. It stops at any other keyword, so that a schema change cannot
//! pass unchecked.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fmt::Debug;

use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};
use troubleshooter::authoring::flowtest;
use troubleshooter::flow::error::limits;
use troubleshooter::flow::model::{Format, Node, NodeType, OutcomeKind, PhoneTarget};
use troubleshooter::flow::{load, Flow, ValidFlow};

const FLOW_SCHEMA: &str = include_str!("../schema/flow.schema.json");
const TESTS_SCHEMA: &str = include_str!("../schema/flow-tests.schema.json");

// ---------------------------------------------------------------------------------------------
// A JSON Schema (draft 7) validator for the keywords the two schemas use.

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// A path as the flow decoder writes it, such as `nodes[3].options[0].next`.
fn show(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn child(path: &[Step], step: Step) -> Vec<Step> {
    let mut out = path.to_vec();
    out.push(step);
    out
}

fn get<'a>(doc: &'a Value, path: &[Step]) -> &'a Value {
    path.iter().fold(doc, |value, step| match step {
        Step::Key(k) => &value[k.as_str()],
        Step::Index(i) => &value[*i],
    })
}

fn get_mut<'a>(doc: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(doc, |value, step| match step {
        Step::Key(k) => &mut value[k.as_str()],
        Step::Index(i) => &mut value[*i],
    })
}

/// An object or a list the schema validated: the schema's JSON pointer (such as
/// `#/definitions/Choice` or `#/definitions/Node/oneOf/2`) and where in the document it was.
#[derive(Debug, Clone)]
struct Seen {
    schema: String,
    at: Vec<Step>,
}

/// Annotations: they say nothing about validity.
const ANNOTATIONS: [&str; 4] = ["title", "description", "default", "examples"];

/// The `format`s schemars writes for Rust integers, as the ranges they name. (An editor that
/// does not know them still checks `minimum`.)
const FORMATS: [(&str, f64); 2] = [("uint32", u32::MAX as f64), ("uint", u64::MAX as f64)];

struct Schema {
    root: Value,
    /// Every subschema that describes an object, by JSON pointer.
    objects: Vec<String>,
    /// Every `examples` value, with the pointer of the subschema it is an example of.
    examples: Vec<(String, Value)>,
}

impl Schema {
    fn new(text: &str) -> Schema {
        Schema::read(text).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The schema, or why the validator cannot read it.
    fn read(text: &str) -> Result<Schema, String> {
        let root: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut schema = Schema {
            root: Value::Null,
            objects: Vec::new(),
            examples: Vec::new(),
        };
        schema.audit(&root, "#")?;
        schema.root = root;
        Ok(schema)
    }

    /// Walks the whole schema, reached or not, and refuses any keyword the validator does not
    /// know; notes the object schemas and the examples on the way.
    fn audit(&mut self, schema: &Value, pointer: &str) -> Result<(), String> {
        let keywords = schema
            .as_object()
            .ok_or_else(|| format!("{pointer}: the validator expects a schema object here"))?;
        if let Some(beside) = keywords.keys().find(|k| {
            keywords.contains_key("$ref") && *k != "$ref" && !ANNOTATIONS.contains(&k.as_str())
        }) {
            return Err(format!(
                "{pointer}: `{beside}` beside `$ref`, where draft 7 ignores it"
            ));
        }
        let is_object = keywords.contains_key("properties")
            || keywords
                .get("type")
                .is_some_and(|t| names_type(t, "object"));
        if is_object {
            self.objects.push(pointer.to_owned());
        }
        for (keyword, value) in keywords {
            let at = format!("{pointer}/{keyword}");
            match keyword.as_str() {
                "$schema"
                    if pointer == "#" && value == "http://json-schema.org/draft-07/schema#" => {}
                "$schema" => return Err(format!("{at}: the validator reads draft 7, at the top")),
                "examples" => {
                    let examples = value.as_array().ok_or(format!("{at}: not a list"))?;
                    for example in examples {
                        self.examples.push((pointer.to_owned(), example.clone()));
                    }
                }
                "title" | "description" | "default" | "$ref" | "type" | "enum" | "required"
                | "pattern" | "maxLength" | "minimum" => {}
                "format" if FORMATS.iter().any(|(name, _)| value == name) => {}
                "format" => {
                    return Err(format!(
                        "{at}: the validator does not know the format {value}"
                    ))
                }
                "definitions" | "properties" => {
                    for (name, sub) in value.as_object().ok_or(format!("{at}: not an object"))? {
                        self.audit(sub, &format!("{at}/{name}"))?;
                    }
                }
                "items" => self.audit(value, &at)?,
                "additionalProperties" if value.is_boolean() => {}
                "additionalProperties" => self.audit(value, &at)?,
                "allOf" | "anyOf" | "oneOf" => {
                    let branches = value.as_array().ok_or(format!("{at}: not a list"))?;
                    for (i, sub) in branches.iter().enumerate() {
                        self.audit(sub, &format!("{at}/{i}"))?;
                    }
                }
                other => {
                    return Err(format!(
                        "{pointer}: the test's JSON Schema validator does not know `{other}`; \
                         teach it, and add agreement cases for it, before the schema uses it"
                    ))
                }
            }
        }
        Ok(())
    }

    fn at(&self, pointer: &str) -> &Value {
        self.root
            .pointer(&pointer[1..])
            .unwrap_or_else(|| panic!("no {pointer} in the schema"))
    }

    /// Whether the document is valid, and if so the objects and lists in it, with their schemas.
    fn check(&self, doc: &Value) -> Result<Vec<Seen>, String> {
        self.check_at("#", doc)
    }

    fn check_at(&self, pointer: &str, value: &Value) -> Result<Vec<Seen>, String> {
        let mut seen = Vec::new();
        self.validate(self.at(pointer), pointer, value, &[], &mut seen)?;
        Ok(seen)
    }

    fn validate(
        &self,
        schema: &Value,
        pointer: &str,
        value: &Value,
        at: &[Step],
        seen: &mut Vec<Seen>,
    ) -> Result<(), String> {
        let keywords = schema.as_object().unwrap();
        let fail = |why: String| Err(format!("{}: {why}", show(at)));
        if let Some(target) = keywords.get("$ref") {
            let target = target.as_str().unwrap();
            assert!(
                target.starts_with("#/definitions/"),
                "{pointer}: the validator resolves only #/definitions/NAME, not {target}"
            );
            return self.validate(self.at(target), target, value, at, seen);
        }
        for (keyword, arg) in keywords {
            match keyword.as_str() {
                "$schema" | "title" | "description" | "default" | "examples" | "definitions" => {}
                "type" => {
                    let types: Vec<&str> = match arg {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                        _ => panic!("{pointer}: `type` is a name or a list of names"),
                    };
                    if !types.iter().any(|t| has_type(value, t)) {
                        return fail(format!("{value} is not of type {types:?}"));
                    }
                }
                "enum" => {
                    if !arg.as_array().unwrap().contains(value) {
                        return fail(format!("{value} is not one of {arg}"));
                    }
                }
                "required" => {
                    if let Value::Object(object) = value {
                        for key in arg.as_array().unwrap() {
                            if !object.contains_key(key.as_str().unwrap()) {
                                return fail(format!("the required {key} is missing"));
                            }
                        }
                    }
                }
                "properties" => {
                    if let Value::Object(object) = value {
                        for (key, sub) in arg.as_object().unwrap() {
                            if let Some(v) = object.get(key) {
                                let here = format!("{pointer}/properties/{key}");
                                let at = child(at, Step::Key(key.clone()));
                                self.validate(sub, &here, v, &at, seen)?;
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Value::Object(object) = value {
                        let declared = keywords.get("properties").and_then(Value::as_object);
                        for (key, v) in object {
                            if declared.is_some_and(|d| d.contains_key(key)) {
                                continue;
                            }
                            match arg {
                                Value::Bool(true) => {}
                                Value::Bool(false) => {
                                    return fail(format!("`{key}` is not allowed"));
                                }
                                sub => {
                                    let here = format!("{pointer}/additionalProperties");
                                    let at = child(at, Step::Key(key.clone()));
                                    self.validate(sub, &here, v, &at, seen)?;
                                }
                            }
                        }
                    }
                }
                "items" => {
                    if let Value::Array(items) = value {
                        seen.push(Seen {
                            schema: pointer.to_owned(),
                            at: at.to_vec(),
                        });
                        for (i, item) in items.iter().enumerate() {
                            let here = format!("{pointer}/items");
                            self.validate(arg, &here, item, &child(at, Step::Index(i)), seen)?;
                        }
                    }
                }
                "pattern" => {
                    if let Value::String(text) = value {
                        let pattern = regex_lite::Regex::new(arg.as_str().unwrap()).unwrap();
                        if !pattern.is_match(text) {
                            return fail(format!("{value} does not match {arg}"));
                        }
                    }
                }
                "maxLength" => {
                    if let Value::String(text) = value {
                        if text.chars().count() as u64 > arg.as_u64().unwrap() {
                            return fail(format!("longer than {arg} characters"));
                        }
                    }
                }
                "minimum" => {
                    if let Some(n) = value.as_f64() {
                        if n < arg.as_f64().unwrap() {
                            return fail(format!("{value} is under {arg}"));
                        }
                    }
                }
                "format" => {
                    if value.is_number() {
                        let (_, most) = FORMATS.iter().find(|(name, _)| arg == name).unwrap();
                        let within = match (value.as_u64(), value.as_f64()) {
                            (Some(n), _) => n as f64 <= *most,
                            (None, Some(n)) => (0.0..=*most).contains(&n),
                            (None, None) => false,
                        };
                        if !within {
                            return fail(format!("{value} is not a {arg}"));
                        }
                    }
                }
                "allOf" => {
                    for (i, sub) in arg.as_array().unwrap().iter().enumerate() {
                        self.validate(sub, &format!("{pointer}/allOf/{i}"), value, at, seen)?;
                    }
                }
                "anyOf" | "oneOf" => {
                    let mut matched = Vec::new();
                    let mut refusals = Vec::new();
                    for (i, sub) in arg.as_array().unwrap().iter().enumerate() {
                        let mut branch = Vec::new();
                        let here = format!("{pointer}/{keyword}/{i}");
                        match self.validate(sub, &here, value, at, &mut branch) {
                            Ok(()) => matched.push(branch),
                            Err(e) => refusals.push(e),
                        }
                    }
                    let fits = match keyword.as_str() {
                        "anyOf" => !matched.is_empty(),
                        _ => matched.len() == 1,
                    };
                    if !fits {
                        return fail(format!(
                            "{} of {keyword} match ({})",
                            matched.len(),
                            refusals.join("; ")
                        ));
                    }
                    seen.extend(matched.swap_remove(0));
                }
                other => panic!("{pointer}: the validator does not know `{other}`"),
            }
        }
        if value.is_object() && self.objects.iter().any(|p| p == pointer) {
            seen.push(Seen {
                schema: pointer.to_owned(),
                at: at.to_vec(),
            });
        }
        Ok(())
    }

    /// The keys an object schema declares.
    fn properties(&self, pointer: &str) -> BTreeSet<String> {
        self.at(pointer)
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn required(&self, pointer: &str) -> Vec<String> {
        self.at(pointer)
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().map(|k| k.as_str().unwrap().to_owned()).collect())
            .unwrap_or_default()
    }
}

fn names_type(types: &Value, name: &str) -> bool {
    match types {
        Value::String(t) => t == name,
        Value::Array(ts) => ts.iter().any(|t| t == name),
        _ => false,
    }
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "number" => value.is_number(),
        // Draft 7: any number with no fractional part, however it is written (`1.0` too).
        "integer" => {
            value.is_u64() || value.is_i64() || value.as_f64().is_some_and(|n| n.fract() == 0.0)
        }
        other => panic!("the validator does not know the type `{other}`"),
    }
}

#[test]
fn the_validator_reads_its_keywords_as_draft_7_does() {
    let schema = Schema::new(
        r##"{
            "$schema": "http://json-schema.org/draft-07/schema#",
            "type": "object",
            "required": ["n"],
            "properties": {
                "n": {"type": "integer", "minimum": 0.0, "format": "uint32"},
                "s": {"type": ["string", "null"], "pattern": "^[a-z]*$", "maxLength": 3},
                "e": {"allOf": [{"$ref": "#/definitions/E"}]},
                "l": {"type": "array", "items": {"anyOf": [{"type": "string"}, {"$ref": "#/definitions/O"}]}},
                "m": {"type": "object", "additionalProperties": {"type": "string"}}
            },
            "additionalProperties": false,
            "definitions": {
                "E": {"oneOf": [{"type": "string", "enum": ["a"]}, {"type": "string", "enum": ["b"]}]},
                "O": {"type": "object", "required": ["t"], "properties": {"t": {"type": "string"}}, "additionalProperties": false}
            }
        }"##,
    );
    let valid = |doc: Value| schema.check(&doc).is_ok();
    assert!(valid(json!({"n": 1})));
    assert!(valid(json!({"n": 1.0})), "1.0 is an integer in draft 7");
    assert!(valid(
        json!({"n": 0, "s": null, "e": "b", "l": ["x", {"t": "y"}], "m": {"k": "v"}})
    ));
    for invalid in [
        json!({}),
        json!({"n": 1.5}),
        json!({"n": -1}),
        json!({"n": 4_294_967_296u64}),
        json!({"n": "1"}),
        json!({"n": 1, "x": 1}),
        json!({"n": 1, "s": "ABC"}),
        json!({"n": 1, "s": "abcd"}),
        json!({"n": 1, "e": "c"}),
        json!({"n": 1, "l": [{"t": "y", "u": 1}]}),
        json!({"n": 1, "l": [{}]}),
        json!({"n": 1, "l": [1]}),
        json!({"n": 1, "m": {"k": 1}}),
        json!([]),
    ] {
        assert!(!valid(invalid.clone()), "{invalid} should be refused");
    }
    for unknown in [
        r#"{"const": 1}"#,
        r#"{"patternProperties": {}}"#,
        r#"{"type": "string", "format": "date"}"#,
        r##"{"$ref": "#/definitions/X", "type": "string", "definitions": {"X": {}}}"##,
    ] {
        assert!(
            Schema::read(unknown).is_err(),
            "{unknown}: a keyword it cannot read must stop the test"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Cases, and what each side says of them.

/// How a generated counter-example changes a valid document, at one object or list.
#[derive(Debug, Clone, PartialEq)]
enum Change {
    /// A key the schema does not declare, `"unknown_key": "x"`.
    Extra,
    Remove(String),
    Replace(String, Value),
    ReplaceItem(usize, Value),
}

/// A generated case: which change, where, and to which schema's object or list.
#[derive(Debug, Clone)]
struct Mutation {
    schema: String,
    at: Vec<Step>,
    change: Change,
}

/// A disagreement between schema and reader that generated cases show, and why it is there.
struct Known {
    why: &'static str,
    /// Which side accepts the case.
    schema_accepts: bool,
    shows: fn(&Mutation, &Schema) -> bool,
}

/// Values of every JSON type, each put in place of every value of a valid document.
fn replacements() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(-1),
        json!(0),
        json!(1.5),
        json!("x"),
        json!([]),
        json!(["x"]),
        json!({}),
    ]
}

/// The counter-examples generated from a valid document: at every object, an unknown key,
/// each key removed, and each value replaced by one of each type; in every list, each item
/// replaced likewise.
fn mutations(schema: &Schema, doc: &Value, seen: &[Seen]) -> Vec<(Mutation, Value)> {
    let mut out = Vec::new();
    for s in seen {
        let mut changes = Vec::new();
        match get(doc, &s.at) {
            Value::Object(object) => {
                changes.push(Change::Extra);
                let keys: BTreeSet<String> = object
                    .keys()
                    .cloned()
                    .chain(schema.required(&s.schema))
                    .collect();
                for key in keys {
                    changes.push(Change::Remove(key.clone()));
                    for value in replacements() {
                        changes.push(Change::Replace(key.clone(), value));
                    }
                }
            }
            Value::Array(items) => {
                for i in 0..items.len() {
                    for value in replacements() {
                        changes.push(Change::ReplaceItem(i, value));
                    }
                }
            }
            _ => unreachable!("only objects and lists are seen"),
        }
        for change in changes {
            let mut changed = doc.clone();
            let place = get_mut(&mut changed, &s.at);
            match &change {
                Change::Extra => {
                    place["unknown_key"] = json!("x");
                }
                Change::Remove(key) => {
                    place.as_object_mut().unwrap().remove(key);
                }
                Change::Replace(key, value) => place[key.as_str()] = value.clone(),
                Change::ReplaceItem(i, value) => place[*i] = value.clone(),
            }
            let mutation = Mutation {
                schema: s.schema.clone(),
                at: s.at.clone(),
                change,
            };
            out.push((mutation, changed));
        }
    }
    out
}

/// The keys a reader's "unknown field" message expects, as a set: the decoder writes
/// "expected one of `a`, `b`", serde also "expected `a` or `b`".
fn expected_keys(message: &str) -> BTreeSet<String> {
    let list = message.split("expected ").nth(1).unwrap();
    let list = list.split(" at line ").next().unwrap();
    let list = list.strip_prefix("one of ").unwrap_or(list);
    list.split(", ")
        .flat_map(|part| part.split(" or "))
        .map(|name| name.trim_matches('`').to_owned())
        .collect()
}

/// A format: its schema, its reader (the errors, when it refuses), and what they disagree on.
struct FileFormat {
    name: &'static str,
    schema: Schema,
    read: fn(&str) -> Result<(), Vec<String>>,
    /// Whether the reader's errors start with the JSON path, as the flow decoder's do.
    located: bool,
    known: Vec<Known>,
}

/// What a run found.
#[derive(Default)]
struct Tally {
    agreed_accepted: usize,
    agreed_refused: usize,
    /// Per known disagreement, how many cases showed it.
    known: Vec<usize>,
    failures: Vec<String>,
}

impl FileFormat {
    fn tally(&self) -> Tally {
        Tally {
            known: vec![0; self.known.len()],
            ..Tally::default()
        }
    }

    fn verdicts(&self, text: &str) -> (Result<Vec<Seen>, String>, Result<(), Vec<String>>) {
        let doc: Value = serde_json::from_str(text).unwrap();
        (self.schema.check(&doc), (self.read)(text))
    }

    /// The schema's own examples: a whole document is an example for both; one of a part must
    /// fit the schema there.
    fn schema_examples(&self, tally: &mut Tally) {
        for (pointer, example) in &self.schema.examples {
            if pointer == "#" {
                self.example("a schema example", &example.to_string(), tally);
            } else if let Err(e) = self.schema.check_at(pointer, example) {
                tally
                    .failures
                    .push(format!("{pointer}: its own example {example}: {e}"));
            }
        }
    }

    /// An example: both must accept it. Returns what the schema saw in it.
    fn example(&self, name: &str, text: &str, tally: &mut Tally) -> Vec<Seen> {
        match self.verdicts(text) {
            (Ok(seen), Ok(())) => {
                tally.agreed_accepted += 1;
                seen
            }
            (schema, read) => {
                tally.failures.push(format!(
                    "{}: the example {name} should be accepted by both; schema: {:?}, reader: {:?}",
                    self.name,
                    schema.err(),
                    read.err()
                ));
                Vec::new()
            }
        }
    }

    /// The generated counter-examples of a valid document.
    fn generated(&self, name: &str, doc: &Value, seen: &[Seen], tally: &mut Tally) {
        for (mutation, changed) in mutations(&self.schema, doc, seen) {
            let text = changed.to_string();
            let (schema, read) = self.verdicts(&text);
            if mutation.change == Change::Extra {
                self.check_expected_keys(&mutation, &read, tally);
            }
            let what = || {
                format!(
                    "{}: {name} with {:?} at `{}` ({}); schema: {:?}; reader: {:?}",
                    self.name,
                    mutation.change,
                    show(&mutation.at),
                    mutation.schema,
                    schema.as_ref().err(),
                    read.as_ref().err()
                )
            };
            match (schema.is_ok(), read.is_ok()) {
                (true, true) => tally.agreed_accepted += 1,
                (false, false) => tally.agreed_refused += 1,
                (schema_accepts, _) => {
                    let known = self.known.iter().position(|k| {
                        k.schema_accepts == schema_accepts && (k.shows)(&mutation, &self.schema)
                    });
                    match known {
                        Some(k) => tally.known[k] += 1,
                        None => tally.failures.push(format!("they disagree: {}", what())),
                    }
                }
            }
        }
    }

    /// When the reader refuses an unknown key, the keys it expects are the schema's.
    fn check_expected_keys(&self, m: &Mutation, read: &Result<(), Vec<String>>, t: &mut Tally) {
        let Err(errors) = read else { return };
        let Some(message) = errors
            .iter()
            .find(|e| e.contains("unknown field `unknown_key`"))
        else {
            return;
        };
        if self.located {
            let at = show(&child(&m.at, Step::Key("unknown_key".into())));
            if !message.starts_with(&format!("{at}: ")) {
                t.failures.push(format!("{message}: expected at `{at}`"));
            }
        }
        let declared = self.schema.properties(&m.schema);
        let expected = expected_keys(message);
        if expected != declared {
            t.failures.push(format!(
                "{}: at `{}` the reader expects {expected:?}, the schema ({}) declares {declared:?}",
                self.name,
                show(&m.at),
                m.schema
            ));
        }
    }

    fn finish(&self, tally: &Tally) {
        assert!(
            tally.failures.is_empty(),
            "{} schema and reader disagree:\n{}",
            self.name,
            tally.failures.join("\n")
        );
        for (known, hits) in self.known.iter().zip(&tally.known) {
            assert!(
                *hits > 0,
                "{}: no case shows the listed disagreement \"{}\" any more: take it off the list",
                self.name,
                known.why
            );
        }
        eprintln!(
            "{}: {} accepted by both, {} refused by both, known disagreements shown by {:?} cases",
            self.name, tally.agreed_accepted, tally.agreed_refused, tally.known
        );
    }
}

/// The JSON files in a directory, read, sorted by name.
fn files(dir: &str, tests: bool) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| p.to_string_lossy().ends_with(".tests.json") == tests)
        // Translation overlays (`NAME.<lang>.json`) are not flows: tests/languages.rs has them.
        .filter(|p| {
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let lang = stem.rsplit_once('.').map_or("", |(_, l)| l);
            tests || !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase())
        })
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.display().to_string(), text)
        })
        .collect();
    out.sort();
    out
}

/// Checks that every object schema, with every key it declares, is in the document that
/// cases are generated from, so that each key is removed and replaced at least once.
fn assert_every_key_is_exercised(schema: &Schema, doc: &Value, seen: &[Seen]) {
    for pointer in &schema.objects {
        let mut present = BTreeSet::new();
        for s in seen.iter().filter(|s| &s.schema == pointer) {
            if let Some(object) = get(doc, &s.at).as_object() {
                present.extend(object.keys().cloned());
            }
        }
        let missing: Vec<_> = schema
            .properties(pointer)
            .difference(&present)
            .cloned()
            .collect();
        assert!(
            seen.iter().any(|s| &s.schema == pointer),
            "no generated case reaches {pointer}: give the every-key example one"
        );
        assert!(
            missing.is_empty(),
            "no generated case has {missing:?} at {pointer}: add them to the every-key example"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The flow format.

/// A flow that has every key of the format at least once, valid down to validation.
fn every_key_flow() -> Value {
    json!({
        "$schema": "../schema/flow.schema.json",
        "format": 2,
        "id": "every-key",
        "version": "1.0",
        "title": "Every key of the format",
        "summary": "A flow that uses each key of the format once.",
        "language": "en",
        "translations": ["de"],
        "minutes": 1,
        "start": "where",
        "nodes": [
            {
                "type": "question",
                "id": "where",
                "text": "Where are you?",
                "hint": "Choose one.",
                "label": "Place",
                "options": [
                    {
                        "id": "office",
                        "label": "In the office",
                        "hint": "At your desk.",
                        "phrase": "in the office",
                        "next": "details",
                        "routes": [{ "if": { "flag": "urgent" }, "to": "details" }],
                        "set": ["urgent"]
                    },
                    { "id": "home", "label": "At home", "next": "details" }
                ],
                "routes": [{ "if": { "answer": "where", "is": "home" }, "to": "fixed" }]
            },
            {
                "type": "fields",
                "id": "details",
                "text": "Tell us more",
                "hint": "Both help IT.",
                "fields": [
                    {
                        "id": "code",
                        "label": "Error code",
                        "hint": "On the screen.",
                        "required": true,
                        "format": "pattern",
                        "pattern": "^(?<value>\\d{3})$",
                        "error": "Enter the three digits",
                        "max_length": 10,
                        "example": "123",
                        "refuse_codes": true
                    },
                    { "id": "email", "label": "Your email", "format": "email" }
                ],
                "routes": [{ "if": { "field": "code", "in": ["000"] }, "to": "fixed" }],
                "next": "note"
            },
            {
                "type": "info",
                "id": "note",
                "title": "Before you call",
                "body": "Have the code ready.",
                "routes": [{ "if": { "field": "email" }, "to": "vendor" }],
                "next": "helpdesk"
            },
            {
                "type": "outcome",
                "id": "helpdesk",
                "kind": "contact_helpdesk",
                "title": "Ask IT",
                "body": "IT can help.",
                "steps": [
                    "Send the email below.",
                    { "text": "Say it is urgent.", "if": { "flag": "urgent" }, "unless": { "answer": "where", "is": "home" } }
                ],
                "email": { "subject": "Error {code}", "body": ["Error {code}.", "Reference: {reference}"] },
                "phone": { "to": "helpdesk", "prepare": ["The error code"], "lines": ["The error is {code}."] }
            },
            {
                "type": "outcome",
                "id": "vendor",
                "kind": "call_vendor",
                "title": "Call the vendor",
                "steps": ["Call the number on [their page](https://example.com)."],
                "phone": { "to": "vendor", "lines": ["The error is {code}."] }
            },
            {
                "type": "outcome",
                "id": "fixed",
                "kind": "self_fix",
                "title": "It is fixed",
                "steps": ["Restart."],
                "not_fixed": "helpdesk"
            }
        ]
    })
}

/// The flow decoder's answer: `load::parse`, before validation.
fn decode(text: &str) -> Result<(), Vec<String>> {
    load::parse(text)
        .map(|_| ())
        .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

fn flow_format() -> FileFormat {
    let known = vec![
        Known {
            why: "the schema lets a node have keys of its own: schemars writes no \
                  `additionalProperties: false` on an internally tagged enum's variants unless \
                  the enum itself says `#[serde(deny_unknown_fields)]`",
            schema_accepts: true,
            shows: |m, _| {
                m.change == Change::Extra && m.schema.starts_with("#/definitions/Node/oneOf/")
            },
        },
        Known {
            why: "the decoder reads a null as the key being absent, and the schema allows null \
                  only where the type is an `Option`: not for lists and flags that default to \
                  empty and false, nor for `format` and `to`, which have defaults",
            schema_accepts: false,
            shows: |m, schema| match &m.change {
                Change::Replace(key, Value::Null) => {
                    let property = format!("{}/properties/{key}", m.schema);
                    !schema.required(&m.schema).contains(key)
                        && schema.check_at(&property, &Value::Null).is_err()
                }
                _ => false,
            },
        },
        Known {
            why: "`\"in\": null` is refused by the decoder as a key written twice (it asks \
                  whether `in` has a value before taking it, and a null one is never taken); \
                  the schema allows it, as serde does",
            schema_accepts: true,
            shows: |m, _| {
                m.schema == "#/definitions/Condition"
                    && m.change == Change::Replace("in".into(), Value::Null)
            },
        },
    ];
    FileFormat {
        name: "flow",
        schema: Schema::new(FLOW_SCHEMA),
        read: decode,
        located: true,
        known,
    }
}

/// A counter-example written by hand: one rule broken, and what each side must say.
struct Written {
    what: &'static str,
    change: fn(&mut Value),
    schema_accepts: bool,
    decoder_accepts: bool,
    /// Where they disagree: why.
    why: Option<&'static str>,
    /// For a rule the schema states and the decoder leaves to validation: what validation says.
    validation_says: Option<&'static str>,
}

fn written() -> Vec<Written> {
    let refused = |what, change| Written {
        what,
        change,
        schema_accepts: false,
        decoder_accepts: false,
        why: None,
        validation_says: None,
    };
    let accepted = |what, change| Written {
        what,
        change,
        schema_accepts: true,
        decoder_accepts: true,
        why: None,
        validation_says: None,
    };
    vec![
        refused("a missing required key: `start`", |f| {
            f.as_object_mut().unwrap().remove("start");
        }),
        refused("a missing required key: an outcome's `kind`", |f| {
            f["nodes"][5].as_object_mut().unwrap().remove("kind");
        }),
        refused("a missing required key: a node's `type`", |f| {
            f["nodes"][2].as_object_mut().unwrap().remove("type");
        }),
        refused("an unknown key at the top", |f| f["colour"] = json!("red")),
        refused("an unknown key in an option", |f| {
            f["nodes"][0]["options"][1]["nxt"] = json!("details")
        }),
        refused("an unknown key in a condition", |f| {
            f["nodes"][0]["routes"][0]["if"]["iff"] = json!("x")
        }),
        refused("a wrong type: `format` as a string", |f| {
            f["format"] = json!("1")
        }),
        refused("a wrong type: `required` as a string", |f| {
            f["nodes"][1]["fields"][0]["required"] = json!("yes")
        }),
        refused("a wrong type: a line that is a number", |f| {
            f["nodes"][5]["steps"][0] = json!(3)
        }),
        refused("a line object without `text`", |f| {
            f["nodes"][3]["steps"][1]
                .as_object_mut()
                .unwrap()
                .remove("text");
        }),
        refused("a value outside an enum: an unknown node type", |f| {
            f["nodes"][2]["type"] = json!("choice")
        }),
        refused("a value outside an enum: an outcome's `kind`", |f| {
            f["nodes"][5]["kind"] = json!("self-fix")
        }),
        refused("a value outside an enum: a field's `format`", |f| {
            f["nodes"][1]["fields"][1]["format"] = json!("number")
        }),
        refused("a value outside an enum: a phone script's `to`", |f| {
            f["nodes"][4]["phone"]["to"] = json!("someone")
        }),
        refused("a negative number: `minutes`", |f| f["minutes"] = json!(-1)),
        refused("a fraction: `max_length`", |f| {
            f["nodes"][1]["fields"][0]["max_length"] = json!(2.5)
        }),
        refused("a number past a u32: `format`", |f| {
            f["format"] = json!(4_294_967_296u64)
        }),
        accepted(
            "null where the schema allows it: `minutes`, a hint, a line's `if`",
            |f| {
                f["minutes"] = Value::Null;
                f["nodes"][0]["hint"] = Value::Null;
                f["nodes"][3]["steps"][1]["if"] = Value::Null;
            },
        ),
        accepted(
            "an empty condition (validation refuses it; the schema cannot say)",
            |f| f["nodes"][0]["routes"][0]["if"] = json!({}),
        ),
        accepted("a pattern of exactly 1,000 characters", |f| {
            f["nodes"][1]["fields"][0]["pattern"] = json!("a".repeat(1000))
        }),
        Written {
            what: "a whole number written with a fraction: `\"format\": 1.0`",
            change: |f| f["format"] = json!(1.0),
            schema_accepts: true,
            decoder_accepts: false,
            why: Some(
                "draft 7 counts 1.0 as an integer; the decoder reads whole numbers only as \
                 digits, so that no float parsing is linked into the widget",
            ),
            validation_says: None,
        },
        Written {
            what: "a pattern mismatch: an option's `phrase` with braces",
            change: |f| f["nodes"][0]["options"][0]["phrase"] = json!("the {place}"),
            schema_accepts: false,
            decoder_accepts: true,
            why: Some("the decoder reads any string; validation refuses it"),
            validation_says: Some("cannot have placeholders or braces"),
        },
        Written {
            what: "a too-long string: a `pattern` of 1,001 characters",
            change: |f| f["nodes"][1]["fields"][0]["pattern"] = json!("a".repeat(1001)),
            schema_accepts: false,
            decoder_accepts: true,
            why: Some("the decoder reads any string; validation refuses it"),
            validation_says: Some("at most 1000 are allowed"),
        },
        Written {
            what: "too many nodes",
            change: |f| {
                let filler =
                    json!({"type": "info", "id": "i", "title": "t", "body": "b", "next": "x"});
                let nodes = f["nodes"].as_array_mut().unwrap();
                nodes.resize(limits::MAX_NODES + 1, filler);
            },
            schema_accepts: true,
            decoder_accepts: false,
            why: Some("the schema states no `maxItems`; the decoder refuses more than MAX_NODES"),
            validation_says: None,
        },
    ]
}

#[test]
fn the_flow_schema_and_the_decoder_accept_and_refuse_alike() {
    let format = flow_format();
    let mut tally = format.tally();

    // Examples: the schema's own, every flow shipped or kept as a fixture, and the every-key
    // flow, which validation accepts too.
    format.schema_examples(&mut tally);
    let mut shipped = files("flows", false);
    shipped.extend(files("flows/examples", false));
    shipped.extend(files("tests/fixtures", false));
    assert!(shipped.len() >= 3, "{shipped:?}");
    for (name, text) in &shipped {
        format.example(name, text, &mut tally);
    }
    let every_key = every_key_flow();
    ValidFlow::from_json(&every_key.to_string()).expect("the every-key flow is valid");

    // Generated counter-examples, from the every-key flow and the printer example.
    let printer: Value =
        serde_json::from_str(include_str!("../flows/examples/printer-offline.json")).unwrap();
    for (name, doc) in [
        ("the every-key flow", &every_key),
        ("printer-offline", &printer),
    ] {
        let seen = format.example(name, &doc.to_string(), &mut tally);
        if doc == &every_key {
            assert_every_key_is_exercised(&format.schema, doc, &seen);
        }
        format.generated(name, doc, &seen, &mut tally);
    }

    // Counter-examples written by hand.
    for case in written() {
        assert_eq!(
            case.schema_accepts != case.decoder_accepts,
            case.why.is_some(),
            "{}: a disagreement says why",
            case.what
        );
        let mut flow = every_key.clone();
        (case.change)(&mut flow);
        let text = flow.to_string();
        let (schema, read) = format.verdicts(&text);
        if (schema.is_ok(), read.is_ok()) != (case.schema_accepts, case.decoder_accepts) {
            tally.failures.push(format!(
                "{}: the schema should {}, the decoder {}; schema: {:?}, decoder: {:?}",
                case.what,
                if case.schema_accepts {
                    "accept"
                } else {
                    "refuse"
                },
                if case.decoder_accepts {
                    "accept"
                } else {
                    "refuse"
                },
                schema.err(),
                read.err()
            ));
        }
        if let Some(later) = case.validation_says {
            let errors = ValidFlow::from_json(&text).err().unwrap_or_default();
            if !errors.iter().any(|e| e.message.contains(later)) {
                tally.failures.push(format!(
                    "{}: validation should say \"{later}\"; it says {errors:?}",
                    case.what
                ));
            }
        }
    }
    format.finish(&tally);
}

/// One table of names per enum: `ALL` in variant order, `NAMES` in the same order, `as_str`
/// reading it, serde writing and reading the same names.
fn assert_table<T>(all: &[T], names: &[&str], as_str: fn(T) -> &'static str, index: fn(T) -> usize)
where
    T: Copy + PartialEq + Debug + Serialize + DeserializeOwned,
{
    assert_eq!(all.len(), names.len());
    for (i, (&variant, name)) in all.iter().zip(names).enumerate() {
        assert_eq!(index(variant), i, "{variant:?} is not at its place in ALL");
        assert_eq!(as_str(variant), *name);
        assert_eq!(serde_json::to_value(variant).unwrap(), json!(name));
        assert_eq!(serde_json::from_value::<T>(json!(name)).unwrap(), variant);
    }
}

/// The one-name lists of a `oneOf`, in order: how schemars writes a plain enum, and each
/// node variant's `type`.
fn one_of_names(schema: &Value, definition: &str, within: &[&str]) -> Vec<String> {
    schema["definitions"][definition]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|variant| {
            let names = within
                .iter()
                .fold(variant, |v, key| &v[*key])
                .get("enum")
                .and_then(Value::as_array)
                .unwrap_or_else(|| panic!("{definition}: {variant}"));
            assert_eq!(names.len(), 1, "{definition}: {variant}");
            names[0].as_str().unwrap().to_owned()
        })
        .collect()
}

#[test]
fn the_schema_lists_each_enum_from_its_table() {
    let schema: Value = serde_json::from_str(FLOW_SCHEMA).unwrap();
    assert_eq!(one_of_names(&schema, "Format", &[]), Format::NAMES);
    assert_eq!(
        one_of_names(&schema, "OutcomeKind", &[]),
        OutcomeKind::NAMES
    );
    assert_eq!(
        one_of_names(&schema, "PhoneTarget", &[]),
        PhoneTarget::NAMES
    );
    assert_eq!(
        one_of_names(&schema, "Node", &["properties", "type"]),
        NodeType::NAMES
    );

    assert_table(&Format::ALL, &Format::NAMES, Format::as_str, |v| v as usize);
    assert_table(
        &OutcomeKind::ALL,
        &OutcomeKind::NAMES,
        OutcomeKind::as_str,
        |v| v as usize,
    );
    assert_table(
        &PhoneTarget::ALL,
        &PhoneTarget::NAMES,
        PhoneTarget::as_str,
        |v| v as usize,
    );
    assert_eq!(NodeType::ALL.len(), NodeType::NAMES.len());
    for (i, t) in NodeType::ALL.into_iter().enumerate() {
        assert_eq!(t as usize, i);
        assert_eq!(t.as_str(), NodeType::NAMES[i]);
    }

    // Node's serde tag spells each node type as the table does, both ways.
    let every_key = every_key_flow();
    let flow: Flow = serde_json::from_value(every_key.clone()).unwrap();
    let types: Vec<NodeType> = flow.nodes.iter().map(Node::node_type).collect();
    for t in NodeType::ALL {
        assert!(types.contains(&t), "the every-key flow has no {t:?} node");
    }
    for (node, json) in flow
        .nodes
        .iter()
        .zip(every_key["nodes"].as_array().unwrap())
    {
        assert_eq!(json["type"], node.kind_name());
        assert_eq!(
            serde_json::to_value(node).unwrap()["type"],
            node.kind_name()
        );
    }

    // The defaults the schema states are the enums' `Default`, which the decoder uses.
    let field = &schema["definitions"]["Field"]["properties"];
    assert_eq!(field["format"]["default"], Format::default().as_str());
    assert_eq!(field["required"]["default"], false);
    let phone = &schema["definitions"]["PhoneTemplate"]["properties"];
    assert_eq!(phone["to"]["default"], PhoneTarget::default().as_str());
    let bare = load::parse(
        &json!({
            "format": 1, "id": "bare", "version": "1", "title": "t", "summary": "s",
            "language": "en", "start": "f",
            "nodes": [
                {"type": "fields", "id": "f", "text": "t", "next": "o",
                 "fields": [{"id": "x", "label": "X"}]},
                {"type": "outcome", "id": "o", "kind": "call_vendor", "title": "t",
                 "phone": {"lines": ["l"]}}
            ]
        })
        .to_string(),
    )
    .unwrap();
    let (Node::Fields(fields), Node::Outcome(outcome)) = (&bare.nodes[0], &bare.nodes[1]) else {
        panic!("{bare:?}");
    };
    assert_eq!(fields.fields[0].format, Format::default());
    assert!(!fields.fields[0].required);
    assert_eq!(outcome.phone.as_ref().unwrap().to, PhoneTarget::default());
}

// ---------------------------------------------------------------------------------------------
// The tests-file format: read with serde, so the reader is the model's serde attributes.

fn every_key_tests() -> Value {
    json!({
        "$schema": "../schema/flow-tests.schema.json",
        "flow": "every-key",
        "config": { "org_name": "Contoso", "support_phone": "+1 555 0100" },
        "cases": [
            {
                "name": "an error code reaches IT",
                "answers": { "where": "office", "code": "123" },
                "outcome": "helpdesk",
                "expect": {
                    "subject": { "contains": ["123"] },
                    "email": { "contains": ["Error 123"], "excludes": ["{code}"] },
                    "phone": { "contains": ["123"] },
                    "steps": { "contains": ["urgent"] },
                    "all": { "excludes": ["undefined"] }
                }
            },
            { "name": "home", "answers": { "where": "home" } }
        ],
        "rules": [
            {
                "name": "urgent calls say so",
                "if": [
                    { "flag": "urgent" },
                    { "answer": "where", "is": "office" },
                    { "field": "code", "in": ["123"] }
                ],
                "outcomes": ["helpdesk"],
                "expect": { "steps": { "contains": ["urgent"] } }
            }
        ]
    })
}

fn read_tests(text: &str) -> Result<(), Vec<String>> {
    flowtest::parse(text).map(|_| ()).map_err(|e| vec![e])
}

#[test]
fn the_tests_schema_and_the_tests_reader_accept_and_refuse_alike() {
    let format = FileFormat {
        name: "tests",
        schema: Schema::new(TESTS_SCHEMA),
        read: read_tests,
        located: false,
        known: vec![Known {
            why: "serde reads a struct from a list of its fields in order as well as from an \
                  object (`[]` is an `expect` with nothing in it, `[\"x\"]` a condition on \
                  the flag x); the schema, like the flow decoder, wants an object",
            schema_accepts: false,
            shows: |m, schema| {
                let (place, value) = match &m.change {
                    Change::Replace(key, value) => {
                        (format!("{}/properties/{key}", m.schema), value)
                    }
                    Change::ReplaceItem(_, value) => (format!("{}/items", m.schema), value),
                    _ => return false,
                };
                value.is_array() && schema.check_at(&place, &json!({})).is_ok()
            },
        }],
    };
    let mut tally = format.tally();
    format.schema_examples(&mut tally);
    let mut shipped = files("flows", true);
    shipped.extend(files("flows/examples", true));
    assert!(shipped.len() >= 2, "{shipped:?}");
    for (name, text) in &shipped {
        format.example(name, text, &mut tally);
    }
    let every_key = every_key_tests();
    let seen = format.example("the every-key tests", &every_key.to_string(), &mut tally);
    format.generated("the every-key tests", &every_key, &seen, &mut tally);
    assert_every_key_is_exercised(&format.schema, &every_key, &seen);
    // The every-key tests pass on the every-key flow, so they are a real example.
    let flow = ValidFlow::from_json(&every_key_flow().to_string()).unwrap();
    let tests = flowtest::parse(&every_key.to_string()).unwrap();
    let report = flowtest::run(std::rc::Rc::new(flow), &tests, 1_000).unwrap();
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
    format.finish(&tally);
}
