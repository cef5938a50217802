//! Mounting the widget into a page: every `<guided-troubleshooter>` element, configured by its
//! attributes.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::flow::{self, Config, ValidFlow};
use crate::i18n;
use crate::ui::{App, AppProps, SetupError, SetupErrorProps};

/// The element name web teams put into their page.
pub const TAG: &str = "guided-troubleshooter";
/// The built-in flow used when the element names none.
pub const DEFAULT_FLOW: &str = "microsoft-authenticator";

/// Mounts a widget into every `<guided-troubleshooter>` element of the page.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(found) = document.query_selector_all(TAG) else {
        return;
    };
    for i in 0..found.length() {
        if let Some(element) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            mount(element, i);
        }
    }
}

/// Mounts one widget into an element, reading its attributes.
pub fn mount(element: Element, n: u32) {
    let attr = |name: &str| element.get_attribute(name);
    let (strings, lang_known) = i18n::strings(attr("lang").as_deref().unwrap_or("en"));
    let flow_id = attr("flow").unwrap_or_else(|| DEFAULT_FLOW.to_owned());
    let (config, problems) = Config::new(
        attr("org-name"),
        attr("support-email"),
        attr("support-phone"),
        attr("support-hours"),
    );
    let mut notices: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: {}", p.attribute, p.message))
        .collect();
    if !lang_known {
        notices.push(format!(
            "lang: `{}` is not available yet; showing English",
            attr("lang").unwrap_or_default()
        ));
    }
    let flow = match flow::built_in(&flow_id) {
        None => Err(vec![format!(
            "flow: no built-in flow is called `{flow_id}`; the built-in flows are: {}",
            built_in_names()
        )]),
        Some(json) => ValidFlow::from_json(json).map_err(|errors| {
            errors
                .iter()
                .map(|e| format!("{flow_id}.json:{e}"))
                .collect()
        }),
    };
    for notice in &notices {
        gloo::console::warn!(format!("guided-troubleshooter: {notice}"));
    }
    match flow {
        Ok(flow) => {
            let props = AppProps {
                flow: Rc::new(flow),
                config: Rc::new(config),
                strings,
                uid: format!("gt{n}").into(),
                notices: Rc::new(notices),
            };
            yew::Renderer::<App>::with_root_and_props(element, props).render();
        }
        Err(problems) => {
            for problem in &problems {
                gloo::console::error!(format!("guided-troubleshooter: {problem}"));
            }
            yew::Renderer::<SetupError>::with_root_and_props(
                element,
                SetupErrorProps { strings, problems },
            )
            .render();
        }
    }
}

fn built_in_names() -> String {
    flow::BUILT_IN
        .iter()
        .map(|(id, _)| *id)
        .collect::<Vec<_>>()
        .join(", ")
}
