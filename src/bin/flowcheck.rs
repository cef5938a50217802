//! `flowcheck`: the web team's command for flow files.
//!
//! ```text
//! flowcheck check FILE...                       every error as FILE:PATH: message
//! flowcheck graph FILE [--format mermaid|dot]   the flow as a diagram
//! flowcheck paths FILE [--json]                 every way to each outcome
//! flowcheck render FILE --answers ANSWERS.json [--lang LANG]
//!                                               the email and phone script of those answers
//! flowcheck export FILE --lang LANG [--format po|csv]
//!                                               the texts for translators, with what is done
//! flowcheck import FILE TRANSLATED.po|.csv      the translation file made from what came back
//! flowcheck translate FILE --lang LANG          the flow with its translation put in, as JSON
//! flowcheck test FILE TESTS.json                the flow's own tests: cases and rules
//! flowcheck readability FILE [--lang LANG]      how hard each screen is to read
//! flowcheck generate NODES ROWS                 a valid flow of that size, for benchmarks
//! flowcheck schema [--tests]                    the JSON Schema of the format (or of test files)
//! ```
//! Exit status: 0 when all is well, 1 when a flow has errors (or `paths` searched to the end and
//! found no way to an outcome, or a test fails), 2 for a usage error. `check` also prints
//! warnings, which do not fail it.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

// A command-line tool has nothing to do in a browser; this keeps `cargo build --target
// wasm32-unknown-unknown --all-targets` (and so clippy on that target) working.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::collections::BTreeMap;
    use std::process::ExitCode;
    use std::rc::Rc;

    use std::io::Read;
    use troubleshooter::authoring::diagram::{self, Notation};
    use troubleshooter::authoring::exchange::{self, Format};
    use troubleshooter::authoring::lint::{self, Severity};
    use troubleshooter::authoring::walk::{self, AnswersById, Step};
    use troubleshooter::authoring::{flowtest, readability, transcript, translations, Page};
    use troubleshooter::flow::handoff::channels::{Channel, LinkIds, TEAMS_BUDGET, TICKET_BUDGET};
    use troubleshooter::flow::handoff::Handoff;

    use troubleshooter::flow::config::is_unseen_control;
    use troubleshooter::flow::error::limits;
    use troubleshooter::flow::{load, translation, FlowError, ValidFlow};
    use troubleshooter::i18n::Strings;

    const USAGE: &str = "usage:
      flowcheck check [--config SETTINGS.json] FILE...
      flowcheck graph FILE [--format mermaid|dot]
      flowcheck paths FILE [--json]
      flowcheck render FILE --answers ANSWERS.json [--lang LANG]
      flowcheck export FILE --lang LANG [--format po|csv]
      flowcheck import FILE TRANSLATED.po|.csv
      flowcheck translate FILE --lang LANG
      flowcheck test FILE TESTS.json
      flowcheck readability FILE [--lang LANG]
      flowcheck schema [--tests]";

    /// Runs the command line. A command returns whether all is well (exit status 0, else 1); a
    /// command line that is not one of them prints the usage instead (exit status 2).
    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let passed = match args.as_slice() {
            ["check", "--config", settings, files @ ..] if !files.is_empty() => {
                match read_page(settings) {
                    Some(page) => check(files, Some(&page)),
                    None => false,
                }
            }
            ["check", files @ ..] if !files.is_empty() => check(files, None),
            ["graph", file] => graph(file, Notation::Mermaid),
            ["graph", file, "--format", "mermaid"] => graph(file, Notation::Mermaid),
            ["graph", file, "--format", "dot"] => graph(file, Notation::Dot),
            ["paths", file] => paths(file, false),
            ["paths", file, "--json"] => paths(file, true),
            ["render", file, "--answers", answers] => render(file, answers, None),
            ["render", file, "--answers", answers, "--lang", lang] => {
                render(file, answers, Some(lang))
            }
            ["export", file, "--lang", lang] => export(file, lang, Format::Po),
            ["export", file, "--lang", lang, "--format", format] => match Format::named(format) {
                Some(format) => export(file, lang, format),
                None => return usage(),
            },
            ["import", file, translated] => import(file, translated),
            ["translate", file, "--lang", lang] => translate(file, lang),
            ["test", file, tests] => test(file, tests),
            ["readability", file] => readability(file, None),
            ["readability", file, "--lang", lang] => readability(file, Some(lang)),
            ["generate", nodes, rows] => match (nodes.parse(), rows.parse()) {
                (Ok(nodes), Ok(rows)) => {
                    println!(
                        "{}",
                        troubleshooter::authoring::generate::layered(nodes, rows)
                    );
                    true
                }
                _ => return usage(),
            },
            ["schema"] => {
                println!("{}", troubleshooter::authoring::schema::json());
                true
            }
            ["schema", "--tests"] => {
                println!("{}", flowtest::schema());
                true
            }
            ["--help" | "-h" | "help"] => {
                println!("{USAGE}");
                true
            }
            _ => return usage(),
        };
        if passed {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    fn usage() -> ExitCode {
        eprintln!("{USAGE}");
        ExitCode::from(2)
    }

    /// Reads a file of at most `limits::MAX_BYTES`, or says why not. It never reads more than
    /// one byte past the limit, so a huge file or `/dev/zero` is refused at once and in little
    /// memory.
    fn read_bounded(file: &str) -> Result<String, String> {
        let unreadable = |e: std::io::Error| format!("cannot read the file: {e}");
        let opened = std::fs::File::open(file).map_err(unreadable)?;
        let mut bytes = Vec::new();
        (&opened)
            .take(limits::MAX_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        if bytes.len() > limits::MAX_BYTES {
            // A regular file knows its size; a device or a pipe only that it is over the limit.
            let size = opened
                .metadata()
                .ok()
                .filter(|m| m.is_file())
                .map_or(bytes.len() as u64, |m| m.len().max(bytes.len() as u64));
            return Err(load::too_large(size).message);
        }
        String::from_utf8(bytes).map_err(|_| {
            unreadable(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "stream did not contain valid UTF-8",
            ))
        })
    }

    /// Reads and validates a file, printing every error as `FILE:PATH: message`.
    fn load(file: &str) -> Option<ValidFlow> {
        load_with_text(file).map(|(_, flow)| flow)
    }

    /// `load`, keeping the file's text too (for its translations).
    fn load_with_text(file: &str) -> Option<(String, ValidFlow)> {
        let text = match read_bounded(file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{file}: {e}");
                return None;
            }
        };
        let flow = ValidFlow::from_json(&text)
            .map_err(|errors| {
                print_errors(file, &errors);
                eprintln!(
                    "{file}: {} error{}",
                    errors.len(),
                    if errors.len() == 1 { "" } else { "s" }
                );
            })
            .ok()?;
        Some((text, flow))
    }

    /// Text for the terminal: control characters (an ESC from a flow could clear the screen)
    /// are shown as `\u{…}` escapes, and a very long text is cut.
    fn printable(text: &str) -> String {
        const MOST: usize = 2_000;
        let mut out = String::new();
        for (n, c) in text.chars().enumerate() {
            if n == MOST {
                out.push_str(" …");
                break;
            }
            if is_unseen_control(c) {
                out.push_str(&c.escape_unicode().to_string());
            } else {
                out.push(c);
            }
        }
        out
    }

    /// Validates each file, then lints the valid ones: errors fail the check, warnings do not.
    /// With a page's settings, every way's Teams and ticket links are made too, and a link
    /// longer than its limit before the widget shortens it is a warning.
    fn check(files: &[&str], page: Option<&Page>) -> bool {
        let mut ok = true;
        for file in files {
            let Some((text, flow)) = load_with_text(file) else {
                ok = false;
                continue;
            };
            let flow = Rc::new(flow);
            let findings = lint::lint(&flow);
            for finding in &findings {
                eprintln!("{file}:{}", printable(&finding.to_string()));
            }
            let translated = translations::check(file, &text, &flow);
            for problem in &translated {
                eprintln!("{}", printable(&problem.to_string()));
            }
            let long = page.map_or(0, |page| long_links(file, &flow, page));
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count()
                + translated.len();
            let warnings = findings.len() + translated.len() - errors + long;
            let nodes = flow.flow().nodes.len();
            if errors > 0 {
                ok = false;
                eprintln!(
                    "{file}: {}, {}",
                    count(errors, "error"),
                    count(warnings, "warning")
                );
            } else if warnings > 0 {
                println!("{file}: ok ({nodes} nodes), {}", count(warnings, "warning"));
            } else {
                println!("{file}: ok ({nodes} nodes)");
            }
        }
        ok
    }

    /// Prints a warning for each way whose Teams or ticket link passes its limit before the
    /// widget shortens it (cutting lines from the end of the text), naming the way; how many.
    fn long_links(file: &str, flow: &Rc<ValidFlow>, page: &Page) -> usize {
        let note = Strings::english().mailto_note().to_owned();
        let mut long = 0;
        let found = walk::explore_with(Rc::clone(flow), limits::MAX_PATHS, |way, session| {
            let Some(handoff) = Handoff::for_session(session, &page.config) else {
                return;
            };
            let Some(email) = &handoff.email else {
                return;
            };
            let ids = LinkIds {
                reference: &handoff.reference,
                flow: &flow.flow().id,
                outcome: &way.outcome,
            };
            for link in page.channels.links(email, &ids, &note, usize::MAX) {
                let (name, limit) = match link.channel {
                    Channel::Teams => ("Teams", TEAMS_BUDGET),
                    Channel::Ticket => ("ticket", TICKET_BUDGET),
                };
                if link.full > limit {
                    long += 1;
                    let answers: Vec<String> = way.steps.iter().filter_map(Step::answer).collect();
                    eprintln!(
                        "{file}: warning: path {} to `{}` ({}): the {name} link is {} characters before shortening, over {limit}; the widget cuts the end of the text and keeps the reference",
                        way.code,
                        way.outcome,
                        printable(&answers.join(" › ")),
                        link.full
                    );
                }
            }
        });
        if found.truncated {
            eprintln!(
                "{file}: note: the links of the first {} ways were checked; there are more",
                found.walks.len()
            );
        }
        long
    }

    /// The page's settings from `--config`: the attributes as JSON, by their own names
    /// (`support-teams`) or `flowcheck render`'s (`support_teams`); or, printed, why not.
    fn read_page(file: &str) -> Option<Page> {
        let read = read_bounded(file).and_then(|text| {
            let value: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| e.to_string())?;
            flowtest::page(&settings_of(&value)?)
        });
        read.map_err(|e| eprintln!("{file}: {}", printable(&e)))
            .ok()
    }

    fn count(n: usize, what: &str) -> String {
        format!("{n} {what}{}", if n == 1 { "" } else { "s" })
    }

    fn graph(file: &str, notation: Notation) -> bool {
        let Some(flow) = load(file) else {
            return false;
        };
        print!("{}", diagram::draw(flow.flow(), notation));
        true
    }

    fn paths(file: &str, json: bool) -> bool {
        let Some(flow) = load(file) else {
            return false;
        };
        let found = walk::explore(Rc::new(flow), limits::MAX_PATHS);
        if json {
            println!(
                "{}",
                serde_json::to_string_pretty(&found).unwrap_or_default()
            );
            return found.truncated || found.unreached.is_empty();
        }
        for (n, w) in found.walks.iter().enumerate() {
            let steps: Vec<String> = w
                .steps
                .iter()
                .map(|s| match s {
                    Step::Info { node } => node.clone(),
                    Step::Review => "check answers".to_owned(),
                    answered => answered.answer().unwrap_or_default(),
                })
                .collect();
            println!(
                "{:>4}. {} → {} ({}, path {})",
                n + 1,
                printable(&steps.join(" › ")),
                w.outcome,
                w.kind,
                w.code
            );
        }
        let outcomes = walk::one_per_outcome(&found).len();
        println!(
            "{file}: {} path{}{}, {outcomes} of {} outcomes reached",
            found.walks.len(),
            if found.walks.len() == 1 { "" } else { "s" },
            if found.truncated {
                format!(
                    " (stopped at {} after {} steps; the limits are {} paths and {} steps)",
                    found.walks.len(),
                    found.explored,
                    limits::MAX_PATHS,
                    limits::MAX_EXPLORE_STEPS
                )
            } else {
                String::new()
            },
            outcomes + found.unreached.len()
        );
        if found.truncated {
            // Validation has already shown that every node can be reached in the graph; an
            // outcome the search did not get to may be reachable by a way it did not try.
            if !found.unreached.is_empty() {
                // A flow of 20,000 nodes can leave thousands: name a few.
                const NAMED: usize = 20;
                let mut named = found.unreached[..found.unreached.len().min(NAMED)].join(", ");
                if found.unreached.len() > NAMED {
                    named.push_str(&format!(" and {} more", found.unreached.len() - NAMED));
                }
                println!("{file}: not reached before the search stopped: {named}");
            }
            return true;
        }
        for id in &found.unreached {
            eprintln!("{file}: no way through the flow reaches the outcome `{id}`");
        }
        found.unreached.is_empty()
    }

    /// The Flesch-Kincaid grade of every question and outcome; fails above the maximum.
    /// Scores every screen with the formula meant for the flow's language (or `lang`, its
    /// translation beside it); a language with no standard formula is said to have none.
    fn readability(file: &str, lang: Option<&str>) -> bool {
        let Some((text, flow)) = load_with_text(file) else {
            return false;
        };
        let flow = match lang {
            None => flow,
            Some(lang) => match in_language(file, &text, flow, lang) {
                Some((flow, _)) => flow,
                None => return false,
            },
        };
        let language = &flow.flow().language;
        let Some(measure) = readability::Measure::for_language(language) else {
            println!(
                "{file}: no readability formula is standard for `{language}`; \
                 ask a native reader to check that each screen is short and plain"
            );
            return true;
        };
        let mut ok = true;
        for node in &flow.flow().nodes {
            let text = readability::screen_text(node);
            if text.is_empty() {
                continue;
            }
            let score = measure.score(&text);
            let verdict = match measure.verdict(score) {
                readability::Verdict::TooHard => {
                    ok = false;
                    "too hard"
                }
                readability::Verdict::AboveGoal => "above the goal",
                readability::Verdict::Ok => "ok",
            };
            println!("{score:>5.1}  {:<28} {verdict}", node.id());
        }
        println!("{file} in `{language}`: {}", measure.describe());
        ok
    }

    fn render(file: &str, answers_file: &str, lang: Option<&str>) -> bool {
        let Some((text, flow)) = load_with_text(file) else {
            return false;
        };
        let (flow, strings) = match lang {
            None => (flow, Strings::english()),
            Some(lang) => match in_language(file, &text, flow, lang) {
                Some(found) => found,
                None => return false,
            },
        };
        let (answers, page) = match read_answers(answers_file) {
            Ok(read) => read,
            Err(e) => {
                eprintln!("{answers_file}: {}", printable(&e));
                return false;
            }
        };
        let session = match walk::follow(Rc::new(flow), &answers) {
            Ok(session) => session,
            Err(e) => {
                eprintln!("{answers_file}: {}", printable(&e));
                return false;
            }
        };
        print!("{}", transcript(&session, &page, strings.mailto_note()));
        true
    }

    /// The widget's own words in each language it has, as it downloads them.
    const INTERFACES: [(&str, &str); 3] = [
        ("de", include_str!("../i18n/de.json")),
        ("es", include_str!("../i18n/es.json")),
        ("ar", include_str!("../i18n/ar.json")),
    ];

    /// `flow` in `lang` (its translation file beside `file` put in) and the widget's words in
    /// that language, English where the widget has none; or, printed, why not.
    fn in_language(
        file: &str,
        text: &str,
        flow: ValidFlow,
        lang: &str,
    ) -> Option<(ValidFlow, Strings)> {
        let primary = troubleshooter::i18n::primary(lang);
        let strings = match INTERFACES.iter().find(|(l, _)| *l == primary) {
            Some((l, json)) => Strings::from_json(l, json).expect("the built-in words load"),
            None => {
                if primary != "en" {
                    eprintln!("note: the widget's own words are not available in `{lang}`; they are in English");
                }
                Strings::english()
            }
        };
        if flow.flow().language == lang {
            return Some((flow, strings));
        }
        let (overlay_file, overlay) = read_translation(file, lang)?;
        ValidFlow::translated(text, &overlay)
            .map_err(|errors| print_errors(&overlay_file, &errors))
            .ok()
            .map(|flow| (flow, strings))
    }

    /// The translation file of `file` into `lang`, its name and text; or, printed, why not.
    fn read_translation(file: &str, lang: &str) -> Option<(String, String)> {
        let overlay_file = translation::file_name(file, lang);
        match read_bounded(&overlay_file) {
            Ok(overlay) => Some((overlay_file, overlay)),
            Err(e) => {
                eprintln!("{overlay_file}: {e}");
                None
            }
        }
    }

    /// Prints each error as `FILE:PATH: message`.
    fn print_errors(file: &str, errors: &[FlowError]) {
        for e in errors {
            eprintln!("{}", printable(&e.in_file(file)));
        }
    }

    /// Prints the flow with its translation into `lang` put in, as the widget reads it.
    fn translate(file: &str, lang: &str) -> bool {
        let Some((text, _)) = load_with_text(file) else {
            return false;
        };
        let Some((overlay_file, overlay)) = read_translation(file, lang) else {
            return false;
        };
        match translation::merged(&text, &overlay) {
            Ok((json, _)) => {
                let mut out = String::new();
                json.write(&mut out);
                println!("{out}");
                true
            }
            Err(errors) => {
                print_errors(&overlay_file, &errors);
                false
            }
        }
    }

    /// Prints the flow's texts for translators into `lang`, with the translations its
    /// translation file beside it already has.
    fn export(file: &str, lang: &str, format: Format) -> bool {
        let Some((text, flow)) = load_with_text(file) else {
            return false;
        };
        let overlay_file = translation::file_name(file, lang);
        let overlay = std::path::Path::new(&overlay_file)
            .exists()
            .then(|| read_bounded(&overlay_file));
        let overlay = match overlay.transpose() {
            Ok(overlay) => overlay,
            Err(e) => {
                eprintln!("{overlay_file}: {e}");
                return false;
            }
        };
        match exchange::catalog(&text, &flow, lang, overlay.as_deref()) {
            Ok(catalog) => {
                print!("{}", exchange::write(&catalog, format));
                let texts: Vec<_> = catalog.to_translate().collect();
                let done = texts.iter().filter(|t| t.translation.is_some()).count();
                eprintln!(
                    "{file}: {done} of {} texts translated into `{lang}`",
                    texts.len()
                );
                true
            }
            Err(e) => {
                eprintln!("{overlay_file}: {}", printable(&e));
                false
            }
        }
    }

    /// Writes the translation file beside the flow from a PO or CSV file translators sent
    /// back. Entries it cannot use are listed; then it fails, having written the rest.
    fn import(file: &str, translated: &str) -> bool {
        let Some(format) = Format::named(translated) else {
            eprintln!("{translated}: name a .po or .csv file");
            return false;
        };
        let Some((text, flow)) = load_with_text(file) else {
            return false;
        };
        // `file:line N: what`, or `file: what` for the file as a whole.
        let at = |line: usize, problem: &str| match line {
            0 => format!("{translated}: {}", printable(problem)),
            _ => format!("{translated}:line {line}: {}", printable(problem)),
        };
        let returned = match read_bounded(translated).map(|t| exchange::read(&t, format)) {
            Ok(Ok(returned)) => returned,
            Ok(Err((line, problem))) => {
                eprintln!("{}", at(line, &problem));
                return false;
            }
            Err(e) => {
                eprintln!("{}", at(0, &e));
                return false;
            }
        };
        let imported = match exchange::import(&text, &flow, &returned) {
            Ok(imported) => imported,
            Err(e) => {
                eprintln!("{translated}: {}", printable(&e));
                return false;
            }
        };
        for (line, problem) in &imported.skipped {
            eprintln!("{}", at(*line, problem));
        }
        let lang = &returned.language;
        let out = translation::file_name(file, lang);
        if let Err(e) = std::fs::write(&out, &imported.overlay) {
            eprintln!("{out}: cannot write the file: {e}");
            return false;
        }
        println!(
            "{out}: {} of {} texts translated",
            imported.translated, imported.texts
        );
        if !flow.flow().translations.iter().any(|l| l == lang) {
            println!(
                "note: add \"{lang}\" to the flow's `translations` so that the widget offers it"
            );
        }
        imported.skipped.is_empty()
    }

    /// Runs a flow's test file: every case, and every rule on every way through the flow.
    fn test(file: &str, tests_file: &str) -> bool {
        let Some(flow) = load(file) else {
            return false;
        };
        let tests = read_bounded(tests_file).and_then(|text| flowtest::parse(&text));
        let report = match tests.and_then(|t| flowtest::run(Rc::new(flow), &t, limits::MAX_PATHS)) {
            Ok(report) => report,
            Err(e) => {
                eprintln!("{tests_file}: {}", printable(&e));
                return false;
            }
        };
        for failure in &report.failures {
            eprintln!("{tests_file}: {}", printable(failure));
        }
        let ways = if report.truncated {
            format!("the first {} ways", report.paths)
        } else {
            count(report.paths, "way")
        };
        let verdict = match report.failures.len() {
            0 => "all passed".to_owned(),
            n => format!("{} failed", count(n, "check")),
        };
        println!(
            "{tests_file}: {} and {} on {ways} through the flow: {verdict}",
            count(report.cases, "case"),
            count(report.rules, "rule"),
        );
        report.failures.is_empty()
    }

    /// Reads answers: an object of id to string, with an optional `"config"` object of page
    /// settings (`org_name`, `support_email`, `support_phone`, `support_hours`,
    /// `support_teams`, `ticket_url`).
    fn read_answers(file: &str) -> Result<(AnswersById, Page), String> {
        let text = read_bounded(file)?;
        let mut value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let config = value
            .as_object_mut()
            .and_then(|o| o.remove("config"))
            .unwrap_or_default();
        let page = flowtest::page(&settings_of(&config)?)?;
        let answers: AnswersById = serde_json::from_value(value)
            .map_err(|e| format!("answers must map ids to strings: {e}"))?;
        Ok((answers, page))
    }

    /// Page settings as strings by name, from a JSON object of them.
    fn settings_of(value: &serde_json::Value) -> Result<BTreeMap<String, String>, String> {
        match value {
            serde_json::Value::Null => Ok(BTreeMap::new()),
            serde_json::Value::Object(o) => o
                .iter()
                .map(|(k, v)| match v.as_str() {
                    Some(s) => Ok((k.clone(), s.to_owned())),
                    None => Err(format!("config.{k}: a page setting is a string")),
                })
                .collect(),
            _ => Err("the page settings must be an object of names to strings".into()),
        }
    }
}
