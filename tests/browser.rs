//! Browser component tests: the widget mounted into a fresh element of a real page (headless
//! Chromium through wasm-bindgen-test-runner), driven by clicks, asserted on the DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use troubleshooter::flow::{self, Config, ValidFlow};
use troubleshooter::i18n::EN;
use troubleshooter::ui::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::scheduler::flush;

wasm_bindgen_test_configure!(run_in_browser);

/// A widget mounted into a new element of the test page.
struct Widget {
    root: Element,
}

impl Widget {
    async fn mount(json: &str, config: Config) -> Widget {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let props = AppProps {
            flow: Rc::new(ValidFlow::from_json(json).expect("the flow is valid")),
            config: Rc::new(config),
            strings: &EN,
            uid: "t".into(),
            notices: Rc::default(),
        };
        yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        flush().await;
        Widget { root }
    }

    fn find(&self, css: &str) -> Option<Element> {
        self.root.query_selector(css).unwrap()
    }

    fn text(&self, css: &str) -> String {
        self.find(css)
            .map(|e| e.text_content().unwrap_or_default())
            .unwrap_or_default()
    }

    async fn click(&self, css: &str) {
        let element = self
            .find(css)
            .unwrap_or_else(|| panic!("no {css} on screen"));
        element.dyn_into::<HtmlElement>().unwrap().click();
        flush().await;
    }

    fn focused_text(&self) -> String {
        let document = web_sys::window().unwrap().document().unwrap();
        document
            .active_element()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.root.remove();
    }
}

#[wasm_bindgen_test]
async fn start_screen_then_first_question_with_focus_on_its_heading() {
    let json = flow::built_in("microsoft-authenticator").unwrap();
    let widget = Widget::mount(json, Config::default()).await;
    let title = ValidFlow::from_json(json).unwrap().flow().title.clone();
    assert_eq!(widget.text(".gt-start .gt-heading"), title);
    assert!(widget.text(".gt-privacy").contains("Nothing is sent"));

    widget.click(".gt-button-start").await;
    let heading = widget.text(".gt-question legend .gt-heading");
    assert!(!heading.is_empty(), "the first question is on screen");
    assert_eq!(
        widget.focused_text(),
        heading,
        "focus moved to the question's heading"
    );
    assert!(widget
        .text(".gt-progress-label")
        .starts_with("Step 1 of at most"));
}

#[wasm_bindgen_test]
async fn continue_without_a_choice_shows_the_error_then_a_choice_moves_on() {
    let widget = Widget::mount(
        flow::built_in("microsoft-authenticator").unwrap(),
        Config::default(),
    )
    .await;
    widget.click(".gt-button-start").await;
    let first = widget.text(".gt-heading");

    widget.click(".gt-question button[type=submit]").await;
    assert!(widget
        .text(".gt-error-summary")
        .contains("Choose one option"));
    assert!(
        widget.find(".gt-error-message").is_some(),
        "an inline message beside the options"
    );

    widget.click(".gt-radio-input").await;
    widget.click(".gt-question button[type=submit]").await;
    assert_ne!(
        widget.text(".gt-heading"),
        first,
        "the next screen is shown"
    );
    assert!(widget.find(".gt-error-summary").is_none());
}
