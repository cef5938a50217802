//! The adversarial reliability review of December 2026 (B1-B15), one test per finding. Each
//! builds its hostile input here, from the example flow or from scratch. Nothing is timed by
//! the clock: costs are asserted as counts, or with inputs large enough that the old code took
//! minutes and the fixed one takes a fraction of a second.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::Command;
use std::rc::Rc;

use common::{errors_of, example, EXAMPLE};
use serde_json::{json, Value};
use troubleshooter::authoring::walk::{explore, follow, AnswersById};
use troubleshooter::authoring::{transcript, Page};
use troubleshooter::flow::error::limits;
use troubleshooter::flow::handoff::{Email, MAILTO_BUDGET};
use troubleshooter::flow::pattern::Pattern;
use troubleshooter::flow::{markup, Config, FlowError, ValidFlow};

fn has_error(errors: &[FlowError], path: &str, words: &str) -> bool {
    errors
        .iter()
        .any(|e| e.at == path && e.message.contains(words))
}

fn refused(change: impl FnOnce(&mut Value), path: &str, words: &str) {
    let mut flow = example();
    change(&mut flow);
    let errors = errors_of(&flow);
    assert!(
        has_error(&errors, path, words),
        "expected `{path}: …{words}…` among {errors:#?}"
    );
}

fn flowcheck(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_flowcheck"))
        .args(args)
        .output()
        .unwrap()
}

fn temp_file(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("hostile-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

/// A flow of `n` questions in a chain, each with the given options (all to the next question),
/// then the outcome `end`. `node` may change each question.
fn chain(n: usize, options: usize, node: impl Fn(usize, &mut Value)) -> Value {
    let mut nodes: Vec<Value> = (0..n)
        .map(|i| {
            let next = if i + 1 == n {
                "end".to_owned()
            } else {
                format!("q{}", i + 1)
            };
            let mut q = json!({
                "type": "question", "id": format!("q{i}"), "text": "Which one?",
                "options": (0..options)
                    .map(|o| json!({ "id": format!("o{o}"), "label": format!("Option {o}"), "next": next }))
                    .collect::<Vec<_>>()
            });
            node(i, &mut q);
            q
        })
        .collect();
    nodes.push(json!({ "type": "outcome", "id": "end", "kind": "self_fix", "title": "Done" }));
    json!({
        "format": 1, "id": "hostile", "version": "1", "title": "Hostile", "summary": "A test.",
        "language": "en", "minutes": 1, "start": "q0", "nodes": nodes
    })
}

#[test]
fn b1_invalid_surrogate_pair_is_an_error_not_a_panic() {
    for bad in [
        r"\ud83d\u0041",
        r"\ud800\u0000",
        r"\ud83d\udbff",
        r"\ud800\ud800",
    ] {
        let text = EXAMPLE.replace("Where is the printer?", &format!("Where{bad} is it?"));
        let errors = ValidFlow::from_json(&text).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].message.contains("invalid surrogate pair"),
            "{errors:?}"
        );
        // The line of the question text; the column of the second escape.
        let line = EXAMPLE
            .lines()
            .position(|l| l.contains("Where is the printer?"))
            .unwrap()
            + 1;
        let column = EXAMPLE
            .lines()
            .nth(line - 1)
            .unwrap()
            .find("Where")
            .unwrap()
            + 12;
        assert_eq!(errors[0].at, format!("line {line}, column {column}"));
        let id = EXAMPLE.replace("\"id\": \"where\"", &format!("\"id\": \"w{bad}\""));
        assert!(ValidFlow::from_json(&id).is_err());
    }
    // A valid pair still reads.
    let text = EXAMPLE.replace(
        "Where is the printer?",
        r"Where is the printer? \ud83d\udd10",
    );
    ValidFlow::from_json(&text).unwrap();
}

#[test]
fn b2_deeply_nested_groups_are_refused_not_a_stack_overflow() {
    let nested = |depth: usize, open: &str| format!("{}a{}", open.repeat(depth), ")".repeat(depth));
    Pattern::new(&nested(limits::MAX_PATTERN_NESTING, "(")).unwrap();
    for pattern in [
        nested(limits::MAX_PATTERN_NESTING + 1, "("),
        nested(200, "(?:"),
        "(".repeat(limits::MAX_PATTERN_LENGTH),
    ] {
        let error = Pattern::new(&pattern).unwrap_err();
        assert!(error.contains("nested more than 100 deep"), "{error}");
    }
    // Longer patterns are refused for their length before they are parsed.
    for pattern in [nested(3_000, "("), "(".repeat(100_000)] {
        let error = Pattern::new(&pattern).unwrap_err();
        assert!(error.contains("at most 1000 are allowed"), "{error}");
    }
    // The schema says the same, for editors.
    assert!(troubleshooter::authoring::schema::json()
        .contains(&format!("\"maxLength\": {}", limits::MAX_PATTERN_LENGTH)));
    refused(
        |f| f["nodes"][3]["fields"][0]["pattern"] = json!(nested(150, "(")),
        "nodes[3].fields[0].pattern",
        "nested more than 100 deep",
    );
}

#[test]
fn b3_empty_groups_repeated_in_nested_counts_are_refused_quickly() {
    for pattern in [
        "(?:(?:(?:){1000}){1000}){1000}",
        "(?:(?:(?:(?:(?:){1000}){1000}){1000}){1000}){1000}",
        "((){1000}){1000}",
    ] {
        let error = Pattern::new(pattern).unwrap_err();
        assert!(error.contains("steps to compile"), "{pattern}: {error}");
    }
    // Modest repetitions of empty groups are still fine.
    assert_eq!(Pattern::new("(?:){5}a").unwrap().matched("a"), Some("a"));
    refused(
        |f| f["nodes"][3]["fields"][0]["pattern"] = json!("(?:(?:(?:){1000}){1000}){1000}"),
        "nodes[3].fields[0].pattern",
        "steps to compile",
    );
}

#[test]
fn b4_compiled_patterns_are_bounded_per_flow_and_classes_are_shared() {
    // One class repeated 1,000 times is held once.
    let class: String = ('a'..='z').chain('A'..='Z').cycle().take(900).collect();
    let big = Pattern::new(&format!("[{class}]{{1000}}")).unwrap();
    assert!(big.heap_bytes() < 100_000, "{} bytes", big.heap_bytes());
    let distinct: String = (0x100u32..0x100 + 900)
        .step_by(2)
        .filter_map(char::from_u32)
        .collect();
    let spread = Pattern::new(&format!("[{distinct}]{{1000}}")).unwrap();
    assert!(
        spread.heap_bytes() < 100_000,
        "{} bytes",
        spread.heap_bytes()
    );

    // Many fields, each with a large pattern: refused once the flow's budget is spent, with
    // the path of the field where it ran out, and the fields after it are not compiled.
    let mut flow = example();
    let field = json!({ "id": "f", "label": "F", "format": "pattern",
                        "pattern": "[a-z]{1000}(?:[a-z]{1000}){8}" });
    let fields: Vec<Value> = (0..1_500)
        .map(|k| {
            let mut f = field.clone();
            f["id"] = json!(format!("f{k}"));
            f
        })
        .collect();
    flow["nodes"][3]["fields"] = json!(fields);
    let errors = errors_of(&flow);
    let patterns: Vec<&FlowError> = errors
        .iter()
        .filter(|e| e.at.ends_with(".pattern"))
        .collect();
    assert_eq!(patterns.len(), 1, "{patterns:#?}");
    assert!(
        patterns[0].message.contains("too large together"),
        "{patterns:?}"
    );
    assert!(
        patterns[0].at.starts_with("nodes[3].fields["),
        "{patterns:?}"
    );
    // Each pattern takes about 18,000 steps of the 100,000: 9,000 parts and 9,000 instructions.
    let k: usize = patterns[0].at["nodes[3].fields[".len()..]
        .split(']')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((3..8).contains(&k), "{k}");
}

#[test]
fn b5_matching_takes_at_most_two_steps_per_instruction_and_character() {
    // Many groups under a star, and many optional groups: the worst cases of the review.
    let alternation: Vec<&str> = std::iter::repeat_n("(a)", 150).collect();
    let patterns = [
        format!("(?:{})*", alternation.join("|")),
        format!("{}{}", "()".repeat(100), "(a?)".repeat(150)),
        "(?:.*){100}".to_owned(),
        r"(a+)+$".to_owned(),
        r"(?i)^(?:AADSTS)?(?<value>\d{5,7})$".to_owned(),
    ];
    for pattern in &patterns {
        let compiled = Pattern::new(pattern).unwrap();
        let program = compiled.program_len();
        let mut previous = 0;
        for n in [50, 100, 200, 400, 800] {
            let text = "a".repeat(n);
            let steps = compiled.steps(&text);
            // The linear-time promise: each instruction is added and run at most once per
            // character (and once more at the end).
            assert!(
                steps <= 2 * (n + 1) * program,
                "{pattern}: {steps} steps for {n} characters and {program} instructions"
            );
            // Twice the text, at most about twice the work.
            if previous > 0 {
                assert!(
                    steps <= 2 * previous + 4 * program,
                    "{pattern}: {previous} then {steps}"
                );
            }
            previous = steps;
        }
    }
    assert_eq!(
        Pattern::new(&patterns[0])
            .unwrap()
            .matched(&"a".repeat(2000)),
        Some("a".repeat(2000).as_str())
    );
}

#[test]
fn b5_render_checks_a_heavy_pattern_once_per_answer() {
    // About 8,000 instructions and a 2,000-character answer: one match is tens of millions of
    // steps. The old session ran it again for every placeholder, route and withheld check.
    let mut flow = example();
    flow["nodes"][3]["fields"][0]["pattern"] =
        json!(r"(?i)^(?:PRN-)?(?<value>\d{3})(?:(?:x?){1000}){4}$");
    flow["nodes"][3]["fields"][0]["max_length"] = json!(2000);
    let body: Vec<Value> = (0..60)
        .map(|i| json!(format!("Line {i}: PRN-{{printer}}")))
        .collect();
    flow["nodes"][6]["email"]["body"] = json!(body);
    let flow = Rc::new(ValidFlow::from_json(&flow.to_string()).unwrap());
    let answers: AnswersById = [
        ("where", "office"),
        ("lights", "error"),
        ("email", "ada@contoso.com"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .chain([("printer".to_owned(), format!("PRN-042{}", "x".repeat(1993)))])
    .collect();
    let session = follow(flow, &answers).unwrap();
    let text = transcript(&session, &Page::default(), "note");
    assert!(text.contains("Line 59: PRN-042"), "{text}");
}

#[test]
fn b6_brackets_without_links_are_scanned_once() {
    // Quadratic before: every `[` searched the whole rest of the text for `](`.
    let brackets = "[".repeat(1_000_000);
    assert!(markup::problems(&brackets).is_empty());
    assert_eq!(
        markup::inline(&brackets),
        vec![markup::Inline::Text(brackets.clone())]
    );
    let opens = "[a](".repeat(200_000);
    assert!(markup::problems(&opens).is_empty());
    assert_eq!(markup::inline(&opens).len(), 1);
    let mut flow = example();
    flow["nodes"][4]["body"] = json!(format!("{brackets} [ok](https://ok.example) [x](http:x)"));
    let errors = errors_of(&flow);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(has_error(&errors, "nodes[4].body", "the link `http:x`"));
    // Links after the brackets are still found, as before.
    assert_eq!(
        markup::inline("[[a](https://x.example) **b** [c"),
        vec![
            markup::Inline::Link {
                text: "[a".into(),
                href: "https://x.example".into()
            },
            markup::Inline::Text(" ".into()),
            markup::Inline::Bold("b".into()),
            markup::Inline::Text(" [c".into()),
        ]
    );
}

/// The subject shortening as it was (one character at a time), as a reference for short inputs.
fn shortened_subject_reference(email: &Email, budget: usize, note: &str) -> String {
    use troubleshooter::flow::handoff::encode;
    let to = email.to.as_deref().map(encode).unwrap_or_default();
    let build = |subject: &str, body: &str| {
        format!(
            "mailto:{to}?subject={}&body={}",
            encode(subject),
            encode(body)
        )
    };
    let mut subject = email.subject.clone();
    while !subject.is_empty() && build(&subject, note).len() > budget {
        subject.pop();
    }
    build(&subject, note)
}

#[test]
fn b7_a_huge_subject_is_shortened_in_one_pass() {
    let note = "The full text is in the troubleshooter.";
    for subject in [
        "Printer é🔐 & more\r\n".repeat(200),
        "x".repeat(3_000),
        "\r".repeat(900),
    ] {
        let email = Email {
            to: None,
            subject,
            lines: vec!["Hello".into()],
        };
        let url = email.mailto(MAILTO_BUDGET, note);
        assert_eq!(
            url,
            shortened_subject_reference(&email, MAILTO_BUDGET, note)
        );
        assert!(url.len() <= MAILTO_BUDGET);
    }
    // 200,000 characters: the old loop re-encoded the subject once per character dropped.
    for subject in ["x".repeat(200_000), "é".repeat(200_000)] {
        let email = Email {
            to: Some("helpdesk@contoso.com".into()),
            subject,
            lines: vec!["Hello".into(); 10],
        };
        let url = email.mailto(MAILTO_BUDGET, note);
        assert!(
            url.len() <= MAILTO_BUDGET && url.len() > MAILTO_BUDGET - 10,
            "{}",
            url.len()
        );
        assert!(url.ends_with("&body=The%20full%20text%20is%20in%20the%20troubleshooter."));
    }
}

#[test]
fn b8_flag_routes_on_a_long_chain_are_judged_without_replaying_the_path() {
    // 998 questions, 35 never-true flag routes each: cubic before (flags() walked the path for
    // every route, and path_code replayed the walk).
    let flow = chain(998, 2, |i, q| {
        q["routes"] = json!((0..35)
            .map(|_| json!({ "if": { "flag": "never" }, "to": "end" }))
            .collect::<Vec<_>>());
        if i == 997 {
            q["options"][1]["set"] = json!(["never"]);
        }
    });
    let flow = Rc::new(ValidFlow::from_json(&flow.to_string()).unwrap());
    let answers: AnswersById = (0..998)
        .map(|i| (format!("q{i}"), "o0".to_owned()))
        .collect();
    let session = follow(Rc::clone(&flow), &answers).unwrap();
    assert_eq!(session.path_code(), "10".repeat(998));
    assert!(transcript(&session, &Page::default(), "").contains("title: Done"));

    // The flag set on the last question takes its first route: the code records that route.
    let mut answers = answers;
    answers.insert("q997".into(), "o1".into());
    let session = follow(flow, &answers).unwrap();
    assert_eq!(session.path_code(), format!("{}21", "10".repeat(997)));
}

#[test]
fn b9_paths_on_a_long_wide_chain_stays_bounded() {
    for (n, options) in [(999, 2), (999, 35)] {
        let flow =
            Rc::new(ValidFlow::from_json(&chain(n, options, |_, _| {}).to_string()).unwrap());
        let found = explore(flow, limits::MAX_PATHS);
        assert!(found.truncated);
        assert!(found.explored <= limits::MAX_EXPLORE_STEPS + n + 1);
        // Each kept walk's steps count against the budget, so what is kept stays small.
        let kept: usize = found.walks.iter().map(|w| w.steps.len()).sum();
        assert!(kept <= limits::MAX_EXPLORE_STEPS, "{kept}");
        assert!(!found.walks.is_empty());
        assert!(found.walks.iter().all(|w| w.steps.len() == n));
    }
}

#[test]
fn b10_paths_stops_when_no_walk_can_finish() {
    // 40 two-option questions, then a required pattern field without an example: no walk
    // finishes, so walks never reached the old limit; 2^40 ways were tried.
    let mut flow = chain(40, 2, |_, _| {});
    let nodes = flow["nodes"].as_array_mut().unwrap();
    for o in nodes[39]["options"].as_array_mut().unwrap() {
        o["next"] = json!("code");
    }
    nodes.insert(
        40,
        json!({ "type": "fields", "id": "code", "text": "The code", "next": "end",
                "fields": [{ "id": "c", "label": "Code", "required": true, "format": "pattern",
                             "pattern": "\\d{4}" }] }),
    );
    let file = temp_file("deadend.json", &flow.to_string());
    let flow = Rc::new(ValidFlow::from_json(&flow.to_string()).unwrap());
    let found = explore(flow, limits::MAX_PATHS);
    assert!(found.truncated);
    assert!(found.walks.is_empty());
    assert_eq!(found.unreached, vec!["end"]);
    let out = flowcheck(&["paths", &file]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("0 paths (stopped at 0 after"), "{stdout}");
    assert!(
        stdout.contains("not reached before the search stopped: end"),
        "{stdout}"
    );
}

#[test]
fn b11_outcomes_not_reached_before_the_limit_are_not_called_unreachable() {
    // `end2` is one click from the start, but the first option leads to 2^14 walks first.
    let mut flow = chain(14, 2, |_, _| {});
    let nodes = flow["nodes"].as_array_mut().unwrap();
    nodes.insert(
        0,
        json!({ "type": "question", "id": "start", "text": "Which way?", "options": [
            { "id": "long", "label": "The long way", "next": "q0" },
            { "id": "short", "label": "The short way", "next": "end2" } ] }),
    );
    nodes
        .push(json!({ "type": "outcome", "id": "end2", "kind": "self_fix", "title": "Also done" }));
    flow["start"] = json!("start");
    let file = temp_file("truncated.json", &flow.to_string());
    let out = flowcheck(&["paths", &file]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("10000 paths (stopped at 10000 after"),
        "{stdout}"
    );
    assert!(stdout.contains("not reached before the search stopped: end2"));
    assert!(!stderr.contains("no way through"), "{stderr}");
    let json: Value =
        serde_json::from_slice(&flowcheck(&["paths", &file, "--json"]).stdout).unwrap();
    assert_eq!(json["truncated"], json!(true));
}

#[test]
fn b12_an_endless_or_huge_file_is_refused_without_reading_it_whole() {
    let out = flowcheck(&["check", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "a flow may be at most {} bytes",
            limits::MAX_BYTES
        )),
        "{stderr}"
    );
    // A sparse file of 1 GiB takes no disk space; its size is reported exactly.
    let path = temp_file("sparse.json", "");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let stderr = String::from_utf8_lossy(&flowcheck(&["check", &path]).stderr).into_owned();
    assert!(
        stderr.contains(&format!("the file is {} bytes", 1u64 << 30)),
        "{stderr}"
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn b13_control_characters_in_flow_texts_are_refused() {
    let one_line = "this text is one line";
    refused(
        |f| f["nodes"][6]["email"]["subject"] = json!("Printer offline\r\nBcc: attacker@x.example"),
        "nodes[6].email.subject",
        "U+000D",
    );
    refused(
        |f| f["version"] = json!("1.0\r\nBcc: x"),
        "version",
        one_line,
    );
    refused(
        |f| f["nodes"][6]["email"]["subject"] = json!("Printer\u{0}offline"),
        "nodes[6].email.subject",
        "U+0000",
    );
    refused(
        |f| f["nodes"][5]["title"] = json!("\u{1b}[2J\u{1b}[32mAll good\u{1b}[0m"),
        "nodes[5].title",
        "U+001B",
    );
    refused(
        |f| f["nodes"][0]["options"][0]["phrase"] = json!("in the\u{85}office"),
        "nodes[0].options[0].phrase",
        "U+0085",
    );
    refused(
        |f| f["nodes"][0]["options"][0]["label"] = json!("a\u{2028}b"),
        "nodes[0].options[0].label",
        "U+2028",
    );
    refused(
        |f| f["nodes"][6]["email"]["body"][2] = json!("Printer\u{7f}"),
        "nodes[6].email.body[2]",
        "U+007F",
    );
    refused(
        |f| f["nodes"][6]["steps"][0] = json!("Send it.\nNow."),
        "nodes[6].steps[0]",
        "U+000A",
    );
    refused(
        |f| f["nodes"][3]["fields"][0]["example"] = json!("PRN-042\u{1b}"),
        "nodes[3].fields[0].example",
        "U+001B",
    );
    // Bodies and hints are paragraphs: `\n` is allowed there, but nothing else.
    refused(
        |f| f["nodes"][2]["body"] = json!("One.\r\n\r\nTwo."),
        "nodes[2].body",
        "only line breaks",
    );
    let mut flow = example();
    flow["nodes"][1]["hint"] = json!("Look at the screen.\n\nOr the lights.");
    ValidFlow::from_json(&flow.to_string()).unwrap();

    // An .eml draft never gets a header from its text, whatever made it.
    let email = Email {
        to: Some("helpdesk@contoso.com\r\nBcc: a@x.example".into()),
        subject: "Printer offline\r\nBcc: attacker@x.example\u{85}\u{2028}x".into(),
        lines: vec!["Hello".into()],
    };
    let eml = email.eml();
    let headers = eml.split("\r\n\r\n").next().unwrap();
    assert!(!headers.contains("\r\nBcc"), "{eml:?}");
    let starts = ["To: ", "Subject: ", "X-Unsent", "MIME-", "Content-"];
    assert!(
        headers
            .split("\r\n")
            .all(|l| starts.iter().any(|s| l.starts_with(s))),
        "{eml:?}"
    );
    assert!(!headers.contains(['\u{85}', '\u{2028}']), "{eml:?}");
    assert_eq!(
        headers.matches('\n').count(),
        headers.matches("\r\n").count()
    );
    let email = Email {
        subject: "Réinitialisation\r\nBcc: x".into(),
        ..email
    };
    assert!(!email.eml().contains("\r\nBcc"));
}

#[test]
fn b13_flowcheck_escapes_control_characters_it_echoes() {
    let flow = EXAMPLE.replace(
        "\"id\": \"power\"",
        "\"id\": \"x\\u001b]0;pwned\\u0007\\u001b[2J\"",
    );
    let file = temp_file("escape.json", &flow);
    let out = flowcheck(&["check", &file]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains(['\u{1b}', '\u{7}']), "{stderr:?}");
    assert!(
        stderr.contains(r"x\u{1b}]0;pwned\u{7}\u{1b}[2J"),
        "{stderr}"
    );
}

#[test]
fn b14_page_settings_lose_their_line_breaks() {
    let (config, problems) = Config::new(
        Some("Contoso\r\nBcc: attacker@x.example".into()),
        None,
        None,
        Some(" Mon-Fri\u{2028}8-18\u{85}\u{0} ".into()),
    );
    assert!(problems.is_empty());
    assert_eq!(
        config.org_name.as_deref(),
        Some("Contoso  Bcc: attacker@x.example")
    );
    assert_eq!(config.support_hours.as_deref(), Some("Mon-Fri 8-18"));
    // The widget reads its attributes through the same settings.
    let attr = |name: &str| match name {
        "org-name" => Some("Contoso\nBcc: x@evil.example".to_owned()),
        _ => None,
    };
    let (settings, _) = troubleshooter::embed::settings::read(&attr);
    assert_eq!(
        settings.config.org_name.as_deref(),
        Some("Contoso Bcc: x@evil.example")
    );
    // And so does `flowcheck render`.
    let answers = temp_file(
        "org.json",
        r#"{ "where": "office", "lights": "error", "printer": "PRN-042", "email": "ada@contoso.com",
             "config": { "org_name": "Contoso\r\nBcc: attacker@x.example" } }"#,
    );
    let out = flowcheck(&[
        "render",
        "flows/examples/printer-offline.json",
        "--answers",
        &answers,
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains('\r'), "{stdout:?}");
    assert!(
        stdout.contains("Hello Contoso  Bcc: attacker@x.example IT,"),
        "{stdout}"
    );
}

#[test]
fn b15_placeholders_in_a_phrase_are_refused() {
    for phrase in [
        "{where} in the office",
        "the {{x}} office",
        "in the office}",
    ] {
        refused(
            |f| f["nodes"][0]["options"][0]["phrase"] = json!(phrase),
            "nodes[0].options[0].phrase",
            "cannot have placeholders",
        );
    }
}

#[test]
fn review_notes_duplicate_keys_and_long_numbers_read_clearly() {
    let duplicate = EXAMPLE.replace(
        "\"id\": \"where\",",
        "\"id\": \"where\", \"id\": \"again\",",
    );
    let errors = ValidFlow::from_json(&duplicate).unwrap_err();
    assert!(
        has_error(&errors, "nodes[0].id", "duplicate key `id`"),
        "{errors:?}"
    );
    let long = EXAMPLE.replace(
        "\"minutes\": 2",
        &format!("\"minutes\": {}", "9".repeat(100_000)),
    );
    let errors = ValidFlow::from_json(&long).unwrap_err();
    assert!(errors[0].message.len() < 200, "{}", errors[0].message.len());
    assert!(errors[0].message.contains("9999…"), "{errors:?}");
}
