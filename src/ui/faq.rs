//! The questions and answers about microneedling.

use crate::core::i18n::Key;
use crate::ui::layout::PageHeading;
use leptos::prelude::*;

#[component]
pub fn FaqPage() -> impl IntoView {
    view! {
        <section class="mc-page" aria-labelledby="mc-page-title">
            <PageHeading title=Key::FaqTitle intro=Key::FaqIntro />
        </section>
    }
}
