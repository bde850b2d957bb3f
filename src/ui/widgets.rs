//! Small parts that every page uses: a labelled form field and a message.
//!
//! They hold no state of their own: the page keeps its signals and passes
//! the words as [`Key`]s, which these parts translate and keep up to date
//! when the language changes.

use crate::core::area::Area;
use crate::core::i18n::Key;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The id of the hint of the field whose control has id `id`: the control
/// names it in `aria-describedby` (see [`Field`]).
pub fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

/// A form field: `<div class="mc-field">` holding the `<label for=id>`, an
/// optional hint under it (`<p class="mc-hint" id="{id}-hint">`), then the
/// children: the control, with id `id` (and, with a hint,
/// `aria-describedby=hint_id(id)`), and whatever follows it, such as an
/// error [`Message`].
///
/// The control is the caller's, so that it binds its own signal both ways
/// and keeps its own element (and the focus and caret in it) while the page
/// changes around it.
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::core::i18n::Key;
/// use microcare::ui::widgets::{hint_id, Field};
/// let note = RwSignal::new(String::new());
/// let field = view! {
///     <Field id="mc-session-note" label=Key::CareLogNote hint=Key::CareLogNoteHint>
///         <textarea
///             id="mc-session-note"
///             aria-describedby=hint_id("mc-session-note")
///             prop:value=note
///             on:input:target=move |ev| note.set(ev.target().value())
///         ></textarea>
///     </Field>
/// };
/// ```
#[component]
pub fn Field(
    /// The id of the control, which the label points to.
    id: &'static str,
    /// The label's words.
    label: Key,
    /// A line of help under the label, if any.
    #[prop(optional)]
    hint: Option<Key>,
    /// The control, and what follows it in the field.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="mc-field">
            <label for=id>{i18n.text(label)}</label>
            {hint.map(|hint| view! {
                <p class="mc-hint" id=hint_id(id)>{i18n.text(hint)}</p>
            })}
            {children()}
        </div>
    }
}

/// What a [`Message`] says about what happened: its look, and how a screen
/// reader announces it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Something to correct (`mc-error`, `role="alert"`: announced at once).
    Error,
    /// Something done (`mc-success`, `role="status"`).
    Success,
    /// Something to know (`mc-notice`, `role="status"`).
    Info,
}

/// A one-line message in a `<p>` with its tone's class and role. Show it
/// only while it applies (e.g. inside `<Show>` or an `Option`): a live
/// region that appears is announced.
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::core::i18n::Key;
/// use microcare::ui::widgets::{Message, Tone};
/// let error = RwSignal::new(Some(Key::CareLogFuture));
/// let view = view! {
///     {move || error.get().map(|text| view! {
///         <Message tone=Tone::Error text id="mc-care-error"/>
///     })}
/// };
/// ```
#[component]
pub fn Message(
    /// Its look and role.
    tone: Tone,
    /// Its words.
    text: Key,
    /// An id, for a control that names the message in `aria-describedby`.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (class, role) = match tone {
        Tone::Error => ("mc-error", "alert"),
        Tone::Success => ("mc-success", "status"),
        Tone::Info => ("mc-notice", "status"),
    };
    view! {
        <p class=class id=id role=role>{i18n.text(text)}</p>
    }
}

/// A question asked before something is deleted, in place of the button
/// that asked it: `<div class="mc-confirm" role="group">` labelled by the
/// question (an `<h3 id=id tabindex="-1">`, which the caller focuses), an
/// optional line under it, then the danger button and the one that keeps.
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::core::i18n::Key;
/// use microcare::ui::widgets::Confirm;
/// let view = view! {
///     <Confirm
///         id="mc-delete-confirm-title".to_string()
///         question=Key::PrivacyDeleteConfirmTitle
///         yes=Key::PrivacyDeleteConfirm
///         no=Key::PrivacyDeleteCancel
///         on_yes=Callback::new(|()| {})
///         on_no=Callback::new(|()| {})
///     />
/// };
/// ```
#[component]
pub fn Confirm(
    /// The question's id: the group is labelled by it, and focusing it asks.
    id: String,
    /// The question.
    question: Key,
    /// What follows from it, under the question, if anything.
    #[prop(optional)]
    detail: Option<Key>,
    /// The danger button's words.
    yes: Key,
    /// The words of the button that keeps things as they are.
    no: Key,
    /// Called on the danger button.
    on_yes: Callback<()>,
    /// Called on the other one.
    on_no: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let labelled_by = id.clone();
    view! {
        <div class="mc-confirm" role="group" aria-labelledby=labelled_by>
            <h3 id=id tabindex="-1">{i18n.text(question)}</h3>
            {detail.map(|detail| view! { <p>{i18n.text(detail)}</p> })}
            <div class="mc-actions">
                <button
                    type="button"
                    class="mc-button mc-button-danger"
                    on:click=move |_| on_yes.run(())
                >
                    {i18n.text(yes)}
                </button>
                <button
                    type="button"
                    class="mc-button mc-button-secondary"
                    on:click=move |_| on_no.run(())
                >
                    {i18n.text(no)}
                </button>
            </div>
        </div>
    }
}

/// The `<option>`s of a treated-area `<select>`: every area the app knows,
/// named in the current language, the one in `selected` selected.
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::core::aftercare::CareText;
/// use microcare::core::area::Area;
/// use microcare::ui::widgets::{set_area, AreaOptions};
/// # let words: std::sync::Arc<CareText> = unimplemented!();
/// let area = RwSignal::new(Area::Face);
/// let select = view! {
///     <select on:change:target=move |ev| set_area(area, &ev.target().value())>
///         <AreaOptions selected=area words/>
///     </select>
/// };
/// ```
#[component]
pub fn AreaOptions(
    /// The chosen area.
    selected: RwSignal<Area>,
    /// The aftercare words of the current language (the areas' names).
    words: std::sync::Arc<crate::core::aftercare::CareText>,
) -> impl IntoView {
    Area::ALL
        .into_iter()
        .map(|area| {
            view! {
                <option value=area.id() prop:selected=move || selected.get() == area>
                    {words.area(area).to_string()}
                </option>
            }
        })
        .collect_view()
}

/// Sets `area` to the area whose id an area `<select>` gave (its options
/// are [`AreaOptions`], so it is always one of ours).
pub fn set_area(area: RwSignal<Area>, id: &str) {
    if let Some(chosen) = Area::from_id(id) {
        area.set(chosen);
    }
}
