// Shared by fuzz_targets/pattern.rs and tests/fuzz_regressions.rs, so both compare alike.

/// What regex-lite says about the whole value, or `None` when it cannot compile the pattern
/// or reads it otherwise by design: to regex-lite `\<` and `\>` are word boundaries, to the
/// flow matcher escaped punctuation, as `\<` is in JavaScript.
fn reference(pattern: &str, value: &str) -> Option<Option<String>> {
    if pattern.contains("\\<") || pattern.contains("\\>") {
        return None;
    }
    let (flags, body) = match pattern.strip_prefix("(?i)") {
        Some(rest) => ("(?i)", rest),
        None => ("", pattern),
    };
    let regex = regex_lite::Regex::new(&format!("{flags}^(?:{body})$")).ok()?;
    Some(
        regex
            .captures(value)
            .map(|c| c.name("value").map_or(value, |m| m.as_str()).to_owned()),
    )
}
