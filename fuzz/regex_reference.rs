// Shared by fuzz_targets/pattern.rs and tests/fuzz_regressions.rs, so both compare alike.

/// What regex-lite says about the whole value, or `None` when it cannot compile the pattern
/// or reads it otherwise by design (see [`same_syntax`]).
fn reference(pattern: &str, value: &str) -> Option<Option<String>> {
    if !same_syntax(pattern) {
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

/// Whether regex-lite reads the pattern as the flow matcher does. They differ, by design, in
/// two places, where the flow matcher reads as JavaScript does: `\<` and `\>` are word
/// boundaries to regex-lite and escaped punctuation to the flow matcher; inside a class, `[`
/// opens a nested class and `&&`, `--` and `~~` are set operations to regex-lite, and are plain
/// characters to the flow matcher. And regex-lite 0.1.9 is wrong in one: with `(?i)`, a range
/// that reaches from outside a block of letters into it, such as `[0-a]` or `[A-a]`, does not
/// match the other case of the letters in it (`b` for `B`), which JavaScript and the regex crate
/// do match.
fn same_syntax(pattern: &str) -> bool {
    let folds = pattern.starts_with("(?i)");
    let letter_block = |c: char| match c {
        'A'..='Z' => Some(0),
        'a'..='z' => Some(1),
        _ => None,
    };
    let chars: Vec<char> = pattern.chars().collect();
    // Whether the range from `lo` over the `-` at `dash` is one that regex-lite folds wrongly.
    let misfolded = |lo: char, dash: usize| {
        let hi = match chars.get(dash + 1) {
            Some('\\') => chars.get(dash + 2),
            hi => hi,
        };
        hi.filter(|&&hi| hi != ']').is_some_and(|&hi| {
            let has_letter = (lo..=hi).any(|c| c.is_ascii_alphabetic());
            has_letter && (letter_block(lo).is_none() || letter_block(lo) != letter_block(hi))
        })
    };
    let mut in_class = false;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if matches!(chars.get(i + 1), Some('<' | '>')) => return false,
            '\\' => {
                let range = in_class && folds && chars.get(i + 2) == Some(&'-');
                if range && chars.get(i + 1).is_some_and(|&lo| misfolded(lo, i + 2)) {
                    return false;
                }
                i += 1;
            }
            '[' if in_class => return false,
            '[' => {
                in_class = true;
                // A `]` first (after a `^`) is a character, not the end of the class.
                i += usize::from(chars.get(i + 1) == Some(&'^'));
                i += usize::from(chars.get(i + 1) == Some(&']'));
            }
            ']' => in_class = false,
            c @ ('&' | '-' | '~') if in_class && chars.get(i + 1) == Some(&c) => return false,
            lo if in_class && folds && chars.get(i + 1) == Some(&'-') && misfolded(lo, i + 1) => {
                return false
            }
            _ => {}
        }
        i += 1;
    }
    true
}
