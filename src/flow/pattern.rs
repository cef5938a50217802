//! The regular expressions of `pattern` fields: a small, documented subset, matched by a Pike
//! virtual machine (a Thompson NFA simulation) in time linear in the input, whatever the
//! pattern. It replaces a general regex crate, which was a large part of the widget's size.
//!
//! Supported: literals and `\`-escaped punctuation; `.`; `\d \D \w \W \s \S` (ASCII); classes
//! `[a-z0-9_-]` and `[^...]`; groups `(...)`, `(?:...)`, `(?<name>...)`, `(?P<name>...)`;
//! alternation `|`; greedy `* + ? {n} {n,} {n,m}`; anchors `^ $`; `(?i)` at the very start for
//! case-insensitive matching of ASCII letters. A field's whole value must match; a group named `value` picks the
//! part that is kept.
//!
//! The costs are bounded by [`limits`]: a pattern's length and nesting, its compiled size, and
//! the compile steps of all a flow's patterns. Matching runs each instruction at most once per
//! character, so it takes at most `(characters + 1) × instructions` steps.

use super::error::limits;

/// A compiled pattern; equal when compiled from the same source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    program: Vec<Inst>,
    /// Each class once, however many times a repetition copies it into the program.
    classes: Vec<Class>,
    /// Whether the pattern has a group named `value` (its bounds are the only capture kept).
    has_value: bool,
    ignore_case: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inst {
    Char(char),
    Any,
    /// An index into `classes`.
    Class(u32),
    Split(u32, u32),
    Jmp(u32),
    /// The start (0) or end (1) of the `value` group. Other groups only group, so they save
    /// nothing, and a thread carries two offsets whatever the number of groups.
    Save(u8),
    Start,
    End,
    Match,
}

/// The start and end of the `value` group in one thread.
type Slots = [Option<usize>; 2];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Class {
    negated: bool,
    /// Sorted, merged ranges, so that a character is found by binary search.
    ranges: Vec<(char, char)>,
}

impl Class {
    fn contains(&self, c: char, ignore_case: bool) -> bool {
        let hit = |c: char| {
            let after = self.ranges.partition_point(|&(lo, _)| lo <= c);
            after > 0 && c <= self.ranges[after - 1].1
        };
        let found = hit(c) || (ignore_case && (hit(lower(c)) || hit(upper(c))));
        found != self.negated
    }

    /// Sorts and merges the ranges: `[aaaa…]` is one range however often it repeats a letter.
    fn normalise(mut self) -> Class {
        self.ranges.sort_unstable();
        let mut merged: Vec<(char, char)> = Vec::with_capacity(self.ranges.len());
        for (lo, hi) in self.ranges {
            match merged.last_mut() {
                Some(last) if lo as u32 <= last.1 as u32 + 1 => last.1 = last.1.max(hi),
                _ => merged.push((lo, hi)),
            }
        }
        self.ranges = merged;
        self
    }
}

// Case folding is ASCII-only, as in regex-lite: patterns are for codes and ids, and Unicode
// case tables would add to every download.
fn lower(c: char) -> char {
    c.to_ascii_lowercase()
}

fn upper(c: char) -> char {
    c.to_ascii_uppercase()
}

/// The parsed pattern.
#[derive(Debug, Clone)]
enum Ast {
    Empty,
    Char(char),
    Any,
    /// An index into the parser's classes.
    Class(u32),
    Start,
    End,
    /// A group; `true` for the group named `value`.
    Group(Box<Ast>, bool),
    Concat(Vec<Ast>),
    Alternate(Vec<Ast>),
    Repeat(Box<Ast>, u32, Option<u32>),
}

impl Pattern {
    /// Compiles a pattern, or says what in it is not supported.
    pub fn new(source: &str) -> Result<Pattern, String> {
        let mut budget = limits::MAX_PATTERN_WORK;
        Pattern::within(source, &mut budget)
    }

    /// Compiles a pattern with what is left of a flow's compile budget
    /// ([`limits::MAX_PATTERN_WORK`]), and takes what it used from `budget`.
    pub fn within(source: &str, budget: &mut usize) -> Result<Pattern, String> {
        let (ignore_case, body) = match source.strip_prefix("(?i)") {
            Some(rest) => (true, rest),
            None => (false, source),
        };
        let length = source.chars().count();
        if length > limits::MAX_PATTERN_LENGTH {
            return Err(format!(
                "the pattern is {length} characters long; at most {} are allowed",
                limits::MAX_PATTERN_LENGTH
            ));
        }
        let chars: Vec<char> = body.chars().collect();
        let mut parser = Parser {
            chars,
            pos: 0,
            depth: 0,
            value: false,
            names: Vec::new(),
            classes: Vec::new(),
        };
        let ast = parser.alternation()?;
        if parser.pos < parser.chars.len() {
            return Err(format!("unexpected `{}`", parser.chars[parser.pos]));
        }
        let full = *budget == limits::MAX_PATTERN_WORK;
        let mut compiler = Compiler {
            program: Vec::new(),
            budget: *budget,
        };
        let compiled = compiler
            .emit_ast(&ast)
            .and_then(|()| compiler.push(Inst::Match));
        *budget = compiler.budget;
        compiled.map_err(|too_large| match too_large {
            TooLarge::Program => format!(
                "the pattern is too large (its repetitions make it longer than {} instructions)",
                limits::MAX_PATTERN_PROGRAM
            ),
            TooLarge::Work if full => format!(
                "the pattern is too large (its repetitions take more than {} steps to compile)",
                limits::MAX_PATTERN_WORK
            ),
            TooLarge::Work => format!(
                "the flow's patterns are too large together (they take more than {} steps to compile)",
                limits::MAX_PATTERN_WORK
            ),
        })?;
        Ok(Pattern {
            program: compiler.program,
            classes: parser.classes,
            has_value: parser.value,
            ignore_case,
        })
    }

    /// The number of instructions of the compiled pattern.
    pub fn program_len(&self) -> usize {
        self.program.len()
    }

    /// About how many bytes the compiled pattern holds: its program and its classes.
    pub fn heap_bytes(&self) -> usize {
        self.program.len() * std::mem::size_of::<Inst>()
            + self
                .classes
                .iter()
                .map(|c| c.ranges.len() * std::mem::size_of::<(char, char)>())
                .sum::<usize>()
    }

    /// When the whole of `text` matches: the part in the group named `value`, or all of it
    /// (also when that group took no part in the match).
    pub fn matched<'t>(&self, text: &'t str) -> Option<&'t str> {
        let slots = self.run(text, &mut 0)?;
        match slots {
            [Some(s), Some(e)] if self.has_value => Some(&text[s..e]),
            _ => Some(text),
        }
    }

    /// The steps matching `text` takes: instructions visited, over all threads and characters.
    /// For tests of the linear-time promise: it is at most `(characters + 1) × program_len()`.
    pub fn steps(&self, text: &str) -> usize {
        let mut steps = 0;
        self.run(text, &mut steps);
        steps
    }

    /// Runs the Pike VM anchored at the start; a thread that reaches `Match` at the end wins,
    /// and earlier threads have priority, as in leftmost-first regex engines. `steps` counts
    /// the instructions visited.
    fn run(&self, text: &str, steps: &mut usize) -> Option<Slots> {
        let positions: Vec<(usize, char)> = text.char_indices().collect();
        let n = positions.len();
        let mut vm = Vm {
            seen: vec![usize::MAX; self.program.len()],
            stack: Vec::new(),
            steps: 0,
        };
        let mut current = Vec::new();
        let mut next = Vec::new();
        self.add(&mut vm, &mut current, 0, [None; 2], 0, n, 0);
        let mut found = None;
        'steps: for step in 0..=n {
            let c = positions.get(step).map(|p| p.1);
            let next_offset = positions.get(step + 1).map_or(text.len(), |p| p.0);
            for &(pc, slots) in &current {
                vm.steps += 1;
                let consumes = match (self.program[pc as usize], c) {
                    (Inst::Match, _) if step == n => {
                        found = Some(slots);
                        break 'steps;
                    }
                    (Inst::Char(want), Some(c)) => {
                        want == c || (self.ignore_case && lower(want) == lower(c))
                    }
                    (Inst::Any, Some(c)) => c != '\n',
                    (Inst::Class(class), Some(c)) => {
                        self.classes[class as usize].contains(c, self.ignore_case)
                    }
                    _ => false,
                };
                if consumes {
                    self.add(&mut vm, &mut next, pc + 1, slots, step + 1, n, next_offset);
                }
            }
            std::mem::swap(&mut current, &mut next);
            next.clear();
            if current.is_empty() {
                break;
            }
        }
        *steps += vm.steps;
        found
    }

    /// Adds a thread and everything reachable from it without consuming a character, in
    /// priority order, each instruction once per step (`seen`). Iterative: a long chain of
    /// splits must not overflow the stack.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &self,
        vm: &mut Vm,
        list: &mut Vec<(u32, Slots)>,
        pc: u32,
        slots: Slots,
        step: usize,
        n: usize,
        offset: usize,
    ) {
        vm.stack.push((pc, slots));
        while let Some((pc, mut slots)) = vm.stack.pop() {
            if vm.seen[pc as usize] == step {
                continue;
            }
            vm.seen[pc as usize] = step;
            vm.steps += 1;
            match self.program[pc as usize] {
                Inst::Jmp(to) => vm.stack.push((to, slots)),
                Inst::Split(a, b) => {
                    // `a` is popped first, so its threads come before `b`'s.
                    vm.stack.push((b, slots));
                    vm.stack.push((a, slots));
                }
                Inst::Save(slot) => {
                    slots[slot as usize] = Some(offset);
                    vm.stack.push((pc + 1, slots));
                }
                Inst::Start if step == 0 => vm.stack.push((pc + 1, slots)),
                Inst::End if step == n => vm.stack.push((pc + 1, slots)),
                Inst::Start | Inst::End => {}
                _ => list.push((pc, slots)),
            }
        }
    }
}

/// The matcher's working memory, reused from step to step.
struct Vm {
    /// The step at which each instruction was last added: a set of instructions that is
    /// emptied in no time by moving on to the next step.
    seen: Vec<usize>,
    stack: Vec<(u32, Slots)>,
    steps: usize,
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    /// How many groups are open.
    depth: usize,
    value: bool,
    names: Vec<String>,
    classes: Vec<Class>,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        self.pos += usize::from(c.is_some());
        c
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        self.pos += usize::from(found);
        found
    }

    fn class_ast(&mut self, class: Class) -> Ast {
        self.classes.push(class.normalise());
        Ast::Class(self.classes.len() as u32 - 1)
    }

    fn alternation(&mut self) -> Result<Ast, String> {
        let mut branches = vec![self.concat()?];
        while self.eat('|') {
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 {
            branches.remove(0)
        } else {
            Ast::Alternate(branches)
        })
    }

    fn concat(&mut self) -> Result<Ast, String> {
        let mut items = Vec::new();
        while !matches!(self.peek(), None | Some('|') | Some(')')) {
            let atom = self.atom()?;
            items.push(self.repeat(atom)?);
        }
        Ok(match items.len() {
            0 => Ast::Empty,
            1 => items.remove(0),
            _ => Ast::Concat(items),
        })
    }

    fn repeat(&mut self, atom: Ast) -> Result<Ast, String> {
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => {
                self.pos += 1;
                let min = self.count()?;
                let max = if self.eat(',') {
                    if self.peek() == Some('}') {
                        None
                    } else {
                        Some(self.count()?)
                    }
                } else {
                    Some(min)
                };
                if !self.eat('}') {
                    return Err("a `{` repetition is not closed with `}`".into());
                }
                if max.is_some_and(|m| m < min) {
                    return Err(format!(
                        "the repetition {{{min},{}}} counts down",
                        max.unwrap_or(0)
                    ));
                }
                self.pos -= 1; // `}` is consumed below with the other quantifiers
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.pos += 1;
        if matches!(atom, Ast::Start | Ast::End | Ast::Empty) {
            return Err("a repetition must follow something to repeat".into());
        }
        if self.peek() == Some('?') {
            return Err("lazy repetition (`*?`, `+?`) is not supported".into());
        }
        if matches!(self.peek(), Some('*' | '+' | '?' | '{')) {
            return Err("a repetition cannot itself be repeated; use a group".into());
        }
        Ok(Ast::Repeat(Box::new(atom), min, max))
    }

    fn count(&mut self) -> Result<u32, String> {
        let start = self.pos;
        while matches!(self.peek(), Some('0'..='9')) {
            self.pos += 1;
        }
        let digits: String = self.chars[start..self.pos].iter().collect();
        digits
            .parse()
            .ok()
            .filter(|n| *n <= 1000)
            .ok_or_else(|| "a repetition count must be a number up to 1000".into())
    }

    fn atom(&mut self) -> Result<Ast, String> {
        match self.next() {
            Some('.') => Ok(Ast::Any),
            Some('^') => Ok(Ast::Start),
            Some('$') => Ok(Ast::End),
            Some('[') => {
                let class = self.class()?;
                Ok(self.class_ast(class))
            }
            Some('(') => self.group(),
            Some('\\') => Ok(match self.escape()? {
                Escaped::Char(c) => Ast::Char(c),
                Escaped::Class(class) => self.class_ast(class),
            }),
            Some(c @ ('*' | '+' | '?' | '{')) => {
                Err(format!("`{c}` must follow something to repeat"))
            }
            Some(c) => Ok(Ast::Char(c)),
            None => Ok(Ast::Empty),
        }
    }

    fn group(&mut self) -> Result<Ast, String> {
        if self.depth == limits::MAX_PATTERN_NESTING {
            return Err(format!(
                "groups are nested more than {} deep",
                limits::MAX_PATTERN_NESTING
            ));
        }
        let value = if self.eat('?') {
            if self.eat(':') {
                false
            } else {
                self.eat('P');
                if !self.eat('<') {
                    return Err("only `(?:...)` and named groups `(?<name>...)` are supported; flags go at the very start, as `(?i)`".into());
                }
                let start = self.pos;
                while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == '_') {
                    self.pos += 1;
                }
                let name: String = self.chars[start..self.pos].iter().collect();
                if name.is_empty() || !self.eat('>') {
                    return Err(
                        "a group name must be letters, digits or `_`, as in `(?<value>...)`".into(),
                    );
                }
                if self.names.contains(&name) {
                    return Err(format!("the group name `{name}` is used twice"));
                }
                let value = name == "value";
                self.value |= value;
                self.names.push(name);
                value
            }
        } else {
            false
        };
        self.depth += 1;
        let inner = self.alternation()?;
        self.depth -= 1;
        if !self.eat(')') {
            return Err("a group `(` is never closed".into());
        }
        Ok(Ast::Group(Box::new(inner), value))
    }

    fn class(&mut self) -> Result<Class, String> {
        let mut class = Class {
            negated: self.eat('^'),
            ranges: Vec::new(),
        };
        let mut first = true;
        loop {
            let c = match self.next() {
                None => return Err("a class `[` is never closed".into()),
                Some(']') if !first => return Ok(class),
                Some('\\') => match self.escape()? {
                    Escaped::Char(c) => c,
                    Escaped::Class(inner) if !inner.negated => {
                        class.ranges.extend(inner.ranges);
                        first = false;
                        continue;
                    }
                    Escaped::Class(_) => {
                        return Err("`\\D`, `\\W` and `\\S` cannot be used inside `[...]`".into())
                    }
                },
                Some(c) => c,
            };
            first = false;
            if self.peek() == Some('-') && !matches!(self.chars.get(self.pos + 1), None | Some(']'))
            {
                self.pos += 1;
                let hi = match self.next() {
                    Some('\\') => match self.escape()? {
                        Escaped::Char(c) => c,
                        Escaped::Class(_) => {
                            return Err("a range cannot end in a class such as `\\d`".into())
                        }
                    },
                    Some(hi) => hi,
                    None => return Err("a class `[` is never closed".into()),
                };
                if hi < c {
                    return Err(format!("the range `{c}-{hi}` is backwards"));
                }
                class.ranges.push((c, hi));
            } else {
                class.ranges.push((c, c));
            }
        }
    }

    fn escape(&mut self) -> Result<Escaped, String> {
        let ascii = |ranges: &[(char, char)], negated: bool| {
            Escaped::Class(Class {
                negated,
                ranges: ranges.to_vec(),
            })
        };
        const DIGIT: [(char, char); 1] = [('0', '9')];
        const WORD: [(char, char); 4] = [('0', '9'), ('A', 'Z'), ('a', 'z'), ('_', '_')];
        const SPACE: [(char, char); 2] = [('\t', '\r'), (' ', ' ')];
        match self.next() {
            Some('d') => Ok(ascii(&DIGIT, false)),
            Some('D') => Ok(ascii(&DIGIT, true)),
            Some('w') => Ok(ascii(&WORD, false)),
            Some('W') => Ok(ascii(&WORD, true)),
            Some('s') => Ok(ascii(&SPACE, false)),
            Some('S') => Ok(ascii(&SPACE, true)),
            Some('t') => Ok(Escaped::Char('\t')),
            Some('n') => Ok(Escaped::Char('\n')),
            Some(c) if c.is_ascii_punctuation() || c == ' ' => Ok(Escaped::Char(c)),
            Some(c) => Err(format!("the escape `\\{c}` is not supported")),
            None => Err("the pattern ends with `\\`".into()),
        }
    }
}

enum Escaped {
    Char(char),
    Class(Class),
}

struct Compiler {
    program: Vec<Inst>,
    /// Compile steps left (see [`limits::MAX_PATTERN_WORK`]).
    budget: usize,
}

/// Why a pattern does not compile.
enum TooLarge {
    /// Over [`limits::MAX_PATTERN_PROGRAM`] instructions.
    Program,
    /// Over the compile steps left.
    Work,
}

impl Compiler {
    fn push(&mut self, inst: Inst) -> Result<u32, TooLarge> {
        if self.program.len() >= limits::MAX_PATTERN_PROGRAM {
            return Err(TooLarge::Program);
        }
        // Instructions count too, so the budget also bounds what the flow's patterns hold.
        self.budget = self.budget.checked_sub(1).ok_or(TooLarge::Work)?;
        self.program.push(inst);
        Ok(self.program.len() as u32 - 1)
    }

    fn here(&self) -> u32 {
        self.program.len() as u32
    }

    fn emit_ast(&mut self, ast: &Ast) -> Result<(), TooLarge> {
        // Every visit counts, also of parts that emit nothing: `(?:(?:){1000}){1000}` emits no
        // instruction but would visit its empty group a million times.
        self.budget = self.budget.checked_sub(1).ok_or(TooLarge::Work)?;
        match ast {
            Ast::Empty => {}
            Ast::Char(c) => drop(self.push(Inst::Char(*c))?),
            Ast::Any => drop(self.push(Inst::Any)?),
            Ast::Class(class) => drop(self.push(Inst::Class(*class))?),
            Ast::Start => drop(self.push(Inst::Start)?),
            Ast::End => drop(self.push(Inst::End)?),
            Ast::Group(inner, value) => {
                if *value {
                    self.push(Inst::Save(0))?;
                }
                self.emit_ast(inner)?;
                if *value {
                    self.push(Inst::Save(1))?;
                }
            }
            Ast::Concat(items) => {
                for item in items {
                    self.emit_ast(item)?;
                }
            }
            Ast::Alternate(branches) => {
                // split L1, next; L1: branch; jmp end; next: ...
                let mut jumps = Vec::new();
                for (i, branch) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.emit_ast(branch)?;
                        jumps.push(self.push(Inst::Jmp(0))?);
                        let after = self.here();
                        self.program[split as usize] = Inst::Split(split + 1, after);
                    } else {
                        self.emit_ast(branch)?;
                    }
                }
                let end = self.here();
                for jump in jumps {
                    self.program[jump as usize] = Inst::Jmp(end);
                }
            }
            Ast::Repeat(inner, min, max) => {
                // Unbounded repetitions are compiled as regex-lite compiles them, so that both
                // prefer the same way through an inner part that can match nothing (which
                // decides what the `value` group holds): `x{n,}` is n - 1 copies then `x+`,
                // and `x*` is `(?:x+)?`.
                let copies = if max.is_none() {
                    min.saturating_sub(1)
                } else {
                    *min
                };
                for _ in 0..copies {
                    self.emit_ast(inner)?;
                }
                match max {
                    None => {
                        // [split body, end;] body: inner; split body, end
                        let skip = (*min == 0)
                            .then(|| self.push(Inst::Split(0, 0)))
                            .transpose()?;
                        let body = self.here();
                        self.emit_ast(inner)?;
                        let again = self.push(Inst::Split(body, 0))?;
                        let end = self.here();
                        self.program[again as usize] = Inst::Split(body, end);
                        if let Some(skip) = skip {
                            self.program[skip as usize] = Inst::Split(body, end);
                        }
                    }
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.push(Inst::Split(0, 0))?);
                            self.emit_ast(inner)?;
                        }
                        let end = self.here();
                        for split in splits {
                            self.program[split as usize] = Inst::Split(split + 1, end);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m<'t>(pattern: &str, text: &'t str) -> Option<&'t str> {
        Pattern::new(pattern).unwrap().matched(text)
    }

    #[test]
    fn matches_whole_values_and_keeps_the_value_group() {
        let code = r"(?i)^(?:AADSTS)?(?<value>\d{5,7})$";
        assert_eq!(m(code, "AADSTS50076"), Some("50076"));
        assert_eq!(m(code, "aadsts500121"), Some("500121"));
        assert_eq!(m(code, "50076"), Some("50076"));
        assert_eq!(m(code, "AADSTS5007"), None);
        assert_eq!(m(code, "AADSTS50076x"), None);
        assert_eq!(m(r"\d+", "12ab"), None, "the whole value must match");
        assert_eq!(m(r"(?P<value>[A-Z]{3})-\d\d", "PRN-42"), Some("PRN"));
        let guid = r"(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
        assert!(m(guid, "0B6C2E41-5D1A-4A34-9A6A-3F1F6E0C2B11").is_some());
        assert!(m(guid, "0b6c2e41-5d1a-4a34-9a6a-3f1f6e0c2b1").is_none());
        assert_eq!(m("a|bc|", "bc"), Some("bc"));
        assert_eq!(m("a|bc|", ""), Some(""));
        assert_eq!(m("(ab)*c", "ababc"), Some("ababc"));
        assert_eq!(m("[^a-c]x", "dx"), Some("dx"));
        assert_eq!(m("[^a-c]x", "bx"), None);
        assert_eq!(
            m(r"[\w.-]+@[\w-]+\.com", "ada.l-x@contoso.com"),
            Some("ada.l-x@contoso.com")
        );
        assert_eq!(m("é+ü", "ééü"), Some("ééü"));
        assert_eq!(m("(?i)ECOLE", "école"), None, "case folding is ASCII-only");
        assert_eq!(m("(?i)é", "É"), None);
    }

    #[test]
    fn nested_repetition_runs_in_linear_time() {
        let long = "a".repeat(2000);
        assert_eq!(m("(a+)+b", &long), None);
        assert_eq!(m("(a|aa)*", &long), Some(long.as_str()));
    }

    #[test]
    fn unsupported_syntax_is_explained() {
        for (pattern, words) in [
            ("(unclosed", "never closed"),
            ("[abc", "never closed"),
            ("a{3", "not closed"),
            ("a{5,2}", "counts down"),
            ("a*?", "lazy"),
            ("a**", "cannot itself be repeated"),
            ("*a", "must follow"),
            ("(?=x)", "only `(?:...)`"),
            (r"\p{L}", "not supported"),
            ("a{2000}", "up to 1000"),
            ("(a{1000}){1000}", "too large"),
            ("[z-a]", "backwards"),
            ("(?<value>a)(?<value>b)", "used twice"),
        ] {
            let error = Pattern::new(pattern).unwrap_err();
            assert!(error.contains(words), "{pattern}: {error}");
        }
    }
}
