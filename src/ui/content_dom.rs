//! Builds the whole interface directly, as elements and text nodes, with
//! effects that redraw a part when the signals it reads change and
//! listeners that live as long as their part.
//!
//! Why not `view!`: every distinct view shape compiles to its own renderer,
//! and Leptos's renderer is large; built here, the interface costs a few
//! generic-free functions in the WASM a phone downloads. Text is always set
//! with `set_text_content`, never parsed as HTML. The element helpers are
//! never inlined: they are called hundreds of times, and one copy is smaller.

use crate::core::faq::Block;
use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::Element;

/// A new `<tag>` with an optional class and text.
#[inline(never)]
pub fn element(tag: &str, class: Option<&str>, text: Option<&str>) -> Element {
    // Only fixed, valid tag names are passed here, for which creation
    // cannot fail.
    let el = document().create_element(tag).unwrap_throw();
    if let Some(class) = class {
        el.set_class_name(class);
    }
    if let Some(text) = text {
        el.set_text_content(Some(text));
    }
    el
}

/// Appends `child` to `parent` and returns it.
#[inline(never)]
pub fn append(parent: &Element, child: Element) -> Element {
    let _ = parent.append_child(&child);
    child
}

/// Sets an attribute; names here are fixed and valid.
#[inline(never)]
pub fn set(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// A `<button type="button">` whose `data-action` a delegated click
/// handler reads.
#[inline(never)]
pub fn action_button(parent: &Element, class: &str, label: &str, action: &str) -> Element {
    let b = append(parent, element("button", Some(class), Some(label)));
    set(&b, "type", "button");
    set(&b, "data-action", action);
    b
}

/// A form field in `parent`: a `<div class="mc-field">` holding a `<label>`
/// of `label`, an optional hint under it, and the control, a `<tag>` with
/// `id`, described by the hint. Returns the field and the control.
#[inline(never)]
pub fn labelled_field(
    parent: &Element,
    tag: &str,
    id: &str,
    label: &str,
    hint: Option<&str>,
) -> (Element, Element) {
    let field = append(parent, element("div", Some("mc-field"), None));
    set(
        &append(&field, element("label", None, Some(label))),
        "for",
        id,
    );
    let hint_id = format!("{id}-hint");
    if let Some(hint) = hint {
        set(
            &append(&field, element("p", Some("mc-hint"), Some(hint))),
            "id",
            &hint_id,
        );
    }
    let control = append(&field, element(tag, None, None));
    set(&control, "id", id);
    if hint.is_some() {
        set(&control, "aria-describedby", &hint_id);
    }
    (field, control)
}

/// Paragraphs and bulleted lists of an answer.
#[inline(never)]
pub fn append_blocks(parent: &Element, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(text) => {
                append(parent, element("p", None, Some(text)));
            }
            Block::List(items) => {
                let list = append(parent, element("ul", Some("mc-list"), None));
                for item in items {
                    append(&list, element("li", None, Some(item)));
                }
            }
        }
    }
}

/// A titled bullet list, e.g. "Sources"; each item is text or a link.
#[inline(never)]
pub fn append_titled_list(
    parent: &Element,
    title: &str,
    class: &str,
    items: &[(Option<String>, String)],
) {
    if items.is_empty() {
        return;
    }
    append(parent, element("p", Some("mc-faq-meta-title"), Some(title)));
    let list = append(parent, element("ul", Some(class), None));
    for (href, text) in items {
        let li = append(&list, element("li", None, None));
        match href {
            Some(href) => {
                let a = append(&li, element("a", None, Some(text)));
                set(&a, "href", href);
            }
            None => li.set_text_content(Some(text)),
        }
    }
}

/// Draws the children of `el` with `draw` now, and again whenever a signal
/// that `draw` reads changes. Effects that `draw` creates belong to that
/// drawing and are disposed of before the next one.
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::ui::content_dom::{append, element, redraw};
/// let parent = document().create_element("div").unwrap();
/// let count = RwSignal::new(0);
/// let counter = append(&parent, element("p", None, None));
/// // Redrawn each time `count` changes.
/// redraw(&counter, move |p| p.set_text_content(Some(&count.get().to_string())));
/// ```
pub fn redraw(el: &Element, draw: impl Fn(&Element) + 'static) {
    let el = el.clone();
    Effect::new(move |_| {
        el.set_text_content(None);
        draw(&el);
    });
}

/// Calls `handler` for every `event` on `el` (or bubbling up to it), until
/// the reactive owner that called `listen` is cleaned up, e.g. when the
/// page it belongs to is left.
pub fn listen(el: &Element, event: &'static str, handler: impl Fn(web_sys::Event) + 'static) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let _ = el.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    let attached = SendWrapper::new((el.clone(), closure));
    on_cleanup(move || {
        let (el, closure) = attached.take();
        let _ = el.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    });
}

/// The element an event happened on, as a `T` if it is one.
pub fn event_target<T: JsCast>(ev: &web_sys::Event) -> Option<T> {
    ev.target().and_then(|t| t.dyn_into::<T>().ok())
}

/// The value of the `data-action` of the element tapped, or of the nearest
/// ancestor that has one, with that element.
pub fn tapped_action(ev: &web_sys::Event) -> Option<(String, Element)> {
    let el = event_target::<Element>(ev)?
        .closest("[data-action]")
        .ok()
        .flatten()?;
    Some((el.get_attribute("data-action")?, el))
}

/// A decorative line icon (SVG) drawn from one path.
pub fn icon(parent: &Element, class: &str, path: &str) {
    const SVG: &str = "http://www.w3.org/2000/svg";
    let doc = document();
    let (Ok(svg), Ok(p)) = (
        doc.create_element_ns(Some(SVG), "svg"),
        doc.create_element_ns(Some(SVG), "path"),
    ) else {
        return;
    };
    set(&svg, "class", class);
    set(&svg, "viewBox", "0 0 24 24");
    set(&svg, "aria-hidden", "true");
    set(&svg, "focusable", "false");
    set(&p, "d", path);
    let _ = svg.append_child(&p);
    let _ = parent.append_child(&svg);
}
