//! Named placeholders in flow text: `{upn}`, `{org_name}`; `{{` and `}}` are literal braces.

/// A piece of a template: literal text or a placeholder name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text to copy as it is (braces already unescaped).
    Text(std::borrow::Cow<'a, str>),
    /// A placeholder's name.
    Placeholder(&'a str),
}

/// Splits a template into pieces, or says why it cannot.
pub fn pieces(template: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut literal = String::new();
    let mut rest = template;
    while let Some(pos) = rest.find(['{', '}']) {
        literal.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if let Some(after) = tail.strip_prefix("{{").or_else(|| tail.strip_prefix("}}")) {
            literal.push_str(&tail[..1]);
            rest = after;
        } else if let Some(after) = tail.strip_prefix('{') {
            let end = after
                .find('}')
                .ok_or_else(|| format!("`{{` at `{}` is never closed", snippet(tail)))?;
            let name = &after[..end];
            if !is_name(name) {
                return Err(format!(
                    "`{{{name}}}` is not a placeholder name (lowercase letters, digits, `_` and `-`); write `{{{{` for a literal brace"
                ));
            }
            if !literal.is_empty() {
                out.push(Piece::Text(std::mem::take(&mut literal).into()));
            }
            out.push(Piece::Placeholder(name));
            rest = &after[end + 1..];
        } else {
            return Err(format!(
                "`}}` at `{}` closes nothing; write `}}}}` for a literal brace",
                snippet(tail)
            ));
        }
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        out.push(Piece::Text(literal.into()));
    }
    Ok(out)
}

/// The placeholder names a template uses (empty when it does not parse).
pub fn names(template: &str) -> Vec<&str> {
    pieces(template)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| match p {
            Piece::Placeholder(name) => Some(name),
            Piece::Text(_) => None,
        })
        .collect()
}

/// Fills a template. Returns `None` when the template has placeholders and every one of them is
/// empty, so that such a line is dropped rather than sent half blank.
pub fn fill(template: &str, lookup: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::with_capacity(template.len());
    fill_into(template, lookup, &mut |piece, _| out.push_str(piece))?;
    Some(out)
}

/// Fills a template piece by piece: `push` gets each text and each value that is not empty,
/// with `true` for a value. `None` (after pushing) as for [`fill`]. A template that does not
/// parse is pushed as text.
pub fn fill_into(
    template: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
    push: &mut dyn FnMut(&str, bool),
) -> Option<()> {
    let Ok(pieces) = pieces(template) else {
        push(template, false);
        return Some(());
    };
    let (mut placeholders, mut filled) = (0, 0);
    for piece in pieces {
        match piece {
            Piece::Text(text) => push(&text, false),
            Piece::Placeholder(name) => {
                placeholders += 1;
                if let Some(value) = lookup(name).filter(|v| !v.trim().is_empty()) {
                    filled += 1;
                    push(&value, true);
                }
            }
        }
    }
    (placeholders == 0 || filled > 0).then_some(())
}

/// Whether `name` is a valid id or placeholder name.
pub fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn snippet(text: &str) -> String {
    text.chars().take(20).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<String> {
        match name {
            "upn" => Some("ada@contoso.com".into()),
            "empty" => Some("  ".into()),
            _ => None,
        }
    }

    #[test]
    fn fills_placeholders_and_unescapes_braces() {
        assert_eq!(
            fill("Sign-in: {upn} {{x}}", &lookup).as_deref(),
            Some("Sign-in: ada@contoso.com {x}")
        );
    }

    #[test]
    fn drops_a_line_whose_placeholders_are_all_empty() {
        assert_eq!(fill("Error code: {missing}", &lookup), None);
        assert_eq!(fill("Code: {missing} {empty}", &lookup), None);
        assert_eq!(
            fill("{upn} / {missing}", &lookup).as_deref(),
            Some("ada@contoso.com / ")
        );
        assert_eq!(
            fill("No placeholders", &lookup).as_deref(),
            Some("No placeholders")
        );
    }

    #[test]
    fn reports_broken_placeholders() {
        assert!(pieces("Hello {upn").unwrap_err().contains("never closed"));
        assert!(pieces("Hello upn}").unwrap_err().contains("closes nothing"));
        assert!(pieces("Hello {Upn}")
            .unwrap_err()
            .contains("not a placeholder name"));
        assert_eq!(names("{a} and {b-c} {{d}}"), vec!["a", "b-c"]);
    }
}
