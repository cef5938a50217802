//! Embeds the built-in flows without their indentation: the widget downloads every byte, while
//! the files in flows/ stay readable for review.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // One entry per flow in `flow::BUILT_IN`.
    let flows: &[&str] = &["microsoft-authenticator.json"];
    for name in flows {
        let source = Path::new("flows").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source).expect("a built-in flow file");
        std::fs::write(Path::new(&out).join(name), minify(&text)).expect("OUT_DIR is writable");
    }
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
