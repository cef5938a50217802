//! The flow pattern matcher against regex-lite, as a reference: for every pattern and value
//! here, both agree on whether the whole value matches and on the `value` group.
#![cfg(not(target_arch = "wasm32"))]

use regex_lite::Regex;
use troubleshooter::flow::pattern::Pattern;

const PATTERNS: [&str; 17] = [
    r"(?i)^(?:AADSTS)?(?<value>\d{5,7})$",
    r"(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
    r"^[A-Za-z0-9][A-Za-z0-9 ./-]{0,29}$",
    r"(?i)^(?:PRN-)?(?<value>\d{3})$",
    r"a|b|cd",
    r"(ab|a)(bc|c)",
    r"(?<value>a*)(a*)",
    r"x{2,3}y?",
    r"[^\s]+\s[\w.]+",
    r"\d{3}-\d{4}",
    r"(?:[a-c]|z)+",
    r"colou?r",
    r"^$",
    r".+@.+\..+",
    // A repeated part that can match nothing: which iteration sets `value`.
    r"(?:(?:(?<value>(?:))|a))+",
    r"(?:(?<value>)|a)*",
    r"(?:(?<value>b?)|a){2,}",
];

const VALUES: [&str; 24] = [
    "",
    "a",
    "b",
    "cd",
    "abc",
    "aaaa",
    "xx",
    "xxxy",
    "xxxxy",
    "AADSTS50076",
    "aadsts500121",
    "50076",
    "0B6C2E41-5D1A-4A34-9A6A-3F1F6E0C2B11",
    "E-10442",
    "PRN-042",
    "042",
    "hello world",
    "555-0100",
    "abcz",
    "color",
    "colour",
    "ada@contoso.com",
    "a b.c",
    "é@x.y",
];

#[test]
fn agrees_with_regex_lite() {
    for pattern in PATTERNS {
        let ours = Pattern::new(pattern).unwrap();
        let reference = Regex::new(&format!("^(?:{pattern})$")).unwrap();
        for value in VALUES {
            let expected = reference
                .captures(value)
                .map(|c| c.name("value").map_or(value, |m| m.as_str()));
            assert_eq!(
                ours.matched(value),
                expected,
                "pattern {pattern:?} on {value:?}"
            );
        }
    }
}

mod random {
    use super::*;
    use proptest::prelude::*;

    /// Patterns over a small alphabet, built from every construct the matcher supports.
    fn pattern() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("a".to_owned()),
            Just("b".to_owned()),
            Just(".".to_owned()),
            Just("[ab]".to_owned()),
            Just("[^a]".to_owned()),
            Just(r"\d".to_owned()),
            Just("(?:)".to_owned()),
        ];
        leaf.prop_recursive(4, 24, 3, |inner| {
            prop_oneof![
                (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}{b}")),
                (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("(?:{a}|{b})")),
                inner.clone().prop_map(|a| format!("(?:{a})*")),
                inner.clone().prop_map(|a| format!("(?:{a})+")),
                inner.clone().prop_map(|a| format!("(?:{a})?")),
                (inner.clone(), 0u32..3, 0u32..3)
                    .prop_map(|(a, m, extra)| format!("(?:{a}){{{m},{}}}", m + extra)),
                inner.clone().prop_map(|a| format!("(?<value>{a})")),
                inner.prop_map(|a| format!("({a})")),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn agrees_on_random_patterns(pattern in pattern(), value in "[ab1]{0,8}", fold in any::<bool>()) {
            let pattern = if fold { format!("(?i){pattern}") } else { pattern };
            let body = pattern.strip_prefix("(?i)").unwrap_or(&pattern);
            let flags = if fold { "(?i)" } else { "" };
            let (ours, reference) = match (Pattern::new(&pattern), Regex::new(&format!("{flags}^(?:{body})$"))) {
                (Ok(ours), Ok(reference)) => (ours, reference),
                (Err(_), Err(_)) => return Ok(()),
                (ours, reference) => {
                    return Err(TestCaseError::fail(format!("{pattern:?}: ours {:?}, regex-lite {:?}", ours.err(), reference.err())))
                }
            };
            let expected = reference.captures(&value).map(|c| c.name("value").map_or(value.as_str(), |m| m.as_str()));
            prop_assert_eq!(ours.matched(&value), expected, "pattern {:?}", pattern);
        }
    }
}
