//! The small, safe markup of flow text: paragraphs (blank lines), lists (`- ` or `1. `),
//! `**bold**` and `[links](https://…)`. It becomes a tree of text nodes; nothing is ever
//! inserted into a page as HTML.

/// A block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted (`ordered == false`) or numbered list.
    List {
        /// Numbered or bulleted.
        ordered: bool,
        /// The items.
        items: Vec<Vec<Inline>>,
    },
}

/// A run of text inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold text.
    Bold(String),
    /// A value filled into plain text (a setting, an answer, the reference): isolated when
    /// drawn, since it may run the other way from its line (a code or an address in Arabic).
    /// The parser never makes one; a session's filling does.
    Value(String),
    /// A link; its `href` always starts with `https:`, `mailto:` or `tel:`.
    Link {
        /// The link's words.
        text: String,
        /// Where it goes.
        href: String,
    },
}

/// The link schemes flow text may use.
pub const SCHEMES: [&str; 3] = ["https:", "mailto:", "tel:"];

/// Parses markup. A link with another scheme is kept as plain text here; [`problems`] reports it.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    for chunk in text.split("\n\n").map(str::trim).filter(|c| !c.is_empty()) {
        let lines: Vec<&str> = chunk.lines().map(str::trim).collect();
        let ordered = lines.iter().all(|l| numbered_item(l).is_some());
        let bulleted = lines.iter().all(|l| l.starts_with("- "));
        if ordered || bulleted {
            let items = lines
                .iter()
                .map(|l| {
                    inline(if ordered {
                        numbered_item(l).unwrap_or(l)
                    } else {
                        &l[2..]
                    })
                })
                .collect();
            blocks.push(Block::List { ordered, items });
        } else {
            blocks.push(Block::Paragraph(inline(&lines.join(" "))));
        }
    }
    blocks
}

/// Parses one line of inline markup (bold and links).
pub fn inline(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut scan = Scan::new(text);
    let mut pos = 0;
    while pos < text.len() {
        let rest = &text[pos..];
        let bold_end = if rest.starts_with("**") {
            scan.bold.from(pos + 2)
        } else {
            None
        };
        if let Some(end) = bold_end {
            flush(&mut plain, &mut out);
            out.push(Inline::Bold(text[pos + 2..end].to_owned()));
            pos = end + 2;
        } else if let Some((link_text, href, after)) = scan.link(pos) {
            if SCHEMES.iter().any(|s| href.starts_with(s)) {
                flush(&mut plain, &mut out);
                out.push(Inline::Link {
                    text: link_text.to_owned(),
                    href: href.to_owned(),
                });
            } else {
                plain.push_str(link_text);
            }
            pos = after;
        } else {
            let c = rest.chars().next().unwrap_or_default();
            plain.push(c);
            pos += c.len_utf8();
        }
    }
    flush(&mut plain, &mut out);
    out
}

/// What is wrong with a piece of markup, for validation: unclosed bold, links with other schemes.
pub fn problems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if text.matches("**").count() % 2 == 1 {
        out.push("`**` opens bold text that is never closed".to_owned());
    }
    let mut scan = Scan::new(text);
    let mut pos = 0;
    while let Some(found) = scan.open.from(pos) {
        match scan.link(found) {
            Some((_, href, after)) => {
                if !SCHEMES.iter().any(|s| href.starts_with(s)) || href.len() <= "tel:".len() {
                    out.push(format!(
                        "the link `{href}` must start with https:, mailto: or tel:"
                    ));
                }
                pos = after;
            }
            None => pos = found + 1,
        }
    }
    out
}

/// The plain words of inline markup, without the markup itself.
pub fn plain_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Bold(t) | Inline::Value(t) => t.as_str(),
            Inline::Link { text, .. } => text.as_str(),
        })
        .collect()
}

/// Every run of a block, in order.
pub fn block_runs(block: &Block) -> Vec<&Inline> {
    match block {
        Block::Paragraph(runs) => runs.iter().collect(),
        Block::List { items, .. } => items.iter().flatten().collect(),
    }
}

/// The plain words of a block; list items are joined with "; ".
pub fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph(runs) => plain_text(runs),
        Block::List { items, .. } => items
            .iter()
            .map(|i| plain_text(i))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// Finds the markup of one text from left to right. Each search remembers where it found its
/// string, and where it found none, so a text of many `[` without a `](` after them is read
/// once rather than once per `[`.
struct Scan<'a> {
    text: &'a str,
    open: Next<'a>,
    bold: Next<'a>,
    middle: Next<'a>,
    close: Next<'a>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str) -> Self {
        Scan {
            text,
            open: Next::new(text, "["),
            bold: Next::new(text, "**"),
            middle: Next::new(text, "]("),
            close: Next::new(text, ")"),
        }
    }

    /// The link `[text](href)` at `pos`, if there is one: its text, its address and where
    /// the text goes on after it. Calls must come with `pos` never going back.
    fn link(&mut self, pos: usize) -> Option<(&'a str, &'a str, usize)> {
        if !self.text[pos..].starts_with('[') {
            return None;
        }
        let middle = self.middle.from(pos + 1)?;
        let end = self.close.from(middle + 2)?;
        Some((
            &self.text[pos + 1..middle],
            &self.text[middle + 2..end],
            end + 1,
        ))
    }
}

/// The next place of one string in a text, for searches that only move forward.
struct Next<'a> {
    text: &'a str,
    needle: &'static str,
    /// The last place found: the first at or after every search so far.
    found: Option<usize>,
    /// The search start after which the text has no more of the string.
    none_after: Option<usize>,
}

impl<'a> Next<'a> {
    fn new(text: &'a str, needle: &'static str) -> Self {
        Next {
            text,
            needle,
            found: None,
            none_after: None,
        }
    }

    /// The first place of the string at or after `from`; `from` must not go back.
    fn from(&mut self, from: usize) -> Option<usize> {
        if let Some(found) = self.found.filter(|&f| f >= from) {
            return Some(found);
        }
        if self.none_after.is_some_and(|start| start <= from) {
            return None;
        }
        match self
            .text
            .get(from..)
            .and_then(|rest| rest.find(self.needle))
        {
            Some(at) => {
                self.found = Some(from + at);
                self.found
            }
            None => {
                self.none_after = Some(from);
                None
            }
        }
    }
}

fn numbered_item(line: &str) -> Option<&str> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0)
        .then(|| line[digits..].strip_prefix(". "))
        .flatten()
}

fn flush(plain: &mut String, out: &mut Vec<Inline>) {
    if !plain.is_empty() {
        out.push(Inline::Text(std::mem::take(plain)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn parses_paragraphs_lists_bold_and_links() {
        let blocks = parse(
            "Open **Security info**.\nThen sign in.\n\n- one\n- [two](https://aka.ms/mysecurityinfo)\n\n1. a\n2. b",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![
                    text("Open "),
                    Inline::Bold("Security info".into()),
                    text(". Then sign in.")
                ]),
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![text("one")],
                        vec![Inline::Link {
                            text: "two".into(),
                            href: "https://aka.ms/mysecurityinfo".into()
                        }],
                    ],
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![text("a")], vec![text("b")]]
                },
            ]
        );
    }

    #[test]
    fn never_makes_a_link_of_another_scheme() {
        assert_eq!(inline("[click](javascript:alert(1))"), vec![text("click)")]);
        assert_eq!(inline("<b>x</b>"), vec![text("<b>x</b>")]);
        let found = problems("[a](javascript:x) [b](http://x) [c](https://ok) **open");
        assert_eq!(found.len(), 3, "{found:?}");
    }
}
