//! Keeping what the person was looking at in place when the page under it
//! is replaced.
//!
//! The app replaces the first screen the build wrote (it does not hydrate
//! it). Restoring the old scroll offset in pixels puts the same element
//! back in view only if everything above it has the same height in the new
//! page, which the FAQ's sections do not promise: below the first screen
//! they are laid out only when scrolled near (`content-visibility: auto`,
//! `style/main.css`), and until then count at an estimated height. So the
//! position is kept by element: the topmost element with an `id` in view,
//! and how far it is from the top of the window.
//!
//! ```no_run
//! use microcare::browser::scroll_anchor::ScrollAnchor;
//! # fn replace(root: &web_sys::Element) {
//! let anchor = ScrollAnchor::take(root);
//! // ... replace root's content with elements of the same ids ...
//! if let Some(anchor) = anchor {
//!     anchor.restore();
//! }
//! # }
//! ```

use wasm_bindgen::JsCast;

/// An element in view, by its `id`, and where it was in the window.
#[derive(Clone, Debug, PartialEq)]
pub struct ScrollAnchor {
    /// The element's `id`.
    pub id: String,
    /// Its top edge, in CSS pixels from the top of the window (negative
    /// when its top is scrolled past but the rest is still in view).
    pub top: f64,
    /// The page's scroll offset when taken, used if the element is gone.
    pub scroll_y: f64,
}

impl ScrollAnchor {
    /// The first element with an `id` inside `within`, in document order,
    /// whose top edge is in the window (the topmost thing with a name the
    /// person sees); else the last one reaching into the window from above
    /// (a long element filling it, or the container of everything).
    /// `None` when the page is not scrolled (nothing to keep) or there is
    /// no window.
    pub fn take(within: &web_sys::Element) -> Option<ScrollAnchor> {
        let window = web_sys::window()?;
        let scroll_y = window.scroll_y().ok()?;
        if scroll_y <= 0.0 {
            return None;
        }
        let height = window.inner_height().ok()?.as_f64()?;
        let candidates = within.query_selector_all("[id]").ok()?;
        let mut anchor = None;
        for i in 0..candidates.length() {
            let Some(node) = candidates.item(i) else {
                continue;
            };
            // query_selector_all("[id]") finds only elements.
            let element: web_sys::Element = node.unchecked_into();
            let rect = element.get_bounding_client_rect();
            let top = rect.top();
            // Not drawn (a hidden element is all zeros), or scrolled past.
            if rect.bottom() <= top.max(0.0) {
                continue;
            }
            let id = element.id();
            let this = ScrollAnchor { id, top, scroll_y };
            if top >= height {
                // Below the window: one reaching into it is nearer.
                return anchor.or(Some(this));
            }
            if top >= 0.0 {
                return Some(this);
            }
            anchor = Some(this);
        }
        anchor
    }

    /// Scrolls so that the element with the anchor's `id` is where the
    /// anchor was; without such an element, back to the old offset.
    pub fn restore(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let element = window
            .document()
            .and_then(|document| document.get_element_by_id(&self.id));
        match element {
            Some(element) => {
                let moved = element.get_bounding_client_rect().top() - self.top;
                window.scroll_by_with_x_and_y(0.0, moved);
            }
            None => window.scroll_to_with_x_and_y(0.0, self.scroll_y),
        }
    }
}
