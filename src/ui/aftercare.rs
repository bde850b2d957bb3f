//! Aftercare: log a session, then see what to avoid now (with countdowns),
//! today's checklist, what to expect, warning signs, the whole timeline, the
//! plan, calendar reminders and the session history.
//!
//! Built with [`content_dom`](crate::ui::content_dom) like the self-check:
//! one effect redraws the page from the saved data, the clock and the
//! language; taps reach one delegated click handler through `data-action`.

use crate::browser::dates::{format_date, now_millis, today, BrowserZone};
use crate::browser::download::download_text;
use crate::browser::notify::{request_permission, show, Permission};
use crate::core::aftercare::{
    checklist, progress, remaining, reminders, schedule, CareText, Category, Phase, Remaining,
    AREAS, BOOK_NEXT,
};
use crate::core::calendar::CivilDate;
use crate::core::i18n::Key;
use crate::core::ics::{calendar, Event};
use crate::core::route::Route;
use crate::core::schema::{AftercareRecord, Session};
use crate::core::time::{LocalDateTime, Millis, MINUTE};
use crate::ui::clinic::{contact_links, use_clinic};
use crate::ui::content_dom::{
    action_button, append, element, event_target, labelled_field, listen, set, tapped_action,
};
use crate::ui::data::use_data;
use crate::ui::focus::focus_now;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::layout::page_section;
use crate::ui::lazy::with_content;
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::Element;

/// The aftercare page, appended to `parent` (the app's `<main>`); returns
/// its section, which the page effect removes on navigation.
pub fn aftercare_page(parent: &Element) -> Element {
    let section = page_section(
        parent,
        "mc-page mc-care",
        Key::AftercareTitle,
        Key::AftercareIntro,
    );
    with_content::<CareText>(&section, care_flow);
    section
}

/// The page's own state: the clock, the form shown, a message, and the
/// notification permission once asked.
#[derive(Clone, Debug, PartialEq)]
struct View {
    now: Millis,
    form: Form,
    message: Option<Key>,
    notify: Option<Permission>,
}

/// What the page shows besides the session list.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Form {
    /// No form: the aftercare of the latest session.
    None,
    /// Logging a new session.
    Add,
    /// Changing the session with this id.
    Edit(String),
}

/// The aftercare once its words (`text`, in the current language) are
/// loaded.
fn care_flow(parent: &Element, text: Arc<CareText>) {
    let data = use_data();
    let i18n = use_i18n();
    // One signal for the page's own state: each signal type costs WASM.
    let view = RwSignal::new(View {
        now: now_millis(),
        form: Form::None,
        message: None,
        notify: None,
    });
    let root = append(parent, element("div", Some("mc-care-flow"), None));
    // The words, for actions (event handlers run outside any reactive owner,
    // so they cannot read the context).
    let words = StoredValue::new(text.clone());

    // Countdowns and in-app notifications follow the clock, minute by minute.
    let last_check = std::cell::Cell::new(view.with_untracked(|v| v.now));
    let notify_text = text.clone();
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let current = now_millis();
            view.update(|v| v.now = current);
            if view.with_untracked(|v| v.notify) == Some(Permission::Granted) {
                let record = data.aftercare.get_untracked();
                if let Some(session) = record.latest() {
                    let done = record.sessions.len() as u32;
                    let clinic = use_clinic();
                    let due_list = reminders(
                        &clinic.protocol(),
                        clinic.plan(),
                        session.end,
                        done,
                        &BrowserZone,
                    );
                    for due in due_list {
                        if due.at > last_check.get() && due.at <= current {
                            let (title, body) = notify_text.reminder(due.id);
                            show(title, body);
                        }
                    }
                }
            }
            last_check.set(current);
        },
        std::time::Duration::from_secs(30),
    ) {
        on_cleanup(move || handle.clear());
    }

    {
        let root = root.clone();
        Effect::new(move |previous: Option<Form>| {
            let record = data.aftercare.get();
            let state = view.get();
            let shown = state.form.clone();
            let ctx = Ctx {
                i18n,
                text: &text,
                view: &state,
            };
            root.set_text_content(None);
            if record.sessions.is_empty() || shown != Form::None {
                render_form(&root, &ctx, &record, &shown);
            } else {
                render_care(&root, &ctx, &record);
            }
            if previous.is_some_and(|p| p != shown) {
                focus_now("#mc-care-heading");
            }
            shown
        });
    }

    // The flow's element, for actions (a Copy handle).
    let flow = StoredValue::new_local(root.clone());
    let act = move |action: &str, el: &Element| {
        let record = data.aftercare.get_untracked();
        match action {
            "save" => match read_session(&flow.get_value()) {
                Err(key) => view.update(|v| v.message = Some(key)),
                Ok((end, area, note)) => {
                    view.update(|v| v.message = None);
                    let editing = view.with_untracked(|v| v.form.clone());
                    data.update_aftercare(|r| match editing {
                        Form::Edit(id) => {
                            if let Some(s) = r.sessions.iter_mut().find(|s| s.id == id) {
                                s.end = end;
                                s.area = area;
                                s.note = note;
                            }
                        }
                        _ => r.sessions.push(Session {
                            id: format!("s{}", now_millis()),
                            end,
                            area,
                            note,
                        }),
                    });
                    view.update(|v| v.form = Form::None);
                }
            },
            "add" => view.update(|v| v.form = Form::Add),
            "cancel" => {
                view.update(|v| {
                    v.message = None;
                    v.form = Form::None;
                });
            }
            "nudge-done" => data.update_aftercare(|r| r.nudge_done = true),
            "ics" | "ics-next" => {
                if let Some(session) = record.latest() {
                    let only_next = action == "ics-next";
                    let ics = reminders_file(&record, session, &words.get_value(), only_next);
                    let name = format!("microcare-reminders-{}.ics", today().to_iso());
                    if download_text(&name, "text/calendar", &ics).is_ok() {
                        view.update(|v| v.message = Some(Key::CareRemindersDownloaded));
                    }
                }
            }
            "notify" => {
                leptos::task::spawn_local(async move {
                    let permission = request_permission().await;
                    view.update(|v| v.notify = Some(permission));
                });
            }
            _ => {
                let id = el.get_attribute("data-id").unwrap_or_default();
                if action == "edit" {
                    view.update(|v| v.form = Form::Edit(id));
                } else if action == "remove" {
                    let when = record
                        .sessions
                        .iter()
                        .find(|s| s.id == id)
                        .map(|s| local_time_label(i18n, s.end))
                        .unwrap_or_default();
                    let question = i18n
                        .t(Key::CareHistoryConfirmRemove)
                        .replace("{date}", &when);
                    if window().confirm_with_message(&question).unwrap_or(false) {
                        data.update_aftercare(|r| r.sessions.retain(|s| s.id != id));
                    }
                }
            }
        }
    };

    listen(&root, "click", move |ev| {
        if let Some((action, el)) = tapped_action(&ev) {
            ev.prevent_default();
            act(&action, &el);
        }
    });
    listen(&root, "submit", move |ev| {
        ev.prevent_default();
        act("save", &flow.get_value());
    });
    listen(&root, "change", move |ev| {
        let Some(input) = event_target::<web_sys::HtmlInputElement>(&ev) else {
            return;
        };
        if let Some(item) = input.get_attribute("data-tick") {
            let date = today().to_iso();
            data.update_aftercare(|r| r.set_tick(&date, &item, input.checked()));
        }
    });
}

/// What the drawing functions need.
struct Ctx<'a> {
    i18n: I18n,
    text: &'a CareText,
    view: &'a View,
}

impl Ctx<'_> {
    fn t(&self, key: Key) -> String {
        self.i18n.t(key)
    }
}

/// "14 March 2027, 14:30" in the person's language and time zone.
fn local_time_label(i18n: I18n, moment: Millis) -> String {
    let local = LocalDateTime::at(moment, &BrowserZone);
    format!(
        "{}, {:02}:{:02}",
        format_date(i18n.lang_untracked(), local.date),
        local.hour,
        local.minute
    )
}

fn heading(parent: &Element, level: &str, text: &str, id: Option<&str>) {
    let h = append(parent, element(level, None, Some(text)));
    if let Some(id) = id {
        set(&h, "id", id);
        set(&h, "tabindex", "-1");
    }
}

fn render_form(root: &Element, ctx: &Ctx, record: &AftercareRecord, form: &Form) {
    let editing = match form {
        Form::Edit(id) => record.sessions.iter().find(|s| &s.id == id),
        _ => None,
    };
    heading(
        root,
        "h2",
        &ctx.t(Key::CareLogTitle),
        Some("mc-care-heading"),
    );
    append(root, element("p", None, Some(&ctx.t(Key::CareLogIntro))));
    let form_el = append(root, element("form", Some("mc-form"), None));
    // Our own messages, in the person's language and announced, rather than
    // the browser's bubbles for `required` and `max`.
    set(&form_el, "novalidate", "");
    let (field, when) = labelled_field(
        &form_el,
        "input",
        "mc-session-end",
        &ctx.t(Key::CareLogWhen),
        None,
    );
    set(&when, "type", "datetime-local");
    set(&when, "required", "");
    let end = editing.map_or(ctx.view.now, |s| s.end);
    set(
        &when,
        "value",
        &LocalDateTime::at(end, &BrowserZone).to_string(),
    );
    set(
        &when,
        "max",
        &LocalDateTime::at(ctx.view.now, &BrowserZone).to_string(),
    );
    if let Some(key) = ctx.view.message {
        set(&when, "aria-invalid", "true");
        set(&when, "aria-describedby", "mc-care-error");
        let p = append(&field, element("p", Some("mc-error"), Some(&ctx.t(key))));
        set(&p, "id", "mc-care-error");
        set(&p, "role", "alert");
    }
    let (_, select) = labelled_field(
        &form_el,
        "select",
        "mc-session-area",
        &ctx.t(Key::CareLogArea),
        None,
    );
    for area in AREAS {
        let option = append(&select, element("option", None, Some(ctx.text.area(area))));
        set(&option, "value", area);
        if editing.is_some_and(|s| s.area == *area) {
            set(&option, "selected", "");
        }
    }
    let (_, note) = labelled_field(
        &form_el,
        "textarea",
        "mc-session-note",
        &ctx.t(Key::CareLogNote),
        Some(&ctx.t(Key::CareLogNoteHint)),
    );
    set(&note, "rows", "3");
    set(&note, "maxlength", "500");
    if let Some(s) = editing {
        note.set_text_content(Some(&s.note));
    }
    let actions = append(&form_el, element("div", Some("mc-actions"), None));
    let label = if editing.is_some() {
        Key::CareLogUpdate
    } else {
        Key::CareLogSave
    };
    let save = append(
        &actions,
        element("button", Some("mc-button"), Some(&ctx.t(label))),
    );
    set(&save, "type", "submit");
    if !record.sessions.is_empty() {
        action_button(
            &actions,
            "mc-button mc-button-secondary",
            &ctx.t(Key::CareLogCancel),
            "cancel",
        );
    }
}

/// The session entered in the form, or why it cannot be saved.
fn read_session(root: &Element) -> Result<(Millis, String, String), Key> {
    let value = |selector: &str| -> String {
        root.query_selector(selector)
            .ok()
            .flatten()
            .map(|el| {
                js_sys::Reflect::get(&el, &"value".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
            })
            .unwrap_or_default()
    };
    let end = LocalDateTime::parse(&value("#mc-session-end"))
        .ok_or(Key::CareLogInvalidDate)?
        .to_moment(&BrowserZone);
    if end > now_millis() + MINUTE {
        return Err(Key::CareLogFuture);
    }
    let area = value("#mc-session-area");
    let area = if AREAS.contains(&area.as_str()) {
        area
    } else {
        AREAS[0].to_string()
    };
    let note: String = value("#mc-session-note").chars().take(500).collect();
    Ok((end, area, note))
}

fn remaining_text(ctx: &Ctx, until: Millis) -> String {
    match remaining(ctx.view.now, until) {
        Remaining::Minutes(n) => ctx.t(Key::CareTimeMinutes).replace("{n}", &n.to_string()),
        Remaining::Hours(1) => ctx.t(Key::CareTimeHour),
        Remaining::Hours(n) => ctx.t(Key::CareTimeHours).replace("{n}", &n.to_string()),
        Remaining::Days(n) => ctx.t(Key::CareTimeDays).replace("{n}", &n.to_string()),
    }
}

/// A list item with a bold title, an optional extra line, and a detail.
fn item(list: &Element, class: &str, title: &str, extra: Option<&str>, detail: &str) -> Element {
    let li = append(list, element("li", Some(class), None));
    append(&li, element("strong", None, Some(title)));
    if let Some(extra) = extra {
        append(
            &li,
            element("span", Some("mc-countdown"), Some(&format!(" {extra}"))),
        );
    }
    // A clinic's own steps have a title only.
    if !detail.is_empty() {
        append(&li, element("p", Some("mc-hint"), Some(detail)));
    }
    li
}

fn render_care(root: &Element, ctx: &Ctx, record: &AftercareRecord) {
    let Some(session) = record.latest() else {
        return;
    };
    let clinic = use_clinic();
    let steps = schedule(&clinic.protocol(), session.end);
    let today = LocalDateTime::at(ctx.view.now, &BrowserZone).date;
    let session_day = LocalDateTime::at(session.end, &BrowserZone).date;
    let lang = ctx.i18n.lang_untracked();

    // Today
    let section = append(root, element("section", Some("mc-care-today"), None));
    heading(
        &section,
        "h2",
        &ctx.t(Key::CareTodayTitle),
        Some("mc-care-heading"),
    );
    let day = session_day.days_until(today) + 1;
    let since = ctx
        .t(Key::CareTodayDaysSince)
        .replace("{n}", &day.max(1).to_string())
        .replace("{date}", &format_date(lang, session_day));
    append(&section, element("p", Some("mc-lead"), Some(&since)));

    heading(&section, "h3", &ctx.t(Key::CareAvoidTitle), None);
    let avoid: Vec<_> = steps
        .iter()
        .filter(|s| s.step.category == Category::Avoid && s.phase(ctx.view.now) == Phase::Now)
        .collect();
    if avoid.is_empty() {
        append(
            &section,
            element("p", None, Some(&ctx.t(Key::CareNothingToAvoid))),
        );
    } else {
        let list = append(
            &section,
            element("ul", Some("mc-care-list mc-care-avoid"), None),
        );
        for s in avoid {
            let (title, detail) = ctx.text.step(s.step.id);
            let left = s.end.map(|end| {
                ctx.t(Key::CareAvoidFor)
                    .replace("{time}", &remaining_text(ctx, end))
            });
            let li = item(&list, "mc-care-item", title, left.as_deref(), detail);
            set(&li, "data-step", s.step.id);
        }
    }

    // What applies at this moment: the first day's "only your clinic's
    // product" and the sunscreen that follows it never show together.
    let todo = checklist(&steps, ctx.view.now);
    if !todo.is_empty() {
        heading(&section, "h3", &ctx.t(Key::CareDoTitle), None);
        let list = append(
            &section,
            element("ul", Some("mc-care-list mc-checklist"), None),
        );
        for s in todo {
            let (title, detail) = ctx.text.step(s.step.id);
            let li = append(&list, element("li", None, None));
            let label = append(&li, element("label", Some("mc-option"), None));
            let check = append(&label, element("input", None, None));
            set(&check, "type", "checkbox");
            set(&check, "data-tick", s.step.id);
            if record.is_ticked(&today.to_iso(), s.step.id) {
                set(&check, "checked", "");
            }
            append(&label, element("span", None, Some(title)));
            if !detail.is_empty() {
                append(&li, element("p", Some("mc-hint"), Some(detail)));
            }
        }
    }

    let expect: Vec<_> = steps
        .iter()
        .filter(|s| s.step.category == Category::Expect && s.phase(ctx.view.now) == Phase::Now)
        .collect();
    if !expect.is_empty() {
        heading(&section, "h3", &ctx.t(Key::CareExpectTitle), None);
        let list = append(&section, element("ul", Some("mc-care-list"), None));
        for s in expect {
            let (title, detail) = ctx.text.step(s.step.id);
            item(&list, "mc-care-item", title, None, detail);
        }
    }

    let (title, detail) = ctx.text.step("warning_signs");
    let warning = append(&section, element("div", Some("mc-warning"), None));
    heading(&warning, "h3", title, None);
    append(&warning, element("p", None, Some(detail)));
    append(
        &warning,
        element("p", None, Some(&ctx.t(Key::CareWarningContact))),
    );
    contact_links(&warning, &clinic, ctx.i18n);

    // What must not wait comes first; the one-time tip after it.
    if !record.nudge_done {
        let nudge = append(root, element("div", Some("mc-notice mc-notice-row"), None));
        append(&nudge, element("p", None, Some(&ctx.t(Key::CareNudgeText))));
        action_button(
            &nudge,
            "mc-button-quiet",
            &ctx.t(Key::CareNudgeDismiss),
            "nudge-done",
        );
    }

    // Timeline
    heading(root, "h2", &ctx.t(Key::CareTimelineTitle), None);
    let list = append(root, element("ol", Some("mc-timeline"), None));
    for s in &steps {
        let (title, _) = ctx.text.step(s.step.id);
        let (tag, class) = match s.phase(ctx.view.now) {
            Phase::Done => (Key::CareTimelineDone, "mc-step-done"),
            Phase::Now => (Key::CareTimelineNow, "mc-step-now"),
            Phase::Later => (Key::CareTimelineLater, "mc-step-later"),
        };
        let when = match s.end {
            None => ctx.t(Key::CareTimelineOngoing),
            Some(end) => ctx
                .t(Key::CareTimelineFromTo)
                .replace("{from}", &local_time_label(ctx.i18n, s.start))
                .replace("{to}", &local_time_label(ctx.i18n, end)),
        };
        let li = append(&list, element("li", Some(class), None));
        append(&li, element("span", Some("mc-tag"), Some(&ctx.t(tag))));
        append(&li, element("strong", None, Some(&format!(" {title}"))));
        append(&li, element("p", Some("mc-hint"), Some(&when)));
    }

    // Plan
    heading(root, "h2", &ctx.t(Key::CarePlanTitle), None);
    let dates: Vec<CivilDate> = record
        .sessions
        .iter()
        .map(|s| LocalDateTime::at(s.end, &BrowserZone).date)
        .collect();
    let plan = progress(clinic.plan(), &dates);
    let line = ctx
        .t(Key::CarePlanProgress)
        .replace("{done}", &plan.done.to_string())
        .replace("{planned}", &plan.planned.to_string());
    append(root, element("p", None, Some(&line)));
    let next = match plan.next {
        Some(date) if date <= today => ctx.t(Key::CarePlanNextDue),
        Some(date) => ctx
            .t(Key::CarePlanNext)
            .replace("{date}", &format_date(lang, date)),
        None => ctx.t(Key::CarePlanDone),
    };
    append(root, element("p", Some("mc-plan-next"), Some(&next)));
    if plan.next.is_some_and(|date| date > today) {
        let p = append(root, element("p", None, None));
        action_button(
            &p,
            "mc-button mc-button-secondary",
            &ctx.t(Key::CarePlanAddNext),
            "ics-next",
        );
    }
    append(
        root,
        element("p", Some("mc-hint"), Some(&ctx.t(Key::CarePlanNote))),
    );

    // Reminders
    heading(root, "h2", &ctx.t(Key::CareRemindersTitle), None);
    append(
        root,
        element("p", None, Some(&ctx.t(Key::CareRemindersText))),
    );
    let p = append(root, element("p", None, None));
    action_button(&p, "mc-button", &ctx.t(Key::CareRemindersDownload), "ics");
    if ctx.view.message == Some(Key::CareRemindersDownloaded) {
        let status = append(
            root,
            element(
                "p",
                Some("mc-success"),
                Some(&ctx.t(Key::CareRemindersDownloaded)),
            ),
        );
        set(&status, "role", "status");
    }
    append(
        root,
        element("p", Some("mc-hint"), Some(&ctx.t(Key::CareNotifyText))),
    );
    match ctx.view.notify {
        None => {
            let p = append(root, element("p", None, None));
            action_button(
                &p,
                "mc-button mc-button-secondary",
                &ctx.t(Key::CareNotifyEnable),
                "notify",
            );
        }
        Some(permission) => {
            let key = match permission {
                Permission::Granted => Key::CareNotifyOn,
                Permission::Denied => Key::CareNotifyDenied,
                Permission::Unsupported => Key::CareNotifyUnsupported,
            };
            let status = append(root, element("p", Some("mc-notice"), Some(&ctx.t(key))));
            set(&status, "role", "status");
        }
    }

    // History
    heading(root, "h2", &ctx.t(Key::CareHistoryTitle), None);
    let list = append(root, element("ul", Some("mc-care-list mc-history"), None));
    // Newest first; a handful of sessions, so a simple pass is enough (and
    // smaller in the download than a sort).
    let mut sessions: Vec<&Session> = Vec::new();
    for s in &record.sessions {
        let at = sessions
            .iter()
            .position(|o| o.end < s.end)
            .unwrap_or(sessions.len());
        sessions.insert(at, s);
    }
    for s in sessions {
        let li = append(&list, element("li", None, None));
        let when = local_time_label(ctx.i18n, s.end);
        append(&li, element("strong", None, Some(&when)));
        append(
            &li,
            element(
                "span",
                None,
                Some(&format!(" · {}", ctx.text.area(&s.area))),
            ),
        );
        if !s.note.is_empty() {
            append(&li, element("p", Some("mc-hint"), Some(&s.note)));
        }
        let actions = append(&li, element("div", Some("mc-actions"), None));
        for (label, action) in [
            (Key::CareHistoryEdit, "edit"),
            (Key::CareHistoryRemove, "remove"),
        ] {
            let label = ctx.t(label);
            let button = action_button(&actions, "mc-button-link", &label, action);
            set(&button, "data-id", &s.id);
            // "Edit: 23 November 2026, 08:30", for a list read aloud.
            set(&button, "aria-label", &format!("{label}: {when}"));
        }
    }
    let p = append(root, element("p", None, None));
    action_button(
        &p,
        "mc-button mc-button-secondary",
        &ctx.t(Key::CareHistoryAdd),
        "add",
    );
    let link = append(root, element("p", Some("mc-hint"), None));
    let a = append(&link, element("a", None, Some(&ctx.t(Key::FaqTitle))));
    set(
        &a,
        "href",
        &Route::FaqEntry("aftercare-overview".into()).href(),
    );
}

/// The calendar file of the latest session's reminders.
/// The reminders of `session` as an .ics file; with `only_next`, just the
/// one to book the next session (the same event, so importing both files
/// keeps one).
fn reminders_file(
    record: &AftercareRecord,
    session: &Session,
    text: &CareText,
    only_next: bool,
) -> String {
    let done = record.sessions.len() as u32;
    let clinic = use_clinic();
    let events: Vec<Event> = reminders(
        &clinic.protocol(),
        clinic.plan(),
        session.end,
        done,
        &BrowserZone,
    )
    .into_iter()
    .filter(|r| !only_next || r.id == BOOK_NEXT)
    .map(|r| {
        let (summary, description) = text.reminder(r.id);
        Event {
            uid: format!("{}-{}@microcare", session.id, r.id),
            start: r.at,
            end: r.at + 15 * MINUTE,
            summary: summary.to_string(),
            description: description.to_string(),
        }
    })
    .collect();
    calendar(&events, now_millis())
}
