//! Texts out to translators and back (`flowcheck export` and `import`): a round trip with no
//! edits writes each built-in translation as it is, in PO and in CSV; what translators' tools
//! do to a file (wrapped lines, fuzzy and obsolete entries, edits) comes back as they meant
//! it; and what cannot be used is named by its line.
#![cfg(not(target_arch = "wasm32"))]

use troubleshooter::authoring::exchange::{self, Format, Returned};
use troubleshooter::authoring::translations::check_one;
use troubleshooter::flow::ValidFlow;
use troubleshooter::i18n::LANGUAGES;

const FLOW: &str = include_str!("../flows/microsoft-authenticator.json");

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn flow() -> ValidFlow {
    ValidFlow::from_json(FLOW).unwrap()
}

fn overlay(lang: &str) -> String {
    read(&format!("flows/microsoft-authenticator.{lang}.json"))
}

/// The catalog of the built-in flow in `lang` with its translation, as `format`.
fn exported(lang: &str, format: Format) -> String {
    let catalog = exchange::catalog(FLOW, &flow(), lang, Some(&overlay(lang))).unwrap();
    exchange::write(&catalog, format)
}

fn imported(text: &str, format: Format) -> exchange::Imported {
    let returned = exchange::read(text, format).unwrap_or_else(|e| panic!("{e:?}"));
    exchange::import(FLOW, &flow(), &returned).unwrap()
}

#[test]
fn a_round_trip_with_no_edits_changes_nothing() {
    for lang in &LANGUAGES[1..] {
        for format in [Format::Po, Format::Csv] {
            let back = imported(&exported(lang, format), format);
            assert!(
                back.skipped.is_empty(),
                "{lang} {format:?}: {:?}",
                back.skipped
            );
            assert_eq!(back.translated, back.texts, "{lang} {format:?}");
            assert!(
                back.overlay == overlay(lang),
                "{lang} {format:?}: the overlay changed"
            );
        }
    }
}

#[test]
fn an_untranslated_catalog_imports_to_a_file_that_lists_every_text_as_missing() {
    let catalog = exchange::catalog(FLOW, &flow(), "fr", None).unwrap();
    assert!(catalog.texts.iter().all(|t| t.translation.is_none()));
    let po = exchange::write(&catalog, Format::Po);
    assert!(po.contains("\"Language: fr\\n\""), "{po}");
    // Each text's placeholders are named for the translator.
    assert!(po.contains("#. keep: {upn}\n"), "{po}");
    let back = imported(&po, Format::Po);
    assert_eq!(back.translated, 0);
    let missing = check_one(FLOW, &back.overlay, "fr", "microsoft-authenticator");
    assert_eq!(missing.len(), catalog.to_translate().count(), "{missing:?}");
}

/// The German PO with `edit` applied to it.
fn german_po(edit: impl Fn(String) -> String) -> String {
    edit(exported("de", Format::Po))
}

#[test]
fn what_translators_tools_write_comes_back_as_meant() {
    let title = "msgctxt \"title\"\nmsgid \"Get back into your work account\"\nmsgstr \"Wieder Zugriff auf Ihr Geschäftskonto\"\n";
    let po = german_po(|po| {
        assert!(po.contains(title), "{po}");
        po.replace(
            title,
            // Poedit wraps long lines; a reviewer marks a text fuzzy; an old entry is obsolete.
            "#: a reference\n#, fuzzy, c-format\nmsgctxt \"title\"\nmsgid \"Get back into your work account\"\nmsgstr \"\"\n\"Wieder Zugang \"\n\"zu Ihrem Konto\"\n\n#~ msgid \"gone\"\n#~ msgstr \"weg\"\n",
        )
    });
    let back = imported(&po, Format::Po);
    assert!(back.skipped.is_empty(), "{:?}", back.skipped);
    // Fuzzy is "not yet translated", as gettext reads it.
    assert_eq!(back.translated + 1, back.texts);
    assert!(!back.overlay.contains("\n  \"title\""), "{}", back.overlay);

    let po = german_po(|po| {
        po.replace(
            title,
            &title.replace(
                "msgstr \"Wieder Zugriff auf Ihr Geschäftskonto\"",
                "msgstr \"Wieder \"\n\"in Ihr \\\"Konto\\\"\"",
            ),
        )
    });
    let back = imported(&po, Format::Po);
    assert!(
        back.overlay
            .contains("\"title\": \"Wieder in Ihr \\\"Konto\\\"\","),
        "{}",
        back.overlay
    );
}

#[test]
fn a_text_left_out_of_a_list_is_null_and_the_check_names_it() {
    let po = exported("de", Format::Po);
    let entry = po
        .split("\n\n")
        .find(|e| e.contains("msgctxt \"nodes.out-helpdesk.email.body.0\""))
        .expect("the helpdesk email's first line");
    let blank = entry
        .lines()
        .take_while(|l| !l.starts_with("msgstr"))
        .collect::<Vec<_>>()
        .join("\n")
        + "\nmsgstr \"\"";
    let back = imported(&po.replace(entry, &blank), Format::Po);
    assert!(
        back.overlay.contains("\"body\": [\n          null,"),
        "{}",
        back.overlay
    );
    let problems = check_one(FLOW, &back.overlay, "de", "microsoft-authenticator");
    assert_eq!(
        problems,
        [(
            "nodes.out-helpdesk.email.body.0".to_owned(),
            "this text has no translation".to_owned()
        )]
    );
}

#[test]
fn entries_that_no_longer_fit_the_flow_are_skipped_with_their_line() {
    let po = german_po(|po| {
        po.replace(
            "msgctxt \"nodes.account.label\"",
            "msgctxt \"nodes.gone.label\"",
        )
    });
    let line_of = |needle: &str| po.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let back = imported(&po, Format::Po);
    assert_eq!(
        back.skipped,
        [(
            line_of("nodes.gone.label"),
            "`nodes.gone.label`: the flow has no such text".to_owned()
        )]
    );
    let po = german_po(|po| po.replacen("msgid \"Account\"", "msgid \"Your account\"", 1));
    let back = imported(&po, Format::Po);
    assert_eq!(back.skipped.len(), 1);
    assert!(
        back.skipped[0].1.contains("changed since the export"),
        "{:?}",
        back.skipped
    );
}

#[test]
fn a_broken_file_is_refused_with_its_line() {
    let refused = |text: &str, format| exchange::read(text, format).expect_err(text);
    assert_eq!(
        refused(
            "msgid \"\"\nmsgstr \"Language: de\\n\"\n\nmsgctxt \"title\"\nmsgid \"x\\q\"\n",
            Format::Po
        )
        .0,
        5
    );
    assert_eq!(
        refused(
            "msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"title\"\nmsgid \"x\"\nmsgstr \"y\"\n",
            Format::Po
        ),
        (0, "the header has no `Language:`".to_owned())
    );
    assert_eq!(
        refused(
            "msgid \"\"\nmsgstr \"Language: de\\n\"\nmsgid \"x\"\nmsgstr \"y\"\n",
            Format::Po
        )
        .0,
        3
    );
    assert_eq!(
        refused(
            "msgid \"\"\nmsgstr \"Language: de\\n\"\nmsgctxt \"a\"\nmsgid \"x\nmsgstr \"y\"\n",
            Format::Po
        )
        .0,
        4
    );
    assert_eq!(
        refused("path,en,de\r\ntitle,\"a, b\",\"c\r\n", Format::Csv).0,
        2
    );
    assert_eq!(refused("path,en,de\r\ntitle,a\r\n", Format::Csv).0, 2);
    assert_eq!(refused("id,text\r\n", Format::Csv).0, 1);
}

#[test]
fn csv_keeps_commas_quotes_and_line_breaks_and_a_spreadsheet_reads_it_as_utf8() {
    let csv = exported("de", Format::Csv);
    assert!(csv.starts_with("\u{feff}path,en,de\r\n"));
    // The account hint has two paragraphs and commas; it comes back whole.
    assert!(csv.contains("\"Ihr **Geschäfts-, Schul- oder Unikonto** haben Sie"));
    let Returned {
        language, entries, ..
    } = exchange::read(&csv, Format::Csv).unwrap();
    assert_eq!(language, "de");
    let (_, _, source, _) = entries
        .iter()
        .find(|e| e.1 == "nodes.account-hint.body")
        .unwrap();
    assert!(source.contains("logo.\n\nYour **personal"), "{source}");
}

#[test]
fn gettext_reads_the_exported_po() {
    let Ok(version) = std::process::Command::new("msgfmt")
        .arg("--version")
        .output()
    else {
        eprintln!("note: msgfmt is not installed; the PO files are checked by the round trip only");
        return;
    };
    assert!(version.status.success());
    for lang in &LANGUAGES[1..] {
        let path =
            std::env::temp_dir().join(format!("troubleshooter-{lang}-{}.po", std::process::id()));
        std::fs::write(&path, exported(lang, Format::Po)).unwrap();
        let out = std::process::Command::new("msgfmt")
            .args(["--check", "--statistics", "-o", "/dev/null"])
            .arg(&path)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{lang}: {said}");
        let expected = exchange::catalog(FLOW, &flow(), lang, None)
            .unwrap()
            .to_translate()
            .count();
        assert!(
            said.contains(&format!("{expected} translated messages.")),
            "{lang}: {said}"
        );
        std::fs::remove_file(path).unwrap();
    }
}
