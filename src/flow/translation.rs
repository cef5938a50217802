//! A flow's translations: one overlay file per language beside the flow
//! (`my-flow.de.json` for `my-flow.json`), holding every text a person reads or the helpdesk
//! gets, in the flow's own shape. Nodes, options and fields are objects keyed by their ids;
//! lists of texts (`steps`, an email's `body`, a script's `lines` and `prepare`) are lists of
//! the same length, each item translating the item at its place (conditions stay in the flow):
//!
//! ```json
//! { "format": 1, "flow": "my-flow", "language": "de", "title": "…",
//!   "nodes": { "start": { "text": "…", "options": { "yes": { "label": "…" } } },
//!              "done": { "steps": ["…", "…"], "email": { "subject": "…", "body": ["…"] } } } }
//! ```
//!
//! Only texts are replaced: ids, routes, conditions and patterns cannot be translated. A
//! translation is used only when it translates every text (`flowcheck check` lists what is
//! missing), so a screen never mixes two languages.

use super::error::FlowError;
use super::json::{self, Json};
use super::load;
use super::model::Flow;

/// The keys whose string values are texts to translate, wherever they are.
pub const TEXT_KEYS: [&str; 10] = [
    "title", "summary", "text", "label", "hint", "body", "phrase", "error", "example", "subject",
];

/// Keys of lists of texts (each item a text, or an object with a `text` and a condition).
const TEXT_LISTS: [&str; 4] = ["steps", "body", "lines", "prepare"];

/// Keys of lists of objects with ids, which an overlay gives as an object keyed by id.
const ID_LISTS: [&str; 3] = ["nodes", "options", "fields"];

/// Keys of objects that hold texts.
const PARTS: [&str; 2] = ["email", "phone"];

/// What applying an overlay found, each with its JSON path in the overlay's terms
/// (`nodes.start.options.yes.label`).
#[derive(Debug, Default)]
pub struct Applied {
    /// Every text of the flow, in file order, and its translation where the overlay has one.
    pub texts: Vec<Text>,
    /// What the overlay translates that the flow does not have (or holds as something else).
    pub stale: Vec<String>,
}

/// One text of a flow and what an overlay made of it.
#[derive(Debug)]
pub struct Text {
    /// Its path in the overlay's terms.
    pub at: String,
    /// The flow's own text.
    pub source: String,
    /// The overlay's, if it has one (`null`, or nothing, is "not yet translated").
    pub translation: Option<String>,
}

impl Applied {
    /// The paths of the texts with no translation.
    pub fn missing(&self) -> impl Iterator<Item = &str> {
        self.texts
            .iter()
            .filter(|t| t.translation.is_none())
            .map(|t| t.at.as_str())
    }
}

/// Records `source` at `at` as `given` translates it, putting the translation in its place.
fn translate(
    source: &mut std::borrow::Cow<'_, str>,
    given: Option<Json<'_>>,
    at: String,
    out: &mut Applied,
) {
    let translation = match given {
        Some(Json::String(t)) => Some(t.into_owned()),
        None | Some(Json::Null) => None,
        Some(_) => {
            out.stale.push(at);
            return;
        }
    };
    out.texts.push(Text {
        at,
        source: source.to_string(),
        translation: translation.clone(),
    });
    if let Some(t) = translation {
        *source = t.into();
    }
}

/// Reads `flow` with the texts of `overlay` in place of its own.
pub fn translated(flow: &str, overlay: &str) -> Result<(Flow, Applied), Vec<FlowError>> {
    let (root, applied) = merged(flow, overlay)?;
    Ok((load::decode(root)?, applied))
}

/// The JSON of `flow` with the texts of `overlay` put in: what [`translated`] reads, and what
/// the widget's lang.js makes in the browser (`flowcheck translate` prints it to compare).
pub fn merged<'a>(flow: &'a str, overlay: &'a str) -> Result<(Json<'a>, Applied), Vec<FlowError>> {
    let mut root = json::parse(flow).map_err(|e| vec![load::syntax_error(e)])?;
    let overlay = json::parse(overlay).map_err(|e| {
        let mut error = load::syntax_error(e);
        error.at = format!("the translation, {}", error.at);
        vec![error]
    })?;
    let mut applied = Applied::default();
    let Json::Object(entries) = overlay else {
        return Err(vec![FlowError::new(
            "",
            "the translation is not a JSON object",
        )]);
    };
    let language = entries.iter().find_map(|(k, v)| match (&**k, v) {
        ("language", Json::String(l)) => Some(l.clone()),
        _ => None,
    });
    // `format`, `flow`, `language` and `source_version` describe the file; the rest is text.
    let texts: Vec<_> = entries
        .into_iter()
        .filter(|(k, _)| {
            !matches!(
                &**k,
                "format" | "flow" | "language" | "source_version" | "$schema"
            )
        })
        .collect();
    merge(&mut root, Json::Object(texts), "", &mut applied);
    // The translated flow is in the overlay's language.
    if let (Json::Object(flow), Some(language)) = (&mut root, language) {
        if let Some((_, value)) = flow.iter_mut().find(|(k, _)| k == "language") {
            *value = Json::String(language);
        }
    }
    Ok((root, applied))
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Puts the overlay's texts into an object of the flow, recording what is missing or stale.
fn merge<'a>(flow: &mut Json<'a>, overlay: Json<'a>, path: &str, out: &mut Applied) {
    let Json::Object(entries) = flow else { return };
    let mut overlay = match overlay {
        Json::Object(o) => o,
        _ => {
            out.stale.push(path.to_owned());
            Vec::new()
        }
    };
    for (key, value) in entries.iter_mut() {
        let here = join(path, key);
        let given = overlay
            .iter()
            .position(|(k, _)| k == key)
            .map(|i| overlay.remove(i).1);
        match value {
            Json::String(source) if TEXT_KEYS.contains(&&**key) => {
                translate(source, given, here, out)
            }
            Json::Array(items) if ID_LISTS.contains(&&**key) => {
                let mut given = match given {
                    Some(Json::Object(o)) => o,
                    Some(_) => {
                        out.stale.push(here.clone());
                        Vec::new()
                    }
                    None => Vec::new(),
                };
                for item in items.iter_mut() {
                    let id = match item {
                        Json::Object(o) => o.iter().find_map(|(k, v)| match (&**k, v) {
                            ("id", Json::String(id)) => Some(id.to_string()),
                            _ => None,
                        }),
                        _ => None,
                    };
                    let Some(id) = id else { continue };
                    let at = join(&here, &id);
                    let part = given
                        .iter()
                        .position(|(k, _)| *k == id)
                        .map_or(Json::Object(Vec::new()), |i| given.remove(i).1);
                    merge(item, part, &at, out);
                }
                out.stale
                    .extend(given.into_iter().map(|(k, _)| join(&here, &k)));
            }
            Json::Array(items) if TEXT_LISTS.contains(&&**key) => {
                let mut given = match given {
                    Some(Json::Array(g)) => g.into_iter(),
                    Some(_) => {
                        out.stale.push(here.clone());
                        Vec::new().into_iter()
                    }
                    None => Vec::new().into_iter(),
                };
                for (i, item) in items.iter_mut().enumerate() {
                    let at = join(&here, &i.to_string());
                    let text = match item {
                        Json::String(s) => Some(s),
                        Json::Object(o) => o.iter_mut().find_map(|(k, v)| match (&**k, v) {
                            ("text", Json::String(s)) => Some(s),
                            _ => None,
                        }),
                        _ => None,
                    };
                    let Some(source) = text else { continue };
                    translate(source, given.next(), at, out);
                }
                let extra = given.len();
                out.stale.extend(
                    (items.len()..items.len() + extra).map(|i| join(&here, &i.to_string())),
                );
            }
            Json::Object(_) if PARTS.contains(&&**key) => {
                merge(value, given.unwrap_or(Json::Object(Vec::new())), &here, out);
            }
            _ => {
                if given.is_some() {
                    out.stale.push(here);
                }
            }
        }
    }
    out.stale
        .extend(overlay.into_iter().map(|(k, _)| join(path, &k)));
}

/// The file name of a flow's translation into `lang`: `flows/x.json` -> `flows/x.de.json`.
pub fn file_name(flow_file: &str, lang: &str) -> String {
    match flow_file.strip_suffix(".json") {
        Some(stem) => format!("{stem}.{lang}.json"),
        None => format!("{flow_file}.{lang}.json"),
    }
}
