//! A small JSON reader for flow files, and the writer of the one JSON text the widget writes (a
//! session's snapshot). It is here, rather than serde_json, because the widget downloads every
//! byte: this is a fraction of serde's generic code, and it keeps what flow errors need (the
//! line and column of a syntax error). Numbers are kept as their text and read as whole numbers
//! where the format wants one, so no float parsing is linked in.

/// A JSON value. Strings without escapes borrow from the text, so reading a file allocates
/// little more than the lists and the strings that are kept.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written.
    Number(&'a str),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object, keys in file order.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl Json<'_> {
    /// The kind of value, for error messages ("expected a string, found a number").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }

    /// The value as compact JSON text (no white space), which [`parse`] reads back as it was.
    /// The one JSON writer in the widget, so that what it keeps (a session's snapshot) is
    /// written by the same rules as everything it reads.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(s, out),
            Json::Array(items) => {
                out.push('[');
                for item in items {
                    item.write(out);
                    out.push(',');
                }
                close(out, ']');
            }
            Json::Object(entries) => {
                out.push('{');
                for (key, value) in entries {
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                    out.push(',');
                }
                close(out, '}');
            }
        }
    }
}

/// Writes a string as a JSON string literal.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_string(text, &mut out);
    out
}

/// Ends a list or an object: the comma after its last item goes (a `[` or `{` that opened an
/// empty one stays).
fn close(out: &mut String, end: char) {
    if out.ends_with(',') {
        out.pop();
    }
    out.push(end);
}

/// Writes a string literal onto `out`, escaping what JSON requires and nothing more.
fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Below U+0020, so two hex digits after `00`. By hand: this was the widget's only
            // `{:x}`, and `format!` for it cost the download about 180 bytes.
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[c as usize >> 4]));
                out.push(char::from(HEX[c as usize & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A syntax error: where (1-based line and column) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: &'static str,
}

use std::borrow::Cow;

/// How deeply arrays and objects may nest; flows need a handful of levels.
const MAX_NESTING: usize = 64;

/// Reads one JSON value that fills the whole text.
pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    let mut reader = Reader {
        text,
        pos: 0,
        depth: 0,
    };
    let value = reader.value()?;
    reader.space();
    if reader.pos < text.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, message: &'static str) -> SyntaxError {
        let before = &self.text[..self.pos];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        SyntaxError {
            line,
            column,
            message,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    fn value(&mut self) -> Result<Json<'a>, SyntaxError> {
        self.space();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.nested(true),
            Some(b'[') => self.nested(false),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                for (word, value) in [
                    ("true", Json::Bool(true)),
                    ("false", Json::Bool(false)),
                    ("null", Json::Null),
                ] {
                    if self.text[self.pos..].starts_with(word) {
                        self.pos += word.len();
                        return Ok(value);
                    }
                }
                Err(self.error("expected value"))
            }
        }
    }

    fn nested(&mut self, object: bool) -> Result<Json<'a>, SyntaxError> {
        if self.depth == MAX_NESTING {
            return Err(self.error("too deeply nested"));
        }
        self.depth += 1;
        self.pos += 1;
        let value = if object { self.object() } else { self.array() };
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Result<Json<'a>, SyntaxError> {
        let mut entries = Vec::new();
        if self.eat(b'}') {
            return Ok(Json::Object(entries));
        }
        loop {
            self.space();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return Err(self.error("expected `:`"));
            }
            entries.push((key, self.value()?));
            if !self.more(b'}', "EOF while parsing an object", "expected `,` or `}`")? {
                return Ok(Json::Object(entries));
            }
        }
    }

    fn array(&mut self) -> Result<Json<'a>, SyntaxError> {
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            if !self.more(b']', "EOF while parsing a list", "expected `,` or `]`")? {
                return Ok(Json::Array(items));
            }
        }
    }

    /// After an entry or item: `false` at `close`, `true` past a comma, else the error for the
    /// end of the text (`eof`) or for anything else (`expected`).
    fn more(
        &mut self,
        close: u8,
        eof: &'static str,
        expected: &'static str,
    ) -> Result<bool, SyntaxError> {
        if self.eat(close) {
            return Ok(false);
        }
        if self.eat(b',') {
            return Ok(true);
        }
        Err(self.error(if self.peek().is_none() { eof } else { expected }))
    }

    fn number(&mut self) -> Result<Json<'a>, SyntaxError> {
        let start = self.pos;
        self.pos += usize::from(self.peek() == Some(b'-'));
        let digits = |r: &mut Self| {
            let from = r.pos;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.pos += 1;
            }
            r.pos > from
        };
        // A leading zero stands alone: `01` is not a JSON number.
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if !digits(self) {
            return Err(self.error("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        Ok(Json::Number(&self.text[start..self.pos]))
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1; // the opening quote
        let mut out = String::new();
        let text: &'a str = self.text;
        let bytes = text.as_bytes();
        loop {
            // The bytes that end a run are all ASCII, and no byte of a multi-byte UTF-8
            // character is, so scanning bytes finds them without decoding characters.
            let start = self.pos;
            while self.pos < bytes.len() && !matches!(bytes[self.pos], b'"' | b'\\' | 0..=0x1f) {
                self.pos += 1;
            }
            let run = &text[start..self.pos];
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') if out.is_empty() => {
                    self.pos += 1;
                    return Ok(Cow::Borrowed(run));
                }
                Some(b'"') => {
                    self.pos += 1;
                    out.push_str(run);
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(run);
                    self.pos += 1;
                }
                Some(_) => return Err(self.error("control character in a string")),
            }
            let escaped = match self.peek() {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => {
                    self.pos += 1;
                    let high = self.hex4()?;
                    let code = if (0xD800..0xDC00).contains(&high)
                        && self.text[self.pos..].starts_with("\\u")
                    {
                        self.pos += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..0xE000).contains(&low) {
                            self.pos -= 6;
                            return Err(self.error(
                                "invalid surrogate pair: a `\\uD800`-`\\uDBFF` escape must be followed by one in `\\uDC00`-`\\uDFFF`",
                            ));
                        }
                        0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        high
                    };
                    out.push(
                        char::from_u32(code).ok_or_else(|| self.error("invalid unicode escape"))?,
                    );
                    continue;
                }
                _ => return Err(self.error("invalid escape")),
            };
            out.push(escaped);
            self.pos += 1;
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let hex = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let value = hex
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.error("invalid unicode escape"))?;
        self.pos += 4;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Json<'_> {
        Json::String(v.into())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\udd10", "c": {}} "#).unwrap();
        assert_eq!(
            value,
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Number("1"),
                        Json::Number("-2.5e3"),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null
                    ])
                ),
                ("b".into(), s("x\"\\/\né🔐")),
                ("c".into(), Json::Object(vec![])),
            ])
        );
    }

    #[test]
    fn quoted_strings_read_back() {
        for text in [
            "plain",
            "quote \" and \\ slash",
            "lines\r\nand\ttabs",
            "bell \u{7}",
            "é🔐",
        ] {
            assert_eq!(parse(&quote(text)).unwrap(), Json::String(text.into()));
        }
    }

    #[test]
    fn locates_syntax_errors() {
        let at = |text: &str| parse(text).map(|_| ()).unwrap_err();
        assert_eq!(
            at("{\n  \"id\": \"x\",\n  oops\n}"),
            SyntaxError {
                line: 3,
                column: 3,
                message: "key must be a string"
            }
        );
        assert_eq!(
            at("{ \"a\": 1,,"),
            SyntaxError {
                line: 1,
                column: 10,
                message: "key must be a string"
            }
        );
        assert_eq!(
            at("{\"nodes\": [ }"),
            SyntaxError {
                line: 1,
                column: 13,
                message: "expected value"
            }
        );
        assert_eq!(at("[1 2]").message, "expected `,` or `]`");
        assert_eq!(at("[1").message, "EOF while parsing a list");
        assert_eq!(at("{\"a\": 1 \"b\"").message, "expected `,` or `}`");
        assert_eq!(at("{\"a\": 1").message, "EOF while parsing an object");
        assert_eq!(at("\"abc").message, "EOF while parsing a string");
        assert_eq!(at("{\"a\": 1} x").message, "trailing characters");
        assert_eq!(at("\"a\u{1}\"").message, "control character in a string");
        assert_eq!(at("01").message, "trailing characters");
        assert_eq!(at(&"[".repeat(100)).message, "too deeply nested");
        assert_eq!(at("\"é\u{1}\"").column, 3, "columns count characters");
        for bad in [
            "\\ud83d\\u0041",
            "\\ud800\\u0000",
            "\\ud800\\udbff",
            "\\ud800\\ud800",
        ] {
            let error = at(&format!("\"ab{bad}\""));
            assert!(error.message.contains("surrogate pair"), "{bad}: {error:?}");
            assert_eq!(
                (error.line, error.column),
                (1, 10),
                "{bad}: at the second escape"
            );
        }
    }
}
