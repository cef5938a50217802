//! A flow's texts out to translators and back: `flowcheck export` writes them, with what is
//! already translated, as gettext PO (Weblate, Crowdin, Poedit) or CSV (a spreadsheet), and
//! `flowcheck import` makes the overlay file (`flow::translation`) from what comes back. Each
//! text is named by its path in the overlay (`nodes.start.options.yes.label`); a round trip
//! with no edits writes the overlay as it was.

use std::borrow::Cow;
use std::fmt::Write;

use crate::flow::json::{self, Json};
use crate::flow::translation::{self, Text};
use crate::flow::ValidFlow;
use crate::i18n::placeholders;

/// The formats translators' tools read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// gettext PO: one entry per text, its path as `msgctxt`.
    Po,
    /// Comma-separated values: `path`, the source language and the translation's, as columns.
    Csv,
}

impl Format {
    /// The format a `--format` value or a file name's extension names.
    pub fn named(name: &str) -> Option<Format> {
        let ext = name.rsplit('.').next().unwrap_or(name);
        match ext.to_ascii_lowercase().as_str() {
            "po" => Some(Format::Po),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// A flow's texts in one language, as exported.
#[derive(Debug)]
pub struct Catalog {
    /// The flow's id.
    pub flow: String,
    /// The language the flow is written in.
    pub source_language: String,
    /// The language of the translations.
    pub language: String,
    /// The flow version the translations were made from.
    pub source_version: String,
    /// Every text, in the flow's order.
    pub texts: Vec<Text>,
}

impl Catalog {
    /// The texts translators see: an empty text (a blank line of an email) is empty in every
    /// language, and gettext reads an empty translation as "not yet translated".
    pub fn to_translate(&self) -> impl Iterator<Item = &Text> {
        self.texts.iter().filter(|t| !t.source.is_empty())
    }
}

/// The catalog of `flow` (read from `text`) in `lang`, with the translations of `overlay`
/// (the existing overlay file) where it has them.
pub fn catalog(
    text: &str,
    flow: &ValidFlow,
    lang: &str,
    overlay: Option<&str>,
) -> Result<Catalog, String> {
    let (_, applied) = translation::translated(text, overlay.unwrap_or("{}")).map_err(|e| {
        let problems: Vec<String> = e.iter().map(ToString::to_string).collect();
        format!("the translation cannot be read: {}", problems.join("; "))
    })?;
    let version = overlay
        .and_then(|o| match json::parse(o) {
            Ok(Json::Object(entries)) => entries.into_iter().find_map(|(k, v)| match (&*k, v) {
                ("source_version", Json::String(v)) => Some(v.into_owned()),
                _ => None,
            }),
            _ => None,
        })
        .unwrap_or_else(|| flow.flow().version.clone());
    Ok(Catalog {
        flow: flow.flow().id.clone(),
        source_language: flow.flow().language.clone(),
        language: lang.to_owned(),
        source_version: version,
        texts: applied.texts,
    })
}

/// The catalog in `format`.
pub fn write(catalog: &Catalog, format: Format) -> String {
    match format {
        Format::Po => write_po(catalog),
        Format::Csv => write_csv(catalog),
    }
}

fn write_po(c: &Catalog) -> String {
    let mut out = format!(
        "# The texts of the flow `{}` for translation into `{}`.\n\
         # From `flowcheck export`; `flowcheck import` makes the translation file from it.\n\
         # Keep each {{placeholder}}, **emphasis**, [link](address) and list item as it is.\n\
         msgid \"\"\nmsgstr \"\"\n",
        c.flow, c.language
    );
    for (name, value) in [
        (
            "Project-Id-Version",
            format!("{} {}", c.flow, c.source_version),
        ),
        ("Language", c.language.clone()),
        ("MIME-Version", "1.0".into()),
        ("Content-Type", "text/plain; charset=UTF-8".into()),
        ("Content-Transfer-Encoding", "8bit".into()),
        ("X-Flow", c.flow.clone()),
        ("X-Source-Language", c.source_language.clone()),
        ("X-Source-Version", c.source_version.clone()),
    ] {
        let _ = writeln!(out, "{}", po_quote(&format!("{name}: {value}\n")));
    }
    for text in c.to_translate() {
        out.push('\n');
        let names = placeholders(&text.source);
        if !names.is_empty() {
            let names: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
            let _ = writeln!(out, "#. keep: {}", names.join(" "));
        }
        let _ = writeln!(out, "msgctxt {}", po_quote(&text.at));
        let _ = writeln!(out, "msgid {}", po_string(&text.source));
        let _ = writeln!(
            out,
            "msgstr {}",
            po_string(text.translation.as_deref().unwrap_or(""))
        );
    }
    out
}

/// A PO string: one quoted line, or, for a text of several lines, `""` and then a quoted
/// line for each, as gettext's own tools write them.
fn po_string(text: &str) -> String {
    if !text.contains('\n') || text.trim_end_matches('\n').is_empty() {
        return po_quote(text);
    }
    let mut out = "\"\"".to_owned();
    for line in text.split_inclusive('\n') {
        out.push('\n');
        out.push_str(&po_quote(line));
    }
    out
}

fn po_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The byte order mark, so that a spreadsheet opened with a double click reads UTF-8.
const BOM: char = '\u{feff}';

fn write_csv(c: &Catalog) -> String {
    let mut out = String::from(BOM);
    let _ = write!(out, "path,{},{}\r\n", c.source_language, c.language);
    for text in c.to_translate() {
        let _ = write!(
            out,
            "{},{},{}\r\n",
            csv_field(&text.at),
            csv_field(&text.source),
            csv_field(text.translation.as_deref().unwrap_or(""))
        );
    }
    out
}

fn csv_field(text: &str) -> Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}

/// A file that came back from translators: its language, the version it was made from where
/// it says, and each text's path, source and translation, with its line.
#[derive(Debug, Default)]
pub struct Returned {
    /// The language of the translations.
    pub language: String,
    /// The `X-Source-Version` of a PO file.
    pub source_version: Option<String>,
    /// `(line, path, source, translation)`: an empty or fuzzy translation is none.
    pub entries: Vec<(usize, String, String, Option<String>)>,
}

/// A problem in a returned file: its line (0 for the file as a whole) and what is wrong.
pub type Problem = (usize, String);

/// Reads a file translators sent back.
pub fn read(text: &str, format: Format) -> Result<Returned, Problem> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    match format {
        Format::Po => read_po(text),
        Format::Csv => read_csv(text),
    }
}

fn read_po(text: &str) -> Result<Returned, Problem> {
    #[derive(Default)]
    struct Entry {
        line: usize,
        fuzzy: bool,
        context: Option<String>,
        id: Option<String>,
        translation: Option<String>,
    }
    let mut returned = Returned::default();
    let mut entries: Vec<Entry> = Vec::new();
    let mut entry = Entry::default();
    // Which string a continuation line (`"…"`) adds to.
    let mut open: Option<u8> = None;
    let finish = |entry: Entry, entries: &mut Vec<Entry>| {
        if entry.id.is_some() {
            entries.push(entry);
        }
    };
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with("#~") {
            // An obsolete entry, which tools keep for reference.
            open = None;
            continue;
        }
        if let Some(comment) = trimmed.strip_prefix('#') {
            if entry.id.is_some() {
                finish(std::mem::take(&mut entry), &mut entries);
            }
            if let Some(flags) = comment.strip_prefix(',') {
                entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            }
            open = None;
            continue;
        }
        let (keyword, rest) = match trimmed.split_once(char::is_whitespace) {
            Some((k, r)) if !trimmed.starts_with('"') => (k, r.trim()),
            _ => ("", trimmed),
        };
        let value = po_unquote(rest).map_err(|m| (line, m))?;
        let slot = match keyword {
            "" => match open {
                Some(slot) => slot,
                None => return Err((line, "a quoted line that continues nothing".into())),
            },
            "msgctxt" | "msgid" => {
                if entry.id.is_some() {
                    finish(std::mem::take(&mut entry), &mut entries);
                }
                if keyword == "msgctxt" {
                    b'c'
                } else {
                    b'i'
                }
            }
            "msgstr" => b's',
            "msgid_plural" | "msgstr[0]" => {
                return Err((line, "plural entries are not used by flows".into()))
            }
            other => return Err((line, format!("`{other}` is not a PO keyword"))),
        };
        if entry.line == 0 {
            entry.line = line;
        }
        let target = match slot {
            b'c' => &mut entry.context,
            b'i' => &mut entry.id,
            _ => &mut entry.translation,
        };
        target.get_or_insert_with(String::new).push_str(&value);
        open = Some(slot);
    }
    finish(entry, &mut entries);

    for e in entries {
        let id = e.id.unwrap_or_default();
        let Some(at) = e.context else {
            if id.is_empty() {
                // The header: `Name: value` lines.
                for field in e.translation.unwrap_or_default().lines() {
                    match field.split_once(':') {
                        Some(("Language", v)) => returned.language = v.trim().to_owned(),
                        Some(("X-Source-Version", v)) => {
                            returned.source_version = Some(v.trim().to_owned())
                        }
                        _ => {}
                    }
                }
                continue;
            }
            return Err((
                e.line,
                "this entry has no msgctxt, the path of the text it translates".into(),
            ));
        };
        let translation = e.translation.filter(|t| !t.is_empty() && !e.fuzzy);
        returned.entries.push((e.line, at, id, translation));
    }
    if returned.language.is_empty() {
        return Err((0, "the header has no `Language:`".into()));
    }
    Ok(returned)
}

fn po_unquote(text: &str) -> Result<String, String> {
    let inner = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .filter(|_| text.len() >= 2)
        .ok_or_else(|| format!("expected a quoted string, found `{text}`"))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some(other) => return Err(format!("`\\{other}` is not an escape PO files use")),
                None => return Err("the string ends with a lone `\\`".into()),
            },
            '"' => return Err("a `\"` inside the string is not escaped as `\\\"`".into()),
            c => out.push(c),
        }
    }
    Ok(out)
}

fn read_csv(text: &str) -> Result<Returned, Problem> {
    let rows = csv_rows(text)?;
    let mut rows = rows.into_iter();
    let Some((_, header)) = rows.next() else {
        return Err((0, "the file is empty".into()));
    };
    let language = match header.as_slice() {
        [path, _, lang] if path == "path" && !lang.is_empty() => lang.clone(),
        _ => {
            return Err((
                1,
                "the first row must be `path,<source language>,<language>`, as exported".into(),
            ))
        }
    };
    let mut returned = Returned {
        language,
        ..Returned::default()
    };
    for (line, row) in rows {
        match <[String; 3]>::try_from(row) {
            Ok([at, source, translation]) => {
                let translation = Some(translation).filter(|t| !t.is_empty());
                returned.entries.push((line, at, source, translation));
            }
            Err(row) if row.iter().all(String::is_empty) => {}
            Err(row) => {
                return Err((
                    line,
                    format!(
                        "{} columns; each row has 3: path, text, translation",
                        row.len()
                    ),
                ))
            }
        }
    }
    Ok(returned)
}

/// The rows of a CSV file (RFC 4180: quoted fields may hold commas, `""` and line breaks),
/// each with the line it starts on.
fn csv_rows(text: &str) -> Result<Vec<(usize, Vec<String>)>, Problem> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let (mut line, mut start) = (1, 1);
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push((start, std::mem::take(&mut row)));
                line += 1;
                start = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err((start, "a quoted field is never closed".into()));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push((start, row));
    }
    Ok(rows)
}

/// What importing made: the overlay file's text, how many texts it translates of how many,
/// and the problems of entries it left out.
#[derive(Debug)]
pub struct Imported {
    /// The overlay, as `flow::translation` reads it.
    pub overlay: String,
    /// Texts translated.
    pub translated: usize,
    /// Texts in the flow.
    pub texts: usize,
    /// Entries not used, by line.
    pub skipped: Vec<Problem>,
}

/// Makes the overlay of `returned` for `flow` (read from `text`): every entry whose path and
/// source text are still the flow's; the others are listed as skipped.
pub fn import(text: &str, flow: &ValidFlow, returned: &Returned) -> Result<Imported, String> {
    let current = catalog(text, flow, &returned.language, None)?;
    let mut skipped = Vec::new();
    let mut found: Vec<Option<String>> = current
        .texts
        .iter()
        .map(|t| t.source.is_empty().then(String::new))
        .collect();
    for (line, at, source, translation) in &returned.entries {
        let Some(i) = current
            .texts
            .iter()
            .position(|t| t.at == *at && !t.source.is_empty())
        else {
            skipped.push((*line, format!("`{at}`: the flow has no such text")));
            continue;
        };
        if current.texts[i].source != *source {
            skipped.push((
                *line,
                format!("`{at}`: the flow's text changed since the export; translate it again"),
            ));
            continue;
        }
        found[i].clone_from(translation);
    }
    let texts = current.to_translate().count();
    let version = returned
        .source_version
        .clone()
        .unwrap_or(current.source_version);
    let mut root: Vec<(Cow<str>, Json)> = vec![
        ("format".into(), Json::Number("1")),
        ("flow".into(), Json::String(current.flow.into())),
        (
            "language".into(),
            Json::String(returned.language.clone().into()),
        ),
        ("source_version".into(), Json::String(version.into())),
    ];
    let mut translated = 0;
    for (text, translation) in current.texts.into_iter().zip(found) {
        let Some(translation) = translation else {
            continue;
        };
        translated += usize::from(!text.source.is_empty());
        let segments: Vec<&str> = text.at.split('.').collect();
        insert(&mut root, &segments, translation);
    }
    let mut overlay = String::new();
    pretty(&Json::Object(root), 0, &mut overlay);
    overlay.push('\n');
    Ok(Imported {
        overlay,
        translated,
        texts,
        skipped,
    })
}

/// Puts `value` at `path` in an overlay object. A number after a list of texts (`steps.2`) is
/// a place in that list; places before it not yet translated are `null`.
fn insert(object: &mut Vec<(Cow<'static, str>, Json<'static>)>, path: &[&str], value: String) {
    let Some((key, rest)) = path.split_first() else {
        return;
    };
    let at = match object.iter().position(|(k, _)| k == key) {
        Some(at) => at,
        None => {
            let empty = match rest {
                [] => Json::Null,
                [index] if index.bytes().all(|b| b.is_ascii_digit()) => Json::Array(Vec::new()),
                _ => Json::Object(Vec::new()),
            };
            object.push(((*key).to_owned().into(), empty));
            object.len() - 1
        }
    };
    match (&mut object[at].1, rest) {
        (slot, []) => *slot = Json::String(value.into()),
        (Json::Array(items), [index]) => {
            // Only the flow's own paths reach here, so the place is one its list has.
            if let Ok(index) = index.parse::<usize>() {
                items.resize(items.len().max(index + 1), Json::Null);
                items[index] = Json::String(value.into());
            }
        }
        (Json::Object(inner), rest) => insert(inner, rest, value),
        _ => {}
    }
}

/// JSON as people write it: two spaces a level, one member or item a line.
fn pretty(value: &Json, depth: usize, out: &mut String) {
    let indent = |out: &mut String, depth: usize| out.extend(std::iter::repeat_n("  ", depth));
    match value {
        Json::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(out, depth + 1);
                pretty(item, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
        Json::Object(entries) if !entries.is_empty() => {
            out.push_str("{\n");
            for (i, (key, item)) in entries.iter().enumerate() {
                indent(out, depth + 1);
                out.push_str(&json::quote(key));
                out.push_str(": ");
                pretty(item, depth + 1, out);
                out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push('}');
        }
        other => other.write(out),
    }
}
