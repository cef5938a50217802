//! How hard flow text is to read: the Flesch-Kincaid grade of each question and outcome, so a
//! stressed person gets short sentences and short words.

use crate::flow::markup;
use crate::flow::model::{Line, Node};
use crate::flow::template::{self, Piece};

/// A node's grade is over this, and `flowcheck readability` fails.
pub const MAX_GRADE: f64 = 10.0;
/// What flow text should aim for.
pub const GOAL_GRADE: f64 = 8.0;

/// The Flesch-Kincaid grade level of a text: 0.39 × words per sentence + 11.8 × syllables per
/// word − 15.59. Sentences end at `.`, `!`, `?`, `:` or a line break; placeholders and markup
/// are left out.
pub fn grade(text: &str) -> f64 {
    let (mut sentences, mut words, mut syllables) = (0usize, 0usize, 0usize);
    for sentence in text.split(['.', '!', '?', ':', '\n']) {
        let counted: Vec<usize> = sentence
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .map(syllables_in)
            .collect();
        if !counted.is_empty() {
            sentences += 1;
            words += counted.len();
            syllables += counted.iter().sum::<usize>();
        }
    }
    if words == 0 {
        return 0.0;
    }
    0.39 * words as f64 / sentences as f64 + 11.8 * syllables as f64 / words as f64 - 15.59
}

/// Syllables of an English word, by vowel groups: a common estimate, exact enough for a grade.
fn syllables_in(word: &str) -> usize {
    let word = word.to_lowercase();
    let letters: Vec<char> = word.chars().filter(char::is_ascii_alphabetic).collect();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut previous = false;
    for &c in &letters {
        let v = vowel(c);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    let n = letters.len();
    // A final silent "e" (make, phone) adds no syllable; "le" after a consonant (table) does.
    let silent_e = n > 2 && letters[n - 1] == 'e' && !vowel(letters[n - 2]);
    let consonant_le = n > 2 && letters[n - 2] == 'l' && !vowel(letters[n - 3]);
    if silent_e && !consonant_le {
        groups -= 1;
    }
    groups.max(1)
}

/// The words a person reads on a node's screen, as sentences: for a question its text, hint
/// and options; for an outcome its title, body and steps. Empty for other nodes.
pub fn screen_text(node: &Node) -> String {
    let mut parts: Vec<String> = Vec::new();
    let rich = |t: &str| {
        markup::parse(&plain(t))
            .iter()
            .map(markup::block_text)
            .collect::<Vec<_>>()
            .join(". ")
    };
    match node {
        Node::Question(q) => {
            parts.push(plain(&q.text));
            parts.extend(q.hint.as_deref().map(rich));
            for o in &q.options {
                parts.push(plain(&o.label));
                parts.extend(o.hint.as_deref().map(rich));
            }
        }
        Node::Outcome(o) => {
            parts.push(plain(&o.title));
            parts.extend(o.body.as_deref().map(rich));
            parts.extend(o.steps.iter().map(Line::text).map(rich));
        }
        Node::Fields(_) | Node::Info(_) => {}
    }
    parts.join("\n")
}

fn plain(text: &str) -> String {
    template::pieces(text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t.into_owned()),
            Piece::Placeholder(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_syllables_closely_enough() {
        for (word, n) in [
            ("phone", 1),
            ("table", 2),
            ("authenticator", 5),
            ("sign", 1),
            ("again", 2),
            ("the", 1),
            ("security", 4),
        ] {
            assert_eq!(syllables_in(word), n, "{word}");
        }
    }

    #[test]
    fn short_plain_sentences_grade_low_and_long_ones_high() {
        assert!(grade("Open the app. Tap the bell. Wait a minute.") < 2.0);
        let dense =
            "Administrators responsible for organisational authentication configuration must \
                     consequently investigate registration irregularities systematically.";
        assert!(grade(dense) > 15.0, "{}", grade(dense));
        assert_eq!(grade(""), 0.0);
    }
}
