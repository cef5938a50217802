//! Embeds the built-in flows without their indentation: the widget downloads every byte, while
//! the files in flows/ stay readable for review. Also turns the element's attribute list,
//! declared once in src/embed/attributes.txt, into the Rust list the settings parser is tested
//! against (scripts/entry.mjs reads the same file for troubleshooter.js).

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // One entry per flow in `flow::BUILT_IN`.
    let flows: &[&str] = &["microsoft-authenticator.json"];
    for name in flows {
        let source = Path::new("flows").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source).expect("a built-in flow file");
        let mut json = minify(&text);
        // The widget never reads a field's `example` (flowcheck and the tests type it) nor the
        // editor's `$schema`; native builds keep them, since the tests walk the flow with them.
        if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
            json = drop_string_member(&json, ",\"example\":");
            json = drop_string_member(&json, "\"$schema\":");
        }
        std::fs::write(Path::new(&out).join(name), json).expect("OUT_DIR is writable");
    }
    attributes(Path::new(&out));
}

/// Writes `attributes.rs`: the names of src/embed/attributes.txt as an array expression, for
/// `embed::settings::ATTRIBUTES`.
fn attributes(out: &Path) {
    let source = Path::new("src/embed/attributes.txt");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(source).expect("the attribute list");
    let names: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|name| {
            // Names go into Rust and JavaScript source as they are, so only these characters.
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "`{name}` in {} is not an attribute name",
                source.display()
            );
            format!("{name:?}")
        })
        .collect();
    let list = format!("[{}]", names.join(", "));
    std::fs::write(out.join("attributes.rs"), list).expect("OUT_DIR is writable");
}

/// Removes every `key` (as written in minified JSON, with its leading comma or not) and the
/// string value after it. A raw `"` cannot occur inside a JSON string, so `key` found in the
/// text is always a member name, never part of a value.
fn drop_string_member(json: &str, key: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(at) = rest.find(key) {
        out.push_str(&rest[..at]);
        let value = &rest[at + key.len()..];
        assert!(value.starts_with('"'), "`{key}` takes a string");
        let mut end = 1;
        let mut escaped = false;
        for (i, c) in value.char_indices().skip(1) {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &value[end..];
        // Without a leading comma the member was first: drop the comma that followed it.
        if !key.starts_with(',') {
            rest = rest.strip_prefix(',').unwrap_or(rest);
        }
    }
    out.push_str(rest);
    out
}

/// Drops whitespace outside JSON strings.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
