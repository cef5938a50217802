//! The DOM events a widget sends to its host: `troubleshooter:step`, `troubleshooter:outcome`,
//! `troubleshooter:resolved` and `troubleshooter:handoff`, bubbling and composed so they leave the shadow root.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::ui::state::{FlowVersion, WidgetEvent};

/// Dispatches a widget event on its host element.
pub fn dispatch(host: &Element, event: &WidgetEvent) {
    let detail = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&detail, &key.into(), &value);
    };
    let set_flow = |flow: &FlowVersion| {
        set("flow", flow.id.as_str().into());
        set("version", flow.version.as_str().into());
    };
    let name = match event {
        WidgetEvent::Step {
            node,
            screen,
            progress,
        } => {
            set("node", node.as_str().into());
            set("screen", screen.as_str().into());
            if let Some((step, most)) = progress {
                set("step", (*step as u32).into());
                set("of", (*most as u32).into());
            }
            "troubleshooter:step"
        }
        WidgetEvent::Outcome { node, kind, flow } => {
            set("node", node.as_str().into());
            set("kind", kind.as_str().into());
            set_flow(flow);
            "troubleshooter:outcome"
        }
        WidgetEvent::Resolved { node, fixed, flow } => {
            set("node", node.as_str().into());
            set("fixed", (*fixed).into());
            set_flow(flow);
            "troubleshooter:resolved"
        }
        WidgetEvent::Handoff { node, action } => {
            set("node", node.as_str().into());
            set("action", action.as_str().into());
            "troubleshooter:handoff"
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
