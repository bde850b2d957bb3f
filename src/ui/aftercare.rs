//! Aftercare after a session.

use crate::core::i18n::Key;
use crate::ui::layout::PageHeading;
use leptos::prelude::*;

#[component]
pub fn AftercarePage() -> impl IntoView {
    view! {
        <section class="mc-page" aria-labelledby="mc-page-title">
            <PageHeading title=Key::AftercareTitle intro=Key::AftercareIntro />
        </section>
    }
}
