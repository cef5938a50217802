//! Helpers shared by the native test files.
#![allow(dead_code)]

use std::path::PathBuf;

use troubleshooter::flow::{FlowError, ValidFlow};

/// The small complete example flow, which validation tests start from and break.
pub const EXAMPLE: &str = include_str!("../../flows/examples/printer-offline.json");

/// The example flow as JSON to change.
pub fn example() -> serde_json::Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

/// The errors of a flow that must be refused.
pub fn errors_of(flow: &serde_json::Value) -> Vec<FlowError> {
    ValidFlow::from_json(&flow.to_string()).expect_err("the flow should be refused")
}

/// Compares `actual` with the golden file `tests/golden/NAME`. With `UPDATE_GOLDEN=1` the file
/// is written instead, so that a wording change shows up as a reviewed diff.
pub fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}; run with UPDATE_GOLDEN=1 to write it",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a);
        panic!(
            "{} differs (first at line {}); run with UPDATE_GOLDEN=1 and review the diff.\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display(),
            first.map_or("end".to_owned(), |l| (l + 1).to_string())
        );
    }
}

/// Decodes percent-encoding (RFC 3986), as a mail app reading a mailto link does.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 3 <= bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Splits a mailto URL into its address and its header fields, decoded.
pub fn parse_mailto(url: &str) -> (String, Vec<(String, String)>) {
    let rest = url.strip_prefix("mailto:").expect("a mailto URL");
    let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
    let fields = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("name=value");
            (percent_decode(k), percent_decode(v))
        })
        .collect();
    (percent_decode(to), fields)
}
