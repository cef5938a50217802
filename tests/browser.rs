//! Browser component tests: the widget mounted into a fresh element of a real page (headless
//! Chromium through wasm-bindgen-test-runner), driven by clicks and typing, asserted on the DOM
//! and on where focus is. Rendering is awaited with `yew::scheduler::flush`, never with sleeps.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use troubleshooter::flow::{self, Config, OutcomeKind, ValidFlow};
use troubleshooter::i18n::Strings;
use troubleshooter::ui::settings::{FlowChoice, Mode, Settings};
use troubleshooter::ui::state::{FlowVersion, HandoffAction, WidgetEvent};
use troubleshooter::ui::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};
use yew::scheduler::flush;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

const BUILT_IN: &str = "microsoft-authenticator";

fn contoso() -> Config {
    Config::new(
        Some("Contoso".into()),
        Some("helpdesk@contoso.com".into()),
        Some("+1 555 0100".into()),
        None,
    )
    .0
}

/// A widget mounted into a new element of the test page, removed when dropped.
struct Widget {
    root: Element,
}

impl Widget {
    async fn mount(json: &str, config: Config) -> Widget {
        Widget::mount_with_events(json, config, Callback::noop()).await
    }

    async fn mount_with_events(
        json: &str,
        config: Config,
        onevent: Callback<WidgetEvent>,
    ) -> Widget {
        let flow = ValidFlow::from_json(json).expect("the flow is valid");
        Widget::mount_flow(flow, config, onevent).await
    }

    /// Mounts `flow` with the English interface words, on screens in the flow's language.
    async fn mount_flow(flow: ValidFlow, config: Config, onevent: Callback<WidgetEvent>) -> Widget {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let settings = Settings {
            flow: FlowChoice::BuiltIn(BUILT_IN.into()),
            config,
            languages: Vec::new(),
            handoff_lang: None,
            lang: flow.flow().language.clone(),
            strings: Rc::new(Strings::english()),
            handoff: None,
            mode: Mode::Inline,
            history: false,
            idle_seconds: 120,
            allow_navigation: false,
            persist: false,
            qr: Default::default(),
            channel_attributes: (None, None),
            channels: Default::default(),
        };
        let props = AppProps {
            flow: Rc::new(flow),
            settings: Rc::new(settings),
            uid: "t".into(),
            host_id: Default::default(),
            notices: Rc::default(),
            remote: Default::default(),
            onevent,
        };
        yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        flush().await;
        Widget { root }
    }

    async fn built_in() -> Widget {
        Widget::mount(flow::built_in(BUILT_IN).unwrap(), contoso()).await
    }

    fn find(&self, css: &str) -> Option<Element> {
        self.root.query_selector(css).unwrap()
    }

    fn all(&self, css: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(css).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    fn text(&self, css: &str) -> String {
        self.find(css)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    fn heading(&self) -> String {
        self.text(".gt-screen .gt-heading")
    }

    async fn click(&self, css: &str) {
        let element = self
            .find(css)
            .unwrap_or_else(|| panic!("no {css} on the screen `{}`", self.heading()));
        element.dyn_into::<HtmlElement>().unwrap().click();
        flush().await;
    }

    /// Chooses an option by its id and presses Continue.
    async fn choose(&self, option: &str) {
        self.click(&format!(".gt-radio-input[value='{option}']"))
            .await;
        self.click(".gt-question button[type=submit]").await;
    }

    /// Types into a field by its id, as a person does (an input event follows).
    async fn type_into(&self, field: &str, value: &str) {
        let input: HtmlInputElement = self
            .find(&format!("input[name='{field}']"))
            .unwrap()
            .dyn_into()
            .unwrap();
        input.set_value(value);
        let init = EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        flush().await;
    }

    fn value_of(&self, field: &str) -> String {
        self.find(&format!("input[name='{field}']"))
            .unwrap()
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value()
    }

    async fn submit_fields(&self) {
        self.click(".gt-fields button[type=submit]").await;
    }

    fn focused(&self) -> Element {
        web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .expect("something has focus")
    }

    /// Asserts that the error summary lists each of `messages`.
    fn assert_summary_lists(&self, messages: &[&str]) {
        let summary = self.text(".gt-error-summary");
        for message in messages {
            assert!(
                summary.contains(message),
                "`{message}` missing from `{summary}`"
            );
        }
    }

    fn assert_focus_on_heading(&self) {
        let focused = self.focused();
        assert!(
            focused.class_list().contains("gt-heading"),
            "focus is on `{}`, not the heading",
            focused.outer_html()
        );
        assert_eq!(focused.text_content().unwrap_or_default(), self.heading());
    }

    async fn start(&self) {
        self.click(".gt-button-start").await;
    }

    async fn details(&self) {
        self.type_into("name", "Ada Lovelace").await;
        self.type_into("upn", "ada@contoso.com").await;
        self.submit_fields().await;
    }

    /// From the start screen to "Your details for the helpdesk", along the sign-in path where
    /// `app` is what happened to Authenticator and no other way works.
    async fn to_details(&self, app: &str) {
        self.start().await;
        for option in ["work", "approve", app, "none"] {
            self.choose(option).await;
        }
        self.click(".gt-info .gt-button").await;
        self.choose("no").await;
        self.choose("no").await;
    }

    /// From the start screen to the helpdesk outcome of an unknown error code.
    async fn to_error_outcome(&self) {
        self.start().await;
        self.choose("work").await;
        self.choose("error").await;
        self.type_into("error_code", "AADSTS99999").await;
        self.submit_fields().await;
        self.choose("no").await;
        self.details().await;
        self.click(".gt-review > .gt-button").await;
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.root.remove();
    }
}

#[wasm_bindgen_test]
async fn start_screen_says_what_it_does_and_that_nothing_leaves_the_device() {
    let w = Widget::built_in().await;
    let flow = ValidFlow::from_json(flow::built_in(BUILT_IN).unwrap()).unwrap();
    assert_eq!(w.heading(), flow.flow().title);
    assert!(w.text(".gt-start").contains(&flow.flow().summary));
    assert!(w.text(".gt-start").contains("It takes about 3 minutes."));
    assert!(w
        .text(".gt-privacy")
        .contains("Nothing is sent unless you send it yourself."));
    assert!(w.find(".gt-back").is_none(), "no Back on the start screen");
    let active = w.focused();
    assert!(
        !w.root.contains(Some(&active)),
        "the widget does not take focus when the page loads"
    );
}

#[wasm_bindgen_test]
async fn each_screen_change_moves_focus_to_its_heading_and_announces_it() {
    let w = Widget::built_in().await;
    w.start().await;
    assert_eq!(w.heading(), "Which account are you trying to sign in to?");
    w.assert_focus_on_heading();
    assert_eq!(
        w.text("[aria-live=polite]"),
        w.heading(),
        "the live region announces the new screen"
    );
    assert!(w
        .text(".gt-progress-label")
        .starts_with("Step 1 of at most"));
    w.choose("unsure").await;
    assert_eq!(w.heading(), "How to tell which account it is");
    w.assert_focus_on_heading();
    w.click(".gt-info .gt-button").await;
    assert_eq!(w.heading(), "So, which account is it?");
    w.assert_focus_on_heading();
}

#[wasm_bindgen_test]
async fn a_question_without_a_choice_shows_a_linked_error_and_takes_focus() {
    let w = Widget::built_in().await;
    w.start().await;
    w.click(".gt-question button[type=submit]").await;
    w.assert_summary_lists(&["There is a problem"]);
    assert!(
        w.focused().class_list().contains("gt-error-summary"),
        "the summary takes focus"
    );
    let link = w.find(".gt-error-summary a").unwrap();
    assert_eq!(link.text_content().unwrap(), "Choose one option");
    assert_eq!(link.get_attribute("href").unwrap(), "#t-q-account-0");
    assert!(w.text(".gt-error-message").contains("Choose one option"));
    let fieldset = w.find(".gt-fieldset").unwrap();
    assert!(fieldset
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("t-q-account-error"));

    w.click(".gt-error-summary a").await;
    assert_eq!(
        w.focused().id(),
        "t-q-account-0",
        "the link focuses the first option"
    );

    w.choose("work").await;
    assert_eq!(w.heading(), "What does the sign-in screen show now?");
    assert!(w.find(".gt-error-summary").is_none());
}

#[wasm_bindgen_test]
async fn field_errors_are_shown_inline_and_in_the_summary_and_nothing_typed_is_lost() {
    let w = Widget::built_in().await;
    w.to_details("signed-out").await;
    assert_eq!(w.heading(), "Your details for the helpdesk");

    w.type_into("upn", "ada at contoso").await;
    w.type_into("employee_id", "E#1").await;
    w.type_into("trying_to_open", &"x".repeat(101)).await;
    w.submit_fields().await;
    w.assert_summary_lists(&[
        "Enter this information",
        "Enter an email address like name@example.com",
        "Use only letters, digits, spaces, dots, slashes and dashes",
        "Use 100 characters or fewer",
    ]);
    assert_eq!(w.all(".gt-error-message").len(), 4);
    let upn = w.find("input[name='upn']").unwrap();
    assert_eq!(upn.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(upn
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("t-f-upn-error"));
    assert_eq!(w.value_of("upn"), "ada at contoso", "what was typed stays");
    assert_eq!(w.value_of("employee_id"), "E#1");

    w.type_into("name", "Ada Lovelace").await;
    w.type_into("upn", "ada@contoso.com").await;
    w.type_into("employee_id", "E-10442").await;
    w.type_into("trying_to_open", "Outlook").await;
    w.submit_fields().await;
    assert_eq!(w.heading(), "Check your answers");
}

#[wasm_bindgen_test]
async fn a_pattern_field_uses_its_own_message_and_a_code_gets_a_warning() {
    let w = Widget::built_in().await;
    w.start().await;
    w.choose("work").await;
    w.choose("error").await;
    w.type_into("error_code", "hello").await;
    w.submit_fields().await;
    w.assert_summary_lists(&["Enter the code as it is shown, like AADSTS50076"]);

    w.type_into("error_code", "AADSTS99999").await;
    w.submit_fields().await;
    w.choose("no").await;
    w.type_into("trying_to_open", "123 456").await;
    assert!(
        w.text(".gt-warning")
            .contains("looks like a password or a code"),
        "warned while typing"
    );
    let input = w.find("input[name='trying_to_open']").unwrap();
    assert!(input
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("t-f-trying_to_open-warning"));
    w.details().await;
    w.click(".gt-review > .gt-button").await;
    assert_eq!(w.heading(), "Ask your IT helpdesk about this error");
    assert!(w
        .text(".gt-outcome")
        .contains("looked like a password or a code, so it was left out"));
    assert!(
        !w.text(".gt-email-body").contains("123"),
        "the code is not in the email"
    );
}

#[wasm_bindgen_test]
async fn helpdesk_outcome_after_check_your_answers_with_email_and_phone() {
    let w = Widget::built_in().await;
    w.to_details("lost").await;
    w.details().await;
    assert_eq!(w.heading(), "Check your answers");
    w.assert_focus_on_heading();
    assert_eq!(
        w.text(".gt-review > p"),
        "These answers go into your email and phone script."
    );
    let rows = w.all(".gt-summary-row");
    assert_eq!(rows.len(), 11, "6 answers and 5 fields");
    assert!(rows[2].text_content().unwrap().contains("My phone is lost"));
    assert!(
        w.text(".gt-summary").contains("Not given"),
        "empty optional fields say so"
    );

    w.click(".gt-review > .gt-button").await;
    assert_eq!(w.heading(), "Ask your IT helpdesk to reset your sign-in");
    w.assert_focus_on_heading();
    assert_eq!(
        w.text(".gt-email-subject"),
        "MFA reset needed - Authenticator phone lost - ada@contoso.com"
    );
    let mailto = w
        .find(".gt-email a[href^='mailto:']")
        .unwrap()
        .get_attribute("href")
        .unwrap();
    assert!(
        mailto.starts_with("mailto:helpdesk@contoso.com?subject=MFA%20reset%20needed"),
        "{mailto}"
    );
    let download = w.find("a[download]").unwrap();
    assert_eq!(
        download.get_attribute("download").as_deref(),
        Some("helpdesk-email.eml")
    );
    assert!(download
        .get_attribute("href")
        .unwrap()
        .starts_with("data:message/rfc822;charset=utf-8,To%3A%20helpdesk%40contoso.com"));
    assert_eq!(
        w.find(".gt-tel").unwrap().get_attribute("href").as_deref(),
        Some("tel:+15550100")
    );
    assert!(w.all(".gt-script li").len() >= 5);
    assert_eq!(w.text(".gt-phone .gt-subheading"), "Or phone your helpdesk");
    assert!(w
        .text(".gt-reference")
        .starts_with("Reference: microsoft-authenticator v1.2 path "));
    assert!(w
        .text(".gt-steps")
        .contains("IT will never ask for your password, or for a code sent to your phone."));

    // Back returns to the summary, Start again to the start screen with nothing kept.
    w.click(".gt-back").await;
    assert_eq!(w.heading(), "Check your answers");
    w.click(".gt-review > .gt-button").await;
    w.click(".gt-restart").await;
    assert!(w.find(".gt-start").is_some());
    w.assert_focus_on_heading();
    w.start().await;
    assert!(w.all(".gt-radio-input").iter().all(|r| !r
        .clone()
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .checked()));
}

#[wasm_bindgen_test]
async fn change_returns_to_the_question_then_back_to_the_summary() {
    let w = Widget::built_in().await;
    w.to_details("signed-out").await;
    w.details().await;

    let change = w.all(".gt-summary-row .gt-link");
    assert!(change[2].text_content().unwrap().starts_with("Change"));
    assert!(
        change[2].text_content().unwrap().contains("What happened"),
        "the link names what it changes"
    );
    change[2].clone().dyn_into::<HtmlElement>().unwrap().click();
    flush().await;
    assert_eq!(w.heading(), "What happened to Microsoft Authenticator?");
    w.assert_focus_on_heading();
    let checked: Vec<String> = w
        .all(".gt-radio-input")
        .into_iter()
        .filter(|r| r.clone().dyn_into::<HtmlInputElement>().unwrap().checked())
        .map(|r| r.get_attribute("value").unwrap())
        .collect();
    assert_eq!(checked, ["signed-out"], "the earlier answer is selected");

    w.choose("stolen").await;
    assert_eq!(
        w.heading(),
        "Check your answers",
        "the other answers still apply"
    );
    assert!(w.text(".gt-summary").contains("My phone was stolen"));
    w.click(".gt-review > .gt-button").await;
    assert!(w.text(".gt-email-subject").contains("phone stolen"));
}

#[wasm_bindgen_test]
async fn self_fix_not_supported_and_call_vendor_outcomes() {
    let w = Widget::built_in().await;
    w.start().await;
    w.choose("personal").await;
    assert_eq!(w.heading(), "Recover a personal account yourself");
    assert!(w.find(".gt-outcome-not_supported").is_some());
    assert!(w.find(".gt-email").is_none() && w.find(".gt-phone").is_none());
    let link = w.find(".gt-steps a").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://account.microsoft.com/security")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(
        link.query_selector(".gt-visually-hidden")
            .unwrap()
            .and_then(|hint| hint.text_content())
            .as_deref(),
        Some(" (opens in a new tab)"),
        "screen readers hear that the link opens beside the widget"
    );

    w.click(".gt-back").await;
    w.choose("work").await;
    w.choose("approve").await;
    w.choose("new-phone-old-works").await;
    assert_eq!(w.heading(), "Move Authenticator to your new phone");
    assert!(w.find(".gt-outcome-self_fix").is_some());
    assert_eq!(w.all(".gt-steps li").len(), 7);
    assert!(
        w.find(".gt-review").is_none(),
        "no summary before a self-fix"
    );

    w.click(".gt-back").await;
    w.choose("lost").await;
    w.choose("none").await;
    w.click(".gt-info .gt-button").await;
    w.choose("yes-only").await;
    w.choose("no").await;
    assert_eq!(w.heading(), "Check your answers");
    assert_eq!(
        w.text(".gt-review > p"),
        "These answers go into your phone script.",
        "no email is promised where there is none"
    );
    w.click(".gt-review > .gt-button").await;
    assert_eq!(
        w.heading(),
        "Call Microsoft support to get back into your organization"
    );
    assert_eq!(
        w.text(".gt-phone .gt-subheading"),
        "Your phone script",
        "a vendor call is not headed as a call to the helpdesk"
    );
    assert!(w.find(".gt-outcome-call_vendor").is_some());
    assert!(w.find(".gt-email").is_none());
    assert!(
        w.find(".gt-tel").is_none(),
        "no number: the steps link to Microsoft's page"
    );
    assert!(w
        .text(".gt-phone")
        .contains("often called the Data Protection team"));
}

#[wasm_bindgen_test]
async fn copy_either_copies_or_selects_the_text_and_says_so() {
    let w = Widget::built_in().await;
    w.to_error_outcome().await;
    w.click(".gt-email .gt-actions button").await;
    // The clipboard answers asynchronously; wait for the status, without a fixed sleep.
    let mut status = String::new();
    for _ in 0..100 {
        status = w.text(".gt-email .gt-copy-status");
        if !status.is_empty() {
            break;
        }
        gloo_timers_tick().await;
    }
    let selection = web_sys::window()
        .unwrap()
        .get_selection()
        .unwrap()
        .unwrap()
        .to_string()
        .as_string()
        .unwrap();
    match status.as_str() {
        "Copied" => {}
        s if s.starts_with("Copying is not available here") => {
            assert!(
                selection.contains("Hello IT helpdesk"),
                "the fallback selects the email: {selection:?}"
            )
        }
        other => panic!("unexpected copy status {other:?}"),
    }
}

/// Yields to the browser's event loop once.
async fn gloo_timers_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn no_support_email_still_offers_copy_download_and_print() {
    let w = Widget::mount(flow::built_in(BUILT_IN).unwrap(), Config::default()).await;
    w.to_error_outcome().await;
    assert!(w
        .text(".gt-email")
        .contains("No helpdesk email address is set up on this page."));
    assert!(w.find(".gt-email a[href^='mailto:']").is_none());
    let actions = w.text(".gt-email .gt-actions");
    for action in ["Copy email text", "Download email", "Print"] {
        assert!(actions.contains(action), "{action}");
    }
    assert!(w
        .text(".gt-phone")
        .contains("No helpdesk phone number is set up on this page."));
}

#[wasm_bindgen_test]
async fn the_host_hears_steps_outcomes_and_handoffs_but_never_answers() {
    let heard: Rc<std::cell::RefCell<Vec<WidgetEvent>>> = Rc::default();
    let onevent = {
        let heard = Rc::clone(&heard);
        Callback::from(move |e| heard.borrow_mut().push(e))
    };
    let w = Widget::mount_with_events(flow::built_in(BUILT_IN).unwrap(), contoso(), onevent).await;
    w.to_error_outcome().await;
    w.click(".gt-email a[download]").await;
    let heard = heard.borrow();
    let screens: Vec<(&str, &str)> = heard
        .iter()
        .filter_map(|e| match e {
            WidgetEvent::Step { node, screen, .. } => Some((node.as_str(), screen.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        screens,
        [
            ("", "start"),
            ("account", "question"),
            ("screen", "question"),
            ("error-details", "fields"),
            ("prompts", "question"),
            ("details", "fields"),
            ("", "review"),
            ("out-helpdesk-error", "outcome"),
        ]
    );
    assert!(heard.contains(&WidgetEvent::Outcome {
        node: "out-helpdesk-error".into(),
        kind: OutcomeKind::ContactHelpdesk,
        flow: FlowVersion {
            id: "microsoft-authenticator".into(),
            version: "1.2".into()
        }
    }));
    assert!(heard.contains(&WidgetEvent::Handoff {
        node: "out-helpdesk-error".into(),
        action: HandoffAction::DownloadEmail
    }));
    let everything = format!("{heard:?}");
    for private in ["Ada", "ada@contoso.com", "99999"] {
        assert!(
            !everything.contains(private),
            "an event carried `{private}`"
        );
    }
}

#[wasm_bindgen_test]
async fn every_field_format_has_its_own_error_message() {
    let flow = r#"{
        "format": 1, "id": "formats", "version": "1", "title": "Formats", "summary": "Every field format.",
        "language": "en", "start": "form",
        "nodes": [
            { "type": "fields", "id": "form", "text": "Your details", "next": "done", "fields": [
                { "id": "name", "label": "Name", "required": true },
                { "id": "mail", "label": "Email", "format": "email" },
                { "id": "tel", "label": "Phone", "format": "phone" },
                { "id": "when", "label": "When", "format": "date_time" },
                { "id": "code", "label": "Code", "format": "pattern", "pattern": "[A-Z]{3}" },
                { "id": "short", "label": "Short", "max_length": 3 } ] },
            { "type": "outcome", "id": "done", "kind": "self_fix", "title": "Done" }
        ]
    }"#;
    let w = Widget::mount(flow, Config::default()).await;
    w.start().await;
    for (field, value) in [
        ("mail", "nope"),
        ("tel", "call me"),
        ("when", "yesterday"),
        ("code", "ab1"),
        ("short", "four"),
    ] {
        w.type_into(field, value).await;
    }
    w.submit_fields().await;
    w.assert_summary_lists(&[
        "Enter this information",
        "Enter an email address like name@example.com",
        "Enter a phone number like +1 555 0100",
        "Enter a date or time, like 3 May 09:15",
        "Check what you typed",
        "Use 3 characters or fewer",
    ]);
    assert_eq!(
        w.find("input[name='tel']")
            .unwrap()
            .get_attribute("type")
            .as_deref(),
        Some("tel")
    );
    assert_eq!(
        w.find("input[name='mail']")
            .unwrap()
            .get_attribute("type")
            .as_deref(),
        Some("email")
    );
    assert_eq!(w.value_of("when"), "yesterday", "what was typed stays");
}

/// A form whose error code refuses one-time codes, and an ID and a note that do not.
const SECRETS_FLOW: &str = r#"{
  "format": 1, "id": "secrets", "version": "1", "title": "T", "summary": "S", "language": "en",
  "start": "details",
  "nodes": [
    {"type": "fields", "id": "details", "text": "Details", "fields": [
      {"id": "error_code", "label": "Error code", "format": "pattern",
       "pattern": "(?i)^(?:AADSTS)?(?<value>\\d{5,7})$", "refuse_codes": true},
      {"id": "employee_id", "label": "Employee ID", "format": "pattern", "pattern": "^[A-Za-z0-9-]{1,20}$"},
      {"id": "note", "label": "Note"}
    ], "next": "out"},
    {"type": "outcome", "id": "out", "kind": "contact_helpdesk", "title": "Ask IT",
     "email": {"subject": "Sign-in error {error_code}", "body": [
       "- Error code: {error_code}", "- Employee ID: {employee_id}", "- Note: {note}"]},
     "phone": {"lines": ["My employee ID is {employee_id}.", "Note: {note}"]}}
  ]
}"#;

#[wasm_bindgen_test]
async fn a_code_is_refused_where_codes_are_refused_and_never_handed_over_elsewhere() {
    let w = Widget::mount(SECRETS_FLOW, contoso()).await;
    w.start().await;
    w.type_into("error_code", "482 913").await;
    w.submit_fields().await;
    w.assert_summary_lists(&["This looks like a code from your phone or the Authenticator app"]);
    assert_eq!(w.value_of("error_code"), "482 913", "nothing typed is lost");

    w.type_into("error_code", "AADSTS500121").await;
    w.type_into("employee_id", "739201").await;
    assert!(
        w.text(".gt-warning")
            .contains("looks like a password or a code"),
        "a pattern field warns while typing too"
    );
    w.type_into("note", "Tr0ub4dor&3x").await;
    w.submit_fields().await;
    w.click(".gt-review > .gt-button").await;
    assert_eq!(w.heading(), "Ask IT");
    assert!(w
        .text(".gt-outcome")
        .contains("looked like a password or a code, so it was left out"));
    assert_eq!(w.text(".gt-email-subject"), "Sign-in error 500121");
    // Every way out of the device: the email as shown (and so copied and printed), the
    // mailto link, the .eml download, and the phone script.
    let hrefs: Vec<String> = w
        .all("a[href]")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    let shown = w.text(".gt-outcome");
    for secret in ["739201", "Tr0ub4dor"] {
        assert!(!shown.contains(secret), "{secret} is shown: {shown}");
        for href in &hrefs {
            assert!(!href.contains(secret), "{secret} is in {href}");
        }
    }
    assert!(
        hrefs.iter().any(|h| h.starts_with("mailto:"))
            && hrefs.iter().any(|h| h.starts_with("data:message/rfc822"))
    );
}

/// The language an element's text is in: its own `lang`, or its nearest ancestor's.
fn lang_of(element: &Element) -> String {
    element
        .closest("[lang]")
        .unwrap()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn english_interface_words_on_german_screens_say_they_are_english() {
    // A German flow with the English words, as when lang/de.json does not load.
    let flow = ValidFlow::translated(
        include_str!("../flows/microsoft-authenticator.json"),
        include_str!("../flows/microsoft-authenticator.de.json"),
    )
    .unwrap();
    let w = Widget::mount_flow(flow, contoso(), Callback::noop()).await;
    let assert_langs = |cases: &[(&str, &str)]| {
        for (css, lang) in cases {
            let elements = w.all(css);
            assert!(!elements.is_empty(), "no {css} on `{}`", w.heading());
            for element in elements {
                assert_eq!(lang_of(&element), *lang, "{css}: {}", element.outer_html());
            }
        }
    };
    assert_langs(&[
        (".gt-heading", "de"),
        (".gt-lead", "de"),
        (".gt-privacy", "en"),
        (".gt-button-start", "en"),
    ]);

    w.start().await;
    w.click(".gt-question button[type=submit]").await;
    assert_langs(&[
        (".gt-legend", "de"),
        (".gt-radio-label", "de"),
        (".gt-back", "en"),
        (".gt-progress-label", "en"),
        (".gt-question button[type=submit]", "en"),
        (".gt-error-summary-title", "en"),
        (".gt-error-summary a", "en"),
        (".gt-error-message span", "en"),
    ]);

    for option in ["work", "approve", "lost", "none"] {
        w.choose(option).await;
    }
    w.click(".gt-info .gt-button").await;
    w.choose("no").await;
    w.choose("no").await;
    w.type_into("name", "Ada Lovelace").await;
    w.submit_fields().await;
    assert_langs(&[
        (".gt-label", "de"),
        (".gt-optional", "en"),
        (".gt-error-summary-title", "en"),
        (".gt-error-message span:last-child", "en"),
    ]);
    w.details().await;
    assert_langs(&[
        (".gt-review .gt-heading", "en"),
        (".gt-review > p", "en"),
        (".gt-summary-key", "de"),
        (".gt-summary-action span:first-child", "en"),
        (".gt-review > .gt-button", "en"),
    ]);
    assert!(
        w.all(".gt-summary-value")
            .iter()
            .any(|v| lang_of(v) == "en"),
        "`Not given` is English"
    );

    w.click(".gt-review > .gt-button").await;
    assert_langs(&[
        (".gt-outcome > .gt-heading", "de"),
        (".gt-outcome > .gt-subheading", "en"),
        (".gt-steps li", "de"),
        (".gt-panel .gt-subheading", "en"),
        (".gt-email dt", "en"),
        (".gt-email-subject", "de"),
        (".gt-email-body", "de"),
        (".gt-email .gt-actions", "en"),
        (".gt-phone .gt-minor", "en"),
        (".gt-script li", "de"),
        (".gt-reference", "en"),
        (".gt-restart", "en"),
    ]);
}

#[wasm_bindgen_test]
async fn words_in_the_screens_own_language_carry_no_lang_of_their_own() {
    let w = Widget::built_in().await;
    w.to_details("lost").await;
    w.details().await;
    w.click(".gt-review > .gt-button").await;
    let marked: Vec<String> = w.all("[lang]").iter().map(|e| e.outer_html()).collect();
    assert_eq!(
        marked.len(),
        1,
        "only the root says the language: {marked:#?}"
    );
}

#[wasm_bindgen_test]
async fn values_filled_into_right_to_left_text_are_isolated() {
    let flow = r#"{"format": 1, "id": "t", "version": "1", "title": "اتصل", "summary": "ملخص",
        "language": "ar", "start": "i", "nodes": [
        {"type": "info", "id": "i", "title": "اتصل", "body": "اتصل بـ {support_phone} الآن.", "next": "done"},
        {"type": "outcome", "id": "done", "kind": "self_fix", "title": "تم", "steps": ["اتصل بـ {support_phone} ثم {org_name}."]}]}"#;
    let w = Widget::mount(flow, contoso()).await;
    w.start().await;
    let isolated = |css: &str| -> Vec<String> {
        w.all(css)
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    };
    assert_eq!(isolated(".gt-info .gt-rich bdi"), ["+1 555 0100"]);
    w.click(".gt-info .gt-button").await;
    assert_eq!(isolated(".gt-steps bdi"), ["+1 555 0100", "Contoso"]);
    assert_eq!(w.text(".gt-steps li"), "اتصل بـ +1 555 0100 ثم Contoso.");
}

/// The widget's own plural rules and digit groups, used in place of the browser's `Intl` (whose
/// first use on a page is slow), say what `Intl` says in each of the widget's languages. Arabic
/// is compared with Western digits, which the widget keeps (docs/translations/ar.md).
#[wasm_bindgen_test]
fn plural_forms_and_digits_agree_with_the_browsers_intl() {
    use troubleshooter::i18n::{format_number, plural_category, LANGUAGES};
    let samples = (0..=2_100)
        .chain([
            9_999, 10_000, 12_345, 99_999, 100_000, 1_000_000, 1_234_567, 2_000_000,
        ])
        .chain([3_000_001, u32::MAX]);
    for lang in LANGUAGES {
        let locale = if lang == "ar" { "ar-u-nu-latn" } else { lang };
        let locales = js_sys::Array::of1(&locale.into());
        let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
        for n in samples.clone() {
            let intl_number: String = js_sys::Number::from(n).to_locale_string(locale).into();
            assert_eq!(format_number(lang, n), intl_number, "{n} in {lang}");
            let intl_plural: String = rules.select(f64::from(n)).into();
            assert_eq!(
                plural_category(lang, n),
                intl_plural,
                "plural of {n} in {lang}"
            );
        }
    }
}
