//! Small parts that every page uses: a labelled form field, a message, a
//! question before deleting, a treated-area picker.
//!
//! They hold no state of their own: the page keeps its signals and passes
//! the words, as a main-file [`Key`] (which these parts translate and keep
//! up to date when the language changes) or as words from a section's file
//! (drawn again with the section when the language changes).

use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::i18n::{Key, Lang};
use crate::ui::clinic::use_clinic;
use crate::ui::content::use_words;
use crate::ui::i18n::use_i18n;
use leptos::either::Either;
use leptos::prelude::*;

/// What a part says: a main-file string, or words from a section's file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wording {
    Main(Key),
    Words(String),
}

impl From<Key> for Wording {
    fn from(key: Key) -> Self {
        Wording::Main(key)
    }
}

impl From<String> for Wording {
    fn from(words: String) -> Self {
        Wording::Words(words)
    }
}

impl From<&str> for Wording {
    fn from(words: &str) -> Self {
        Wording::Words(words.to_string())
    }
}

impl Wording {
    /// As text that follows the language.
    fn view(self) -> impl IntoView {
        match self {
            Wording::Main(key) => Either::Left(use_i18n().text(key)),
            Wording::Words(words) => Either::Right(words),
        }
    }
}

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
/// use microcare::ui::kit::widgets::{hint_id, Field};
/// let note = RwSignal::new(String::new());
/// let field = view! {
///     <Field id="mc-session-note" label="When did the session end?">
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
    #[prop(into)]
    label: Wording,
    /// A line of help under the label, if any.
    #[prop(optional, into)]
    hint: Option<Wording>,
    /// The control, and what follows it in the field.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="mc-field">
            <label for=id>{label.view()}</label>
            {hint.map(|hint| view! {
                <p class="mc-hint" id=hint_id(id)>{hint.view()}</p>
            })}
            {children()}
        </div>
    }
}

/// What a [`DateField`] asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    /// A day: `YYYY-MM-DD`.
    Date,
    /// A day and a time: `YYYY-MM-DDTHH:MM`, in the person's time zone.
    DateTime,
}

impl DateKind {
    fn input_type(self) -> &'static str {
        match self {
            DateKind::Date => "date",
            DateKind::DateTime => "datetime-local",
        }
    }
}

/// A date (or date and time) field in a [`Field`], bound to `value`: the
/// one date control of every form (the aftercare form, the desk, the
/// self-check).
///
/// While a date is typed part by part, the browser's value stays empty
/// until it is whole; writing that empty value back would wipe the parts
/// typed so far. So typing sets `value`, and the field is written only
/// when `value` changes to something the field does not already hold (a
/// default, a session being edited).
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::ui::kit::widgets::{DateField, DateKind};
/// let when = RwSignal::new("2026-11-30T10:30".to_string());
/// let field = view! {
///     <DateField id="mc-desk-when" kind=DateKind::DateTime label="When did the session end?" value=when/>
/// };
/// ```
#[component]
pub fn DateField(
    /// The control's id.
    id: &'static str,
    /// A day, or a day and a time.
    kind: DateKind,
    /// The label's words.
    #[prop(into)]
    label: Wording,
    /// The date typed (empty while incomplete).
    value: RwSignal<String>,
    /// The earliest date the picker offers.
    #[prop(optional, into)]
    min: MaybeProp<String>,
    /// The latest date the picker offers.
    #[prop(optional, into)]
    max: MaybeProp<String>,
    /// The date was refused: the field says so to assistive technology.
    #[prop(optional, into)]
    invalid: Signal<bool>,
    /// The ids of what describes the field (its error message).
    #[prop(optional, into)]
    described_by: MaybeProp<String>,
    /// The field cannot be changed now.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// What follows the control (its error message).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let wanted = value.get();
        if let Some(input) = input.get() {
            if input.value() != wanted {
                input.set_value(&wanted);
            }
        }
    });
    view! {
        <Field id label>
            <input
                id=id
                type=kind.input_type()
                node_ref=input
                value=value.get_untracked()
                min=move || min.get()
                max=move || max.get()
                prop:disabled=disabled
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=move || described_by.get()
                on:input:target=move |ev| value.set(ev.target().value())
            />
            {children.map(|children| children())}
        </Field>
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

impl Tone {
    /// Its look: the one class every message of this tone has.
    pub fn class(self) -> &'static str {
        match self {
            Tone::Error => "mc-error",
            Tone::Success => "mc-success",
            Tone::Info => "mc-notice",
        }
    }

    /// How a screen reader announces it.
    pub fn role(self) -> &'static str {
        match self {
            Tone::Error => "alert",
            Tone::Success | Tone::Info => "status",
        }
    }
}

/// A one-line message in a `<p>` with its tone's class and role. Show it
/// only while it applies (e.g. inside `<Show>` or an `Option`): a live
/// region that appears is announced.
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::core::i18n::Key;
/// use microcare::ui::kit::widgets::{Message, Tone};
/// let error = RwSignal::new(Some(Key::PrivacyImported));
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
    #[prop(into)]
    text: Wording,
    /// An id, for a control that names the message in `aria-describedby`.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <p class=tone.class() id=id role=tone.role()>{text.view()}</p>
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
/// use microcare::ui::kit::widgets::Confirm;
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
    #[prop(into)]
    question: Wording,
    /// What follows from it, under the question, if anything.
    #[prop(optional, into)]
    detail: Option<Wording>,
    /// The danger button's words.
    #[prop(into)]
    yes: Wording,
    /// The words of the button that keeps things as they are.
    #[prop(into)]
    no: Wording,
    /// Called on the danger button.
    on_yes: Callback<()>,
    /// Called on the other one.
    on_no: Callback<()>,
) -> impl IntoView {
    let labelled_by = id.clone();
    view! {
        <div class="mc-confirm" role="group" aria-labelledby=labelled_by>
            <h3 id=id tabindex="-1">{question.view()}</h3>
            {detail.map(|detail| view! { <p>{detail.view()}</p> })}
            <div class="mc-actions">
                <button
                    type="button"
                    class="mc-button mc-button-danger"
                    on:click=move |_| on_yes.run(())
                >
                    {yes.view()}
                </button>
                <button
                    type="button"
                    class="mc-button mc-button-secondary"
                    on:click=move |_| on_no.run(())
                >
                    {no.view()}
                </button>
            </div>
        </div>
    }
}

/// The `<option>`s of a treated-area `<select>`: every area the app knows,
/// named in the current language (the aftercare section's words), the one
/// in `selected` selected.
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::core::area::Area;
/// use microcare::ui::kit::widgets::{set_area, AreaOptions};
/// let area = RwSignal::new(Area::Face);
/// let select = view! {
///     <select on:change:target=move |ev| set_area(area, &ev.target().value())>
///         <AreaOptions selected=area/>
///     </select>
/// };
/// ```
#[component]
pub fn AreaOptions(
    /// The chosen area.
    selected: RwSignal<Area>,
) -> impl IntoView {
    let words = use_words::<CareText>();
    Area::ALL
        .into_iter()
        .map(|area| {
            view! {
                <option value=area.id() prop:selected=move || selected.get() == area>
                    {words.with(|w| w.area(area).to_string())}
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

/// The `<option>`s of a language `<select>`: the clinic's languages, each
/// in its own name and language, the one `selected` says selected.
#[component]
pub fn LanguageOptions(
    /// The language chosen.
    #[prop(into)]
    selected: Signal<Lang>,
) -> impl IntoView {
    use_clinic()
        .offered()
        .into_iter()
        .map(|lang| {
            view! {
                <option value=lang.code() lang=lang.code() selected=move || selected.get() == lang prop:selected=move || selected.get() == lang>
                    {lang.native_name()}
                </option>
            }
        })
        .collect_view()
}
