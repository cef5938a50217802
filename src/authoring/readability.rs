//! How hard flow text is to read, with the formula meant for its language: Flesch-Kincaid
//! for English and the Wiener Sachtextformel for German (both a school grade), and
//! Fernández-Huerta for Spanish (a 0-100 ease, higher is easier). Other languages (Arabic
//! among them) have no formula in common use; `flowcheck readability` says so rather than
//! apply one made for another language.

use crate::flow::markup;
use crate::flow::model::{Line, Node};
use crate::flow::template::{self, Piece};

/// A node's grade is over this, and `flowcheck readability` fails.
pub const MAX_GRADE: f64 = 10.0;
/// What flow text should aim for.
pub const GOAL_GRADE: f64 = 8.0;

/// A readability formula, each for its own language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Flesch-Kincaid grade level (English).
    FleschKincaid,
    /// Erste Wiener Sachtextformel (German): a school grade, 4 easy to 15 hard.
    Wiener,
    /// Fernández-Huerta's reading ease (Spanish): 0 to 100, higher is easier.
    FernandezHuerta,
}

/// How a text fares against its language's goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// At or better than the goal.
    Ok,
    /// Worse than the goal but within the limit.
    AboveGoal,
    /// Past the limit: `flowcheck readability` fails.
    TooHard,
}

impl Measure {
    /// The formula for a language (a BCP 47 tag), if one is standard for it.
    pub fn for_language(lang: &str) -> Option<Measure> {
        match crate::i18n::primary(lang).as_str() {
            "en" => Some(Measure::FleschKincaid),
            "de" => Some(Measure::Wiener),
            "es" => Some(Measure::FernandezHuerta),
            _ => None,
        }
    }

    /// Its name and how to read its figures.
    pub fn describe(self) -> &'static str {
        match self {
            Measure::FleschKincaid => "Flesch-Kincaid grade: at most 10, aim for 8",
            Measure::Wiener => "Wiener Sachtextformel (school grade): at most 10, aim for 8",
            Measure::FernandezHuerta => {
                "Fernández-Huerta reading ease (higher is easier): at least 50, aim for 60"
            }
        }
    }

    /// The figure of `text`: words are counted, placeholders and markup are left out.
    pub fn score(self, text: &str) -> f64 {
        let counts = Counts::of(text, self);
        if counts.words == 0 {
            return match self {
                Measure::FernandezHuerta => 100.0,
                _ => 0.0,
            };
        }
        let words = counts.words as f64;
        let per_word = counts.syllables as f64 / words;
        let sentence = words / counts.sentences as f64;
        match self {
            Measure::FleschKincaid => 0.39 * sentence + 11.8 * per_word - 15.59,
            Measure::Wiener => {
                let share = |n: usize| 100.0 * n as f64 / words;
                0.1935 * share(counts.polysyllables)
                    + 0.1672 * sentence
                    + 0.1297 * share(counts.long_words)
                    - 0.0327 * share(counts.monosyllables)
                    - 0.875
            }
            // 206.84 − 0.60 P − 1.02 F, P syllables per 100 words, and F as Gwillim Law
            // (2011) showed Flesch's adaptation meant it: words per sentence, so that
            // shorter sentences read easier, as in Flesch's own formula.
            Measure::FernandezHuerta => 206.84 - 0.60 * 100.0 * per_word - 1.02 * sentence,
        }
    }

    /// How a figure fares: the same goal (grade 8) and limit (grade 10) in each language's
    /// terms.
    pub fn verdict(self, score: f64) -> Verdict {
        let (past_limit, past_goal) = match self {
            Measure::FleschKincaid | Measure::Wiener => (score > MAX_GRADE, score > GOAL_GRADE),
            Measure::FernandezHuerta => (score < 50.0, score < 60.0),
        };
        match (past_limit, past_goal) {
            (true, _) => Verdict::TooHard,
            (false, true) => Verdict::AboveGoal,
            _ => Verdict::Ok,
        }
    }
}

/// The Flesch-Kincaid grade level of an English text: 0.39 × words per sentence + 11.8 ×
/// syllables per word − 15.59.
pub fn grade(text: &str) -> f64 {
    Measure::FleschKincaid.score(text)
}

/// What the formulas count. Sentences end at `.`, `!`, `?`, `:` or a line break.
#[derive(Debug, Default)]
struct Counts {
    sentences: usize,
    words: usize,
    syllables: usize,
    /// Words of three syllables or more.
    polysyllables: usize,
    /// Words of one syllable.
    monosyllables: usize,
    /// Words of more than six letters.
    long_words: usize,
}

impl Counts {
    fn of(text: &str, measure: Measure) -> Counts {
        let mut counts = Counts::default();
        for sentence in text.split(['.', '!', '?', ':', '\n']) {
            let words: Vec<&str> = sentence
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            if words.is_empty() {
                continue;
            }
            counts.sentences += 1;
            for word in words {
                let n = match measure {
                    Measure::FleschKincaid => syllables_in(word),
                    Measure::Wiener => vowel_groups(word, "aeiouyäöü"),
                    Measure::FernandezHuerta => spanish_syllables(word),
                };
                counts.words += 1;
                counts.syllables += n;
                counts.polysyllables += usize::from(n >= 3);
                counts.monosyllables += usize::from(n == 1);
                counts.long_words += usize::from(word.chars().count() > 6);
            }
        }
        counts
    }
}

/// Syllables as groups of vowels: a common estimate, close enough for German, where most
/// vowel pairs (ei, au, eu, ie) are one sound.
fn vowel_groups(word: &str, vowels: &str) -> usize {
    let mut groups = 0;
    let mut previous = false;
    for c in word.to_lowercase().chars() {
        let v = vowels.contains(c);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    groups.max(1)
}

/// Spanish syllables: vowel groups, split where two strong vowels meet (le-er, ca-os) or an
/// accented weak vowel stands beside another (dí-a, re-ú-ne).
fn spanish_syllables(word: &str) -> usize {
    const VOWELS: &str = "aeiouáéíóúü";
    let strong = |c: char| "aeoáéóíú".contains(c);
    let mut groups = 0;
    let mut previous: Option<char> = None;
    for c in word.to_lowercase().chars() {
        match (VOWELS.contains(c), previous) {
            (true, Some(p)) if strong(p) && strong(c) => groups += 1,
            (true, None) => groups += 1,
            _ => {}
        }
        previous = VOWELS.contains(c).then_some(c);
    }
    groups.max(1)
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

    #[test]
    fn german_and_spanish_syllables_and_scales() {
        for (word, n) in [
            ("Smartphone", 3),
            ("Anmeldung", 3),
            ("Sie", 1),
            ("heute", 2),
        ] {
            assert_eq!(vowel_groups(word, "aeiouyäöü"), n, "{word}");
        }
        for (word, n) in [
            ("día", 2),
            ("leer", 2),
            ("cuenta", 2),
            ("teléfono", 4),
            ("aplicación", 4),
        ] {
            assert_eq!(spanish_syllables(word), n, "{word}");
        }
        let easy_de = Measure::Wiener.score("Öffnen Sie die App. Tippen Sie auf Weiter.");
        let hard_de = Measure::Wiener.score(
            "Die Wiederherstellung der Authentifizierungsmethoden erfordert grundsätzlich eine \
             vorherige Identitätsüberprüfung durch die zuständige Administrationsabteilung.",
        );
        assert!(
            easy_de < GOAL_GRADE && hard_de > MAX_GRADE,
            "{easy_de} {hard_de}"
        );
        let easy_es = Measure::FernandezHuerta.score("Abre la app. Toca Siguiente.");
        let hard_es = Measure::FernandezHuerta.score(
            "La restauración de los métodos de autenticación requiere obligatoriamente una \
             verificación administrativa de identidad previamente documentada.",
        );
        assert_eq!(
            Measure::FernandezHuerta.verdict(easy_es),
            Verdict::Ok,
            "{easy_es}"
        );
        assert_eq!(
            Measure::FernandezHuerta.verdict(hard_es),
            Verdict::TooHard,
            "{hard_es}"
        );
        assert_eq!(Measure::for_language("de-AT"), Some(Measure::Wiener));
        assert_eq!(Measure::for_language("ar"), None);
    }
}
