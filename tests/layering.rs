//! The layout's promise, checked from the source: imports run one way (embed -> ui -> flow, and
//! authoring -> flow), and no module of `src/` reaches, through any chain of imports, back to
//! itself. Read from the `use` lines and the `crate::`/`super::` paths in code, with re-exports
//! (`pub use`) followed to the module that defines the item, so a loop through a `mod.rs` counts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`crate::flow::session`) -> source text, for every file of a crate.
type Sources = BTreeMap<String, String>;

/// An import of one module by another, and where it is written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    from: String,
    to: String,
    line: usize,
}

fn read_src(dir: &Path, module: &str, sources: &mut Sources) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            // src/bin holds other crates (flowcheck), which import the library as an outside user.
            if module == "crate" && name == "bin" {
                continue;
            }
            read_src(&path, &format!("{module}::{name}"), sources);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            let path = match name.as_str() {
                "lib" if module == "crate" => module.to_owned(),
                "mod" => module.to_owned(),
                _ => format!("{module}::{name}"),
            };
            sources.insert(path, text);
        }
    }
}

/// The code of a file without comments, string and character literals (kept as blanks so line
/// numbers stay right), and without its `#[cfg(test)]` module, whose `super` is the file itself.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(at) => &text[..at],
        None => text,
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                out.push(blank(chars[i]));
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !is_ident(out.chars().last())
        {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            i += 2 + hashes;
            let close: String = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            while i < chars.len() && !chars[i..].iter().collect::<String>().starts_with(&close) {
                out.push(blank(chars[i]));
                i += 1;
            }
            i += close.len();
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                out.push(blank(chars.get(i).copied().unwrap_or(' ')));
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && next == Some('\\') {
            // An escaped character literal: '\n', '\'', '\u{..}'.
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    // `pub(in crate::flow)` names a module it grants visibility to, not one it imports.
    while let Some(at) = out.find("pub(in ") {
        let end = at + out[at..].find(')').expect("a closed visibility");
        out.replace_range(at..=end, &format!("pub{}", " ".repeat(end - at - 2)));
    }
    out
}

fn is_ident(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The paths a `use` tree names: `a::{b, c::{d as e, self}}` -> `a::b`, `a::c::d`, `a::c`.
fn expand(tree: &str) -> Vec<String> {
    fn go(prefix: &str, tree: &str, out: &mut Vec<String>) {
        let tree = tree.trim();
        if tree.is_empty() {
            return;
        }
        if let Some(open) = tree.find('{') {
            let head = tree[..open].trim().trim_end_matches("::");
            let inner = &tree[open + 1..tree.rfind('}').expect("a closed use tree")];
            let base = join(prefix, head);
            let mut depth = 0;
            let mut start = 0;
            for (k, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        go(&base, &inner[start..k], out);
                        start = k + 1;
                    }
                    _ => {}
                }
            }
            go(&base, &inner[start..], out);
        } else {
            let name = tree.split(" as ").next().unwrap().trim();
            match name {
                "self" => out.push(prefix.to_owned()),
                "*" => out.push(prefix.to_owned()),
                _ => out.push(join(prefix, name)),
            }
        }
    }
    fn join(a: &str, b: &str) -> String {
        match (a.is_empty(), b.is_empty()) {
            (true, _) => b.to_owned(),
            (_, true) => a.to_owned(),
            _ => format!("{a}::{b}"),
        }
    }
    let mut out = Vec::new();
    go(
        "",
        &tree.split_whitespace().collect::<Vec<_>>().join(" "),
        &mut out,
    );
    out
}

/// `super`, `self` and a child module's name made absolute, for a path written in `module`.
fn absolute(sources: &Sources, module: &str, path: &str) -> Option<String> {
    let mut segments: Vec<&str> = module.split("::").collect();
    let mut rest = path.split("::").peekable();
    match *rest.peek()? {
        "crate" => {
            segments = vec!["crate"];
            rest.next();
        }
        "self" => {
            rest.next();
        }
        "super" => {
            while rest.peek() == Some(&"super") {
                rest.next();
                segments.pop();
            }
        }
        // `use child::Item` in a module that declares `mod child`.
        first if sources.contains_key(&format!("{module}::{first}")) => {}
        _ => return None, // another crate (std, yew, ...) or a name in scope
    }
    let mut out = segments.join("::");
    for s in rest {
        out.push_str("::");
        out.push_str(s);
    }
    Some(out)
}

/// The `pub use` lines of a module: the name each makes visible -> the absolute path it names.
fn reexports(sources: &Sources, module: &str, code: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (_, tree) in use_statements(code).into_iter().filter(|(_, t)| t.0) {
        for path in expand(&tree.1) {
            if let Some(abs) = absolute(sources, module, &path) {
                let name = abs.rsplit("::").next().unwrap().to_owned();
                map.insert(name, abs);
            }
        }
    }
    map
}

/// Every `use` statement: its line, whether it is `pub`, and its tree.
fn use_statements(code: &str) -> Vec<(usize, (bool, String))> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = code[at..].find("use ") {
        let start = at + found;
        at = start + 4;
        if is_ident(code[..start].chars().last()) {
            continue;
        }
        let before = code[..start].trim_end();
        let public = before.ends_with("pub") || before.ends_with(')') && before.contains("pub(");
        let Some(end) = code[start..].find(';') else {
            break;
        };
        let tree = code[start + 4..start + end].to_owned();
        let line = code[..start].matches('\n').count() + 1;
        out.push((line, (public, tree)));
        at = start + end;
    }
    out
}

/// The module that defines what `path` names: its longest prefix that is a module, with a name
/// re-exported there followed to where it comes from.
fn defining_module(sources: &Sources, path: &str) -> Option<String> {
    let mut seen = BTreeSet::new();
    let mut path = path.to_owned();
    loop {
        if !seen.insert(path.clone()) {
            return None;
        }
        let segments: Vec<&str> = path.split("::").collect();
        let mut module = String::from(segments[0]);
        let mut k = 1;
        while k < segments.len() && sources.contains_key(&format!("{module}::{}", segments[k])) {
            module = format!("{module}::{}", segments[k]);
            k += 1;
        }
        if k == segments.len() {
            return Some(module);
        }
        let code = code_of(&sources[&module]);
        match reexports(sources, &module, &code).get(segments[k]) {
            Some(target) => {
                let mut next = target.clone();
                for s in &segments[k + 1..] {
                    next.push_str("::");
                    next.push_str(s);
                }
                path = next;
            }
            None => return Some(module),
        }
    }
}

/// Every import between two different modules, by `use` lines and by paths written in code.
fn edges(sources: &Sources) -> Vec<Edge> {
    let mut out = BTreeSet::new();
    for (module, text) in sources {
        let code = code_of(text);
        let mut paths: Vec<(usize, String)> = Vec::new();
        let mut rest = code.clone();
        for (line, (_, tree)) in use_statements(&code) {
            for p in expand(&tree) {
                paths.push((line, p));
            }
            // Blank the statement out so the scan of inline paths below does not see it again.
            rest = rest.replacen(&format!("use {tree};"), &" ".repeat(tree.len() + 5), 1);
        }
        for (n, line) in rest.lines().enumerate() {
            for start in ["crate::", "super::", "self::"] {
                let mut at = 0;
                while let Some(found) = line[at..].find(start) {
                    let s = at + found;
                    at = s + start.len();
                    if is_ident(line[..s].chars().last()) {
                        continue;
                    }
                    let path: String = line[s..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                        .collect();
                    paths.push((n + 1, path.trim_end_matches(':').to_owned()));
                }
            }
        }
        for (line, path) in paths {
            let Some(abs) = absolute(sources, module, &path) else {
                continue;
            };
            let Some(to) = defining_module(sources, &abs) else {
                continue;
            };
            if &to != module {
                out.insert(Edge {
                    from: module.clone(),
                    to,
                    line,
                });
            }
        }
    }
    out.into_iter().collect()
}

/// The loops among modules: for each set of modules that reach one another (more than one), the
/// shortest chain of imports from its first module back to itself.
fn loops(edges: &[Edge]) -> Vec<Vec<Edge>> {
    let mut graph: BTreeMap<&str, Vec<&Edge>> = BTreeMap::new();
    for e in edges {
        graph.entry(&e.from).or_default().push(e);
        graph.entry(&e.to).or_default();
    }
    // Breadth first, so the chain found is a shortest one.
    let chain = |from: &str, to: &str| -> Option<Vec<Edge>> {
        let mut came_by: BTreeMap<&str, &Edge> = BTreeMap::new();
        let mut todo = std::collections::VecDeque::from([from]);
        while let Some(m) = todo.pop_front() {
            for e in &graph[m] {
                if came_by.contains_key(e.to.as_str()) {
                    continue;
                }
                came_by.insert(&e.to, e);
                if e.to == to {
                    let mut out = vec![(*e).clone()];
                    while out[0].from != from {
                        out.insert(0, came_by[out[0].from.as_str()].clone());
                    }
                    return Some(out);
                }
                todo.push_back(&e.to);
            }
        }
        None
    };
    let mut covered = BTreeSet::new();
    let mut out = Vec::new();
    for &m in graph.keys() {
        if covered.contains(m) {
            continue;
        }
        if let Some(found) = chain(m, m) {
            let members: BTreeSet<&str> = graph
                .keys()
                .copied()
                .filter(|&o| chain(m, o).is_some() && chain(o, m).is_some())
                .collect();
            covered.extend(members);
            out.push(found);
        }
    }
    out
}

/// The top-level part of the crate a module belongs to (`flow`, `ui`, ...; `crate` for lib.rs).
fn part(module: &str) -> &str {
    module.split("::").nth(1).unwrap_or("crate")
}

/// Which parts each part may import (beyond itself). `i18n` holds the interface's words.
const ALLOWED: [(&str, &[&str]); 6] = [
    ("flow", &[]),
    ("i18n", &["flow"]),
    // flowcheck's tools and the fuzz properties sit on top: they also drive the element's attribute
    // parser (embed::settings) and the settings it makes (ui::settings).
    ("authoring", &["flow", "i18n", "ui", "embed"]),
    ("ui", &["flow", "i18n"]),
    ("embed", &["ui", "flow", "i18n"]),
    ("crate", &["flow", "i18n", "ui", "embed", "authoring"]),
];

/// Imports that run the wrong way between the crate's parts.
fn wrong_way(edges: &[Edge]) -> Vec<&Edge> {
    edges
        .iter()
        .filter(|e| {
            let (from, to) = (part(&e.from), part(&e.to));
            from != to
                && !ALLOWED
                    .iter()
                    .find(|(p, _)| *p == from)
                    .is_some_and(|(_, allowed)| allowed.contains(&to))
        })
        .collect()
}

fn describe(edges: &[Edge], sources: &Sources) -> String {
    let file = |m: &str| {
        let mut path = m.replacen("crate", "src", 1).replace("::", "/");
        let is_dir = sources.keys().any(|k| k.starts_with(&format!("{m}::")));
        path.push_str(if m == "crate" {
            "/lib.rs"
        } else if is_dir {
            "/mod.rs"
        } else {
            ".rs"
        });
        path
    };
    edges
        .iter()
        .map(|e| format!("  {}:{} imports {}", file(&e.from), e.line, e.to))
        .collect::<Vec<_>>()
        .join("\n")
}

fn crate_sources() -> Sources {
    let mut sources = Sources::new();
    read_src(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        "crate",
        &mut sources,
    );
    sources
}

#[test]
fn no_module_of_src_imports_itself_through_others() {
    let sources = crate_sources();
    let edges = edges(&sources);
    assert!(
        edges.len() > 50,
        "the reader found only {} imports",
        edges.len()
    );
    let found = loops(&edges);
    let report: Vec<String> = found.iter().map(|l| describe(l, &sources)).collect();
    assert!(
        found.is_empty(),
        "import loops in src/:\n{}",
        report.join("\n\n")
    );
}

#[test]
fn imports_run_one_way_between_the_parts() {
    let sources = crate_sources();
    let edges = edges(&sources);
    let wrong: Vec<Edge> = wrong_way(&edges).into_iter().cloned().collect();
    assert!(
        wrong.is_empty(),
        "imports against the layering:\n{}",
        describe(&wrong, &sources)
    );
}

fn synthetic(files: &[(&str, &str)]) -> Sources {
    files
        .iter()
        .map(|(m, t)| (m.to_string(), t.to_string()))
        .collect()
}

#[test]
fn a_loop_through_a_reexport_and_an_inline_path_is_found() {
    // ui/mod.rs re-exports the view, the view reaches back up for the handle: a loop.
    let sources = synthetic(&[
        ("crate", "pub mod ui;\n"),
        (
            "crate::ui",
            "mod view;\npub use view::View;\npub type Handle = u8;\n",
        ),
        (
            "crate::ui::view",
            "use super::Handle; // \"use crate::nothing;\"\npub struct View;\n",
        ),
        (
            "crate::ui::state",
            "pub fn f() -> crate::ui::view::View { todo!() }\n",
        ),
    ]);
    let edges = edges(&sources);
    let found = loops(&edges);
    assert_eq!(found.len(), 1, "{edges:?}");
    let modules: BTreeSet<&str> = found[0].iter().map(|e| e.from.as_str()).collect();
    assert_eq!(modules, BTreeSet::from(["crate::ui", "crate::ui::view"]));
    assert!(edges
        .iter()
        .any(|e| e.from == "crate::ui::state" && e.to == "crate::ui::view"));
    // Neither the comment nor the string literal counts.
    assert!(edges.iter().all(|e| !e.to.contains("nothing")));
}

#[test]
fn a_nested_use_tree_and_a_wrong_way_import_are_found() {
    let sources = synthetic(&[
        ("crate", "pub mod flow;\npub mod ui;\n"),
        ("crate::flow", "pub mod a;\npub mod b;\n"),
        (
            "crate::flow::a",
            "use crate::{flow::{b::{self, X as Y}}, ui::Thing};\n",
        ),
        ("crate::flow::b", "pub(in crate::flow) struct X;\n"),
        ("crate::ui", "pub struct Thing;\n"),
    ]);
    let edges = edges(&sources);
    assert!(edges
        .iter()
        .any(|e| e.from == "crate::flow::a" && e.to == "crate::flow::b"));
    let wrong = wrong_way(&edges);
    assert_eq!(wrong.len(), 1, "{edges:?}");
    assert_eq!(
        (wrong[0].from.as_str(), wrong[0].to.as_str()),
        ("crate::flow::a", "crate::ui")
    );
    assert!(loops(&edges).is_empty());
}
