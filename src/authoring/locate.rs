//! Where a JSON path such as `nodes[4].options[1].next` is in a flow's text, as a line and a
//! column: problems name paths (the reader and the rules work on values, not on text), and an
//! author editing the file needs the place. The widget never needs this, so the engine's
//! reader (`flow::json`) keeps no positions.

use std::collections::HashMap;

/// The places of every value and object key in a JSON text.
pub struct Locator {
    /// Byte offset by path: for an object's member, where its key starts (an unknown key is
    /// then underlined itself); for the root and array items, where the value starts.
    spots: HashMap<String, usize>,
    /// Byte offset where each line starts.
    lines: Vec<usize>,
    text: String,
}

/// A place in a text: 1-based line and column (columns count characters, as syntax errors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

impl Locator {
    /// Indexes `text`, which should be JSON that parses (for anything else, only what comes
    /// before the first mistake is indexed).
    pub fn new(text: &str) -> Locator {
        let mut scan = Scan {
            bytes: text.as_bytes(),
            text,
            pos: 0,
            spots: HashMap::new(),
        };
        scan.value(&mut String::new(), 0);
        let mut lines = vec![0];
        lines.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Locator {
            spots: scan.spots,
            lines,
            text: text.to_owned(),
        }
    }

    /// Where `path` is; or, for a path the text does not have (a key the flow lacks), where
    /// its nearest ancestor is. `None` only for an empty text.
    pub fn find(&self, path: &str) -> Option<Place> {
        let mut path = path;
        loop {
            if let Some(&offset) = self.spots.get(path) {
                return Some(self.place(offset));
            }
            if path.is_empty() {
                return None;
            }
            // Drop the last `.key` or `[n]`.
            let cut = path.rfind(['.', '[']).unwrap_or(0);
            path = &path[..cut];
        }
    }

    /// The line and column of a byte offset.
    pub fn place(&self, offset: usize) -> Place {
        let line = self.lines.partition_point(|&start| start <= offset);
        let start = self.lines[line - 1];
        let column = self.text[start..offset.min(self.text.len())]
            .chars()
            .count()
            + 1;
        Place { line, column }
    }
}

struct Scan<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    spots: HashMap<String, usize>,
}

/// The nesting the engine's reader allows; deeper text does not parse.
const MAX_NESTING: usize = 64;

impl Scan<'_> {
    fn space(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Reads one value at `path`; returns false at a mistake, where the scan stops.
    fn value(&mut self, path: &mut String, depth: usize) -> bool {
        self.space();
        self.spots.entry(path.clone()).or_insert(self.pos);
        if depth > MAX_NESTING {
            return false;
        }
        match self.bytes.get(self.pos) {
            Some(b'{') => self.object(path, depth),
            Some(b'[') => self.array(path, depth),
            Some(b'"') => self.string().is_some(),
            Some(_) => {
                // A number, true, false or null: up to the next delimiter.
                while !matches!(
                    self.bytes.get(self.pos),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.pos += 1;
                }
                true
            }
            None => false,
        }
    }

    fn object(&mut self, path: &mut String, depth: usize) -> bool {
        self.pos += 1;
        loop {
            self.space();
            match self.bytes.get(self.pos) {
                Some(b'}') => {
                    self.pos += 1;
                    return true;
                }
                Some(b',') => self.pos += 1,
                Some(b'"') => {
                    let at = self.pos;
                    let Some(key) = self.string() else {
                        return false;
                    };
                    self.space();
                    if self.bytes.get(self.pos) != Some(&b':') {
                        return false;
                    }
                    self.pos += 1;
                    let len = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&key);
                    self.spots.entry(path.clone()).or_insert(at);
                    let ok = self.value(path, depth + 1);
                    path.truncate(len);
                    if !ok {
                        return false;
                    }
                }
                _ => return false,
            }
        }
    }

    fn array(&mut self, path: &mut String, depth: usize) -> bool {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.space();
            match self.bytes.get(self.pos) {
                Some(b']') => {
                    self.pos += 1;
                    return true;
                }
                Some(b',') => self.pos += 1,
                Some(_) => {
                    let len = path.len();
                    path.push_str(&format!("[{index}]"));
                    let ok = self.value(path, depth + 1);
                    path.truncate(len);
                    if !ok {
                        return false;
                    }
                    index += 1;
                }
                None => return false,
            }
        }
    }

    /// Reads a string, unescaped.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.pos += 1;
        let mut escaped = false;
        loop {
            match self.bytes.get(self.pos)? {
                b'\\' => {
                    escaped = true;
                    self.pos += 2;
                }
                b'"' => break,
                _ => self.pos += 1,
            }
        }
        self.pos += 1;
        let raw = self.text.get(start..self.pos)?;
        if escaped {
            serde_json::from_str(raw).ok()
        } else {
            Some(raw[1..raw.len() - 1].to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"id\": \"x\",\n  \"nodes\": [\n    { \"id\": \"a\", \"options\": [ {\"next\": \"b\"} ] },\n    { \"é\\\"q\": 1, \"id\": \"b\" }\n  ]\n}";

    fn at(path: &str) -> (usize, usize) {
        let place = Locator::new(TEXT).find(path).unwrap();
        (place.line, place.column)
    }

    #[test]
    fn members_are_found_at_their_keys_and_items_at_their_values() {
        assert_eq!(at(""), (1, 1));
        assert_eq!(at("id"), (2, 3));
        assert_eq!(at("nodes"), (3, 3));
        assert_eq!(at("nodes[0]"), (4, 5));
        assert_eq!(at("nodes[0].options[0].next"), (4, 32));
        assert_eq!(
            at("nodes[1].id"),
            (5, 18),
            "after an escaped key, counted in characters"
        );
        assert_eq!(
            at("nodes[1].é\"q"),
            (5, 7),
            "escaped keys are read unescaped"
        );
    }

    #[test]
    fn a_missing_key_is_placed_at_its_nearest_ancestor() {
        assert_eq!(at("nodes[0].options[0].label"), at("nodes[0].options[0]"));
        assert_eq!(at("nodes[7].next"), at("nodes"));
        assert_eq!(
            Locator::new("").find("id"),
            Some(Place { line: 1, column: 1 })
        );
    }

    #[test]
    fn the_built_in_flow_places_every_node() {
        let text = crate::flow::built_in("microsoft-authenticator").unwrap();
        let locator = Locator::new(text);
        let flow = crate::flow::ValidFlow::from_json(text).unwrap();
        for (i, node) in flow.flow().nodes.iter().enumerate() {
            let place = locator.find(&format!("nodes[{i}].id")).unwrap();
            let line = text.lines().nth(place.line - 1).unwrap();
            assert!(line.contains(&format!("\"{}\"", node.id())), "{line}");
        }
    }

    #[test]
    fn text_that_stops_short_is_indexed_up_to_the_mistake() {
        let locator = Locator::new("{\"a\": [1, 2,, {\"b\" 3}]}");
        assert_eq!(locator.find("a[1]").map(|p| p.column), Some(11));
        assert_eq!(locator.find("a[2].b").map(|p| p.column), Some(15));
    }
}
