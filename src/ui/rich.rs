//! Flow text with its small markup, rendered as elements and text nodes (never as HTML).

use yew::prelude::*;

use crate::flow::markup::{Block, Inline};

/// Props of [`Rich`].
#[derive(Properties, PartialEq)]
pub struct RichProps {
    /// The parsed, filled-in text.
    pub blocks: Vec<Block>,
    /// Element id, for `aria-describedby`.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Extra class, such as `gt-hint`.
    #[prop_or_default]
    pub class: Classes,
}

/// Renders paragraphs, lists, bold text and links.
#[function_component]
pub fn Rich(props: &RichProps) -> Html {
    html! {
        <div class={classes!("gt-rich", props.class.clone())} id={props.id.clone()}>
            { for props.blocks.iter().map(block) }
        </div>
    }
}

fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph(runs) => html! { <p>{ inline(runs) }</p> },
        Block::List {
            ordered: true,
            items,
        } => html! { <ol>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ol> },
        Block::List {
            ordered: false,
            items,
        } => html! { <ul>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul> },
    }
}

/// Renders one line of inline markup.
pub fn inline(runs: &[Inline]) -> Html {
    runs.iter()
        .map(|run| match run {
            Inline::Text(text) => html! { { text.clone() } },
            Inline::Bold(text) => html! { <strong>{ text.clone() }</strong> },
            // Help pages open beside the widget, so the person keeps their place in it.
            Inline::Link { text, href } if href.starts_with("https:") => html! {
                <a href={href.clone()} target="_blank" rel="noopener noreferrer">
                    { text.clone() }<span class="gt-visually-hidden">{" (opens in a new tab)"}</span>
                </a>
            },
            Inline::Link { text, href } => html! { <a href={href.clone()}>{ text.clone() }</a> },
        })
        .collect()
}
