//! `browser::scroll_anchor`: the app replaces the first screen and keeps
//! the element the person was looking at where it was, even when what is
//! above it has another height in the new page (wasm-bindgen-test in
//! headless Chromium).
#![cfg(target_arch = "wasm32")]

use microcare::browser::scroll_anchor::ScrollAnchor;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

/// A fresh container at the top of the page holding blocks of the given
/// ids and heights (px), and the page scrolled back to the top.
fn page_of(blocks: &[(&str, u32)]) -> web_sys::Element {
    let document = window().document().unwrap();
    if let Some(old) = document.get_element_by_id("anchor-test") {
        old.remove();
    }
    let root = document.create_element("div").unwrap();
    root.set_id("anchor-test");
    document.body().unwrap().prepend_with_node_1(&root).unwrap();
    fill(&root, blocks);
    window().scroll_to_with_x_and_y(0.0, 0.0);
    root
}

fn fill(root: &web_sys::Element, blocks: &[(&str, u32)]) {
    let document = window().document().unwrap();
    root.set_inner_html("");
    for (id, height) in blocks {
        let block = document
            .create_element("div")
            .unwrap()
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap();
        block.set_id(id);
        block
            .style()
            .set_property("height", &format!("{height}px"))
            .unwrap();
        root.append_child(&block).unwrap();
    }
}

fn top_of(id: &str) -> f64 {
    window()
        .document()
        .unwrap()
        .get_element_by_id(id)
        .unwrap()
        .get_bounding_client_rect()
        .top()
}

/// The bug it pins: restoring the old offset in pixels after the FAQ's
/// sections above had come back at an estimated height showed another
/// question than the one the person had scrolled to.
#[wasm_bindgen_test]
fn the_element_in_view_stays_put_when_what_is_above_it_changes_height() {
    let root = page_of(&[("above", 1500), ("looked-at", 400), ("below", 3000)]);
    window().scroll_to_with_x_and_y(0.0, 1400.0);
    // "above" still reaches into the window; "looked-at" starts in it.
    let before = top_of("looked-at");
    assert!((0.0..200.0).contains(&before), "{before}");

    let anchor = ScrollAnchor::take(&root).expect("scrolled, with an element in view");
    assert_eq!(anchor.id, "looked-at");
    assert_eq!(anchor.top, before);

    // The new page: the block above is shorter (an estimated height).
    fill(
        &root,
        &[("above", 900), ("looked-at", 400), ("below", 3000)],
    );
    anchor.restore();
    assert_eq!(top_of("looked-at"), before);
    assert_eq!(window().scroll_y().unwrap(), 800.0);
    root.remove();
}

/// A container holding everything (the page's `<main>`) reaches into the
/// window too; what the person sees is the element inside it.
#[wasm_bindgen_test]
fn the_element_inside_a_container_is_kept_not_the_container() {
    let root = page_of(&[]);
    let document = window().document().unwrap();
    let main = document.create_element("main").unwrap();
    main.set_id("main");
    root.append_child(&main).unwrap();
    fill(&main, &[("first", 1500), ("second", 400), ("third", 3000)]);
    window().scroll_to_with_x_and_y(0.0, 1400.0);
    assert_eq!(ScrollAnchor::take(&root).unwrap().id, "second");
    root.remove();
}

/// A long element filling the window is nearer than the next one below it.
#[wasm_bindgen_test]
fn a_long_element_filling_the_window_is_kept() {
    let root = page_of(&[("long", 20000), ("tail", 300)]);
    window().scroll_to_with_x_and_y(0.0, 5000.0);
    assert_eq!(ScrollAnchor::take(&root).unwrap().id, "long");
    root.remove();
}

#[wasm_bindgen_test]
fn a_page_not_scrolled_has_nothing_to_keep() {
    let root = page_of(&[("first", 300), ("second", 3000)]);
    assert_eq!(ScrollAnchor::take(&root), None);
    root.remove();
}

/// Without the element in the new page, the old offset is the best guess.
#[wasm_bindgen_test]
fn without_the_element_the_old_offset_comes_back() {
    let root = page_of(&[("gone", 2000), ("tail", 3000)]);
    window().scroll_to_with_x_and_y(0.0, 700.0);
    let anchor = ScrollAnchor::take(&root).unwrap();
    assert_eq!(anchor.id, "gone");
    fill(&root, &[("other", 2000), ("tail", 3000)]);
    window().scroll_to_with_x_and_y(0.0, 0.0);
    anchor.restore();
    assert_eq!(window().scroll_y().unwrap(), 700.0);
    root.remove();
}
