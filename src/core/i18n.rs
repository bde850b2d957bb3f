//! Languages and interface strings.
//!
//! Every piece of text a person reads lives in one file per language,
//! `public/locales/<code>.json`, or, for a section's inner screens, in that
//! section's content file (see [`Key::file`]). This module knows which
//! languages exist, picks one from the browser's preferences, and names
//! every interface string with a [`Key`], so that a test can prove each
//! language has them all.
//!
//! ```
//! use microcare::core::i18n::Lang;
//! let prefs = ["pt-PT".to_string(), "en".to_string()];
//! assert_eq!(Lang::negotiate(&prefs, |_| true), Some(Lang::PtBr));
//! assert_eq!(Lang::negotiate(&prefs, |lang| lang != Lang::PtBr), Some(Lang::En));
//! ```

use serde::Deserialize;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    PtBr,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::PtBr, Lang::Es];

    /// The BCP 47 code, used for `<html lang>` and the locale file name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::PtBr => "pt-BR",
            Lang::Es => "es",
        }
    }

    /// The locale used to write dates: English dates are written day first
    /// ("14 March 2027"), as most of our English readers outside the US do.
    pub fn date_locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::PtBr => "pt-BR",
            Lang::Es => "es",
        }
    }

    /// The language's own name, as shown in the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::PtBr => "Português (Brasil)",
            Lang::Es => "Español",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// Maps one browser language tag onto ours: any Portuguese falls back to
    /// Brazilian Portuguese, any Spanish to Spanish.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "pt" => Some(Lang::PtBr),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The first of the person's preferred languages that we speak and
    /// that is `offered` (a clinic may offer fewer).
    pub fn negotiate(preferences: &[String], offered: impl Fn(Lang) -> bool) -> Option<Lang> {
        preferences
            .iter()
            .filter_map(|tag| Lang::from_tag(tag))
            .find(|lang| offered(*lang))
    }
}

macro_rules! ui_keys {
    ($($variant:ident => $key:literal,)*) => {
        /// Names of the interface strings. Each must exist in every locale file.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($variant,)* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$variant,)*];

            /// The key as written in the locale files.
            pub fn as_str(self) -> &'static str {
                match self { $(Key::$variant => $key,)* }
            }
        }
    };
}

ui_keys! {
    AppName => "app.name",
    AppTagline => "app.tagline",
    SkipToContent => "app.skip_to_content",
    PageLoading => "app.page_loading",
    PageLoadFailed => "app.page_load_failed",
    PageRetry => "app.page_retry",
    NavLabel => "nav.label",
    NavHome => "nav.home",
    NavFaq => "nav.faq",
    NavCheck => "nav.check",
    NavAftercare => "nav.aftercare",
    NavPrivacy => "nav.privacy",
    LanguageLabel => "language.label",
    FooterDisclaimer => "footer.disclaimer",
    HomeTitle => "home.title",
    HomeIntro => "home.intro",
    HomePrivate => "home.private",
    HomeFaqTitle => "home.faq.title",
    HomeFaqText => "home.faq.text",
    HomeCheckTitle => "home.check.title",
    HomeCheckText => "home.check.text",
    HomeAftercareTitle => "home.aftercare.title",
    HomeAftercareText => "home.aftercare.text",
    FaqTitle => "faq.title",
    FaqIntro => "faq.intro",
    CheckTitle => "check.title",
    CheckIntro => "check.intro",
    AftercareTitle => "aftercare.title",
    AftercareIntro => "aftercare.intro",
    PrivacyTitle => "privacy.title",
    PrivacyIntro => "privacy.intro",
    NotFoundTitle => "not_found.title",
    NotFoundText => "not_found.text",
    NotFoundHome => "not_found.home",
    NoticeMemoryOnly => "notice.memory_only",
    NoticeUnreadable => "notice.unreadable",
    NoticeReadOnly => "notice.read_only",
    NoticeStorageFull => "notice.storage_full",
    NoticeChangedElsewhere => "notice.changed_elsewhere",
    NoticeSeePrivacy => "notice.see_privacy",
    NoticeDismiss => "notice.dismiss",
    PrivacyWhereTitle => "privacy.where.title",
    PrivacyWhereText => "privacy.where.text",
    PrivacyWhatTitle => "privacy.what.title",
    PrivacyWhatLanguage => "privacy.what.language",
    PrivacyHowLongTitle => "privacy.how_long.title",
    PrivacyHowLongText => "privacy.how_long.text",
    PrivacyMemoryOnly => "privacy.memory_only",
    PrivacyBackupTitle => "privacy.backup.title",
    PrivacyBackupText => "privacy.backup.text",
    PrivacyExport => "privacy.export",
    PrivacyExported => "privacy.exported",
    PrivacyImportLabel => "privacy.import.label",
    PrivacyImportHint => "privacy.import.hint",
    PrivacyImported => "privacy.imported",
    PrivacyImportNotOurs => "privacy.import.not_ours",
    PrivacyImportTooLarge => "privacy.import.too_large",
    PrivacyImportNewer => "privacy.import.newer",
    PrivacyImportDamaged => "privacy.import.damaged",
    PrivacyImportFull => "privacy.import.full",
    PrivacyImportReadOnly => "privacy.import.read_only",
    PrivacyDeleteTitle => "privacy.delete.title",
    PrivacyDeleteText => "privacy.delete.text",
    PrivacyDelete => "privacy.delete",
    PrivacyDeleteConfirmTitle => "privacy.delete.confirm_title",
    PrivacyDeleteConfirmText => "privacy.delete.confirm_text",
    PrivacyDeleteConfirm => "privacy.delete.confirm",
    PrivacyDeleteCancel => "privacy.delete.cancel",
    PrivacyDeleted => "privacy.deleted",
    PrivacyWhatGoal => "privacy.what.goal",
    PrivacyWhatPhotos => "privacy.what.photos",
    PrivacyPhotosUsageOne => "privacy.photos.usage_one",
    PrivacyPhotosUsageMany => "privacy.photos.usage_many",
    PrivacyPhotosEstimate => "privacy.photos.estimate",
    PrivacyPhotosInclude => "privacy.photos.include",
    PrivacyPhotosIncludeHintOne => "privacy.photos.include_hint_one",
    PrivacyPhotosIncludeHintMany => "privacy.photos.include_hint_many",
    PrivacyWorking => "privacy.working",
    PrivacyExportedPhotosOne => "privacy.exported_photos_one",
    PrivacyExportedPhotosMany => "privacy.exported_photos_many",
    PrivacyExportFailed => "privacy.export_failed",
    PrivacyExportPhotosFailed => "privacy.export_photos_failed",
    PrivacyPhotosTooMany => "privacy.photos.too_many",
    PrivacyImportUnreadable => "privacy.import.unreadable",
    PrivacyImportedPhotosOne => "privacy.imported_photos_one",
    PrivacyImportedPhotosMany => "privacy.imported_photos_many",
    PrivacyImportPhotosUnavailable => "privacy.import.photos_unavailable",
    PrivacyImportPhotosFull => "privacy.import.photos_full",
    PrivacyImportPhotosFailed => "privacy.import.photos_failed",
    PrivacyDeletedPhotosUnavailable => "privacy.deleted_photos_unavailable",
    PrivacyDeletedPhotosFailed => "privacy.deleted_photos_failed",
    FaqLoading => "faq.loading",
    FaqLoadFailed => "faq.load_failed",
    FaqRetry => "faq.retry",
    FaqGoalLegend => "faq.goal.legend",
    FaqGoalHint => "faq.goal.hint",
    FaqExpectationsTitle => "faq.expectations.title",
    FaqForYou => "faq.for_you",
    FaqSearchLabel => "faq.search.label",
    FaqResultsOne => "faq.results.one",
    FaqResultsMany => "faq.results.many",
    FaqNoResults => "faq.results.none",
    FaqShowAll => "faq.show_all",
    FaqRelated => "faq.related",
    FaqSources => "faq.sources",
    FaqCopyLink => "faq.copy_link",
    FaqLinkCopied => "faq.link_copied",
    FaqCopyFailed => "faq.copy_failed",
    FaqLastReviewed => "faq.last_reviewed",
    FaqActionCheck => "faq.action.check",
    FaqActionAftercare => "faq.action.aftercare",
    CheckIntroTitle => "check.intro.title",
    CheckIntroWhat => "check.intro.what",
    CheckIntroWhy => "check.intro.why",
    CheckIntroPrivate => "check.intro.private",
    CheckIntroNotDiagnosis => "check.intro.not_diagnosis",
    CheckConsentLegend => "check.consent.legend",
    CheckConsentHint => "check.consent.hint",
    CheckConsentSave => "check.consent.save",
    CheckConsentMemory => "check.consent.memory",
    CheckConsentRequired => "check.consent.required",
    CheckStart => "check.start",
    CheckResume => "check.resume",
    CheckProgress => "check.progress",
    CheckYes => "check.yes",
    CheckNo => "check.no",
    CheckNotSure => "check.not_sure",
    CheckDateUnknown => "check.date_unknown",
    CheckDateLabelHint => "check.date_label_hint",
    CheckNext => "check.next",
    CheckBack => "check.back",
    CheckRequired => "check.required",
    CheckDateRequired => "check.date.required",
    CheckDateInFuture => "check.date.in_future",
    CheckDateInPast => "check.date.in_past",
    CheckDateTooLongAgo => "check.date.too_long_ago",
    CheckDateTooFar => "check.date.too_far",
    CheckDateOutsideWindow => "check.date.outside_window",
    CheckMissing => "check.missing",
    CheckSummaryTitle => "check.summary.title",
    CheckSummaryIntro => "check.summary.intro",
    CheckChange => "check.change",
    CheckSeeResult => "check.see_result",
    CheckResultTitle => "check.result.title",
    CheckResultOk => "check.result.ok",
    CheckResultAsk => "check.result.ask",
    CheckResultNotNow => "check.result.not_now",
    CheckOutcomeNotNow => "check.outcome.not_now",
    CheckOutcomeAsk => "check.outcome.ask",
    CheckFindingUnsure => "check.finding.unsure",
    CheckFindingFrom => "check.finding.from",
    CheckFindingEnded => "check.finding.ended",
    CheckAnswerAgain => "check.finding.answer_again",
    CheckWhy => "check.why",
    CheckWhatNext => "check.what_next",
    CheckNextStepTitle => "check.next_step.title",
    CheckNextStepText => "check.next_step.text",
    CheckLearnMore => "check.learn_more",
    CheckPrint => "check.print",
    CheckShare => "check.share",
    CheckShareHint => "check.share_hint",
    CheckShared => "check.shared",
    CheckCopied => "check.copied",
    CheckShareFailed => "check.share_failed",
    CheckStartOver => "check.start_over",
    CheckYourAnswers => "check.your_answers",
    CheckCheckedOn => "check.checked_on",
    CheckSavedNote => "check.saved_note",
    CheckMemoryNote => "check.memory_note",
    CheckDisclaimer => "check.disclaimer",
    PrivacyWhatCheck => "privacy.what.check",
    CareLogTitle => "care.log.title",
    CareLogIntro => "care.log.intro",
    CareLogWhen => "care.log.when",
    CareLogArea => "care.log.area",
    CareLogNote => "care.log.note",
    CareLogNoteHint => "care.log.note_hint",
    CareLogSave => "care.log.save",
    CareLogUpdate => "care.log.update",
    CareLogCancel => "care.log.cancel",
    CareLogInvalidDate => "care.log.invalid_date",
    CareLogFuture => "care.log.future",
    CareTodayTitle => "care.today.title",
    CareTodayDaysSince => "care.today.days_since",
    CareAvoidTitle => "care.avoid.title",
    CareAvoidFor => "care.avoid.for",
    CareDoTitle => "care.do.title",
    CareExpectTitle => "care.expect.title",
    CareWarningContact => "care.warning.contact",
    CareNothingToAvoid => "care.nothing_to_avoid",
    CareTimeMinutes => "care.time.minutes",
    CareTimeHours => "care.time.hours",
    CareTimeHour => "care.time.hour",
    CareTimeDays => "care.time.days",
    CareTimelineTitle => "care.timeline.title",
    CareTimelineDone => "care.timeline.done",
    CareTimelineNow => "care.timeline.now",
    CareTimelineLater => "care.timeline.later",
    CareTimelineFromTo => "care.timeline.from_to",
    CareTimelineOngoing => "care.timeline.ongoing",
    CarePlanTitle => "care.plan.title",
    CarePlanProgress => "care.plan.progress",
    CarePlanNext => "care.plan.next",
    CarePlanNextDue => "care.plan.next_due",
    CarePlanDone => "care.plan.done",
    CarePlanNote => "care.plan.note",
    CarePlanAddNext => "care.plan.add_next",
    CareRemindersTitle => "care.reminders.title",
    CareRemindersText => "care.reminders.text",
    CareRemindersDownload => "care.reminders.download",
    CareRemindersDownloaded => "care.reminders.downloaded",
    CareNotifyText => "care.notify.text",
    CareNotifyEnable => "care.notify.enable",
    CareNotifyOn => "care.notify.on",
    CareNotifyDenied => "care.notify.denied",
    CareNotifyUnsupported => "care.notify.unsupported",
    CareHistoryTitle => "care.history.title",
    CareHistoryEdit => "care.history.edit",
    CareHistoryRemove => "care.history.remove",
    CareHistoryConfirmRemove => "care.history.confirm_remove",
    CareHistoryAdd => "care.history.add",
    CareNudgeText => "care.nudge.text",
    CareNudgeDismiss => "care.nudge.dismiss",
    CarePhotosAlt => "care.photos.alt",
    CarePhotosAltSession => "care.photos.alt_session",
    CarePhotosAfterSession => "care.photos.after_session",
    CarePhotosLink => "care.photos.link",
    CarePhotosLinkText => "care.photos.link_text",
    CarePhotosOpen => "care.photos.open",
    CarePhotosAddTitle => "care.photos.add_title",
    CarePhotosDate => "care.photos.date",
    CarePhotosSession => "care.photos.session",
    CarePhotosSessionNone => "care.photos.session_none",
    CarePhotosSessionOption => "care.photos.session_option",
    CarePhotosTip => "care.photos.tip",
    CarePhotosCamera => "care.photos.camera",
    CarePhotosChoose => "care.photos.choose",
    CarePhotosChooseHint => "care.photos.choose_hint",
    CarePhotosSaving => "care.photos.saving",
    CarePhotosSaved => "care.photos.saved",
    CarePhotosNotImage => "care.photos.not_image",
    CarePhotosCannotEncode => "care.photos.cannot_encode",
    CarePhotosFull => "care.photos.full",
    CarePhotosUnavailable => "care.photos.unavailable",
    CarePhotosBlocked => "care.photos.blocked",
    CarePhotosNewer => "care.photos.newer",
    CarePhotosFailed => "care.photos.failed",
    CarePhotosUnreadable => "care.photos.unreadable",
    CarePhotosDayInvalid => "care.photos.day_invalid",
    CarePhotosDayFuture => "care.photos.day_future",
    CarePhotosLoading => "care.photos.loading",
    CarePhotosNone => "care.photos.none",
    CarePhotosCompareTitle => "care.photos.compare_title",
    CarePhotosFirst => "care.photos.first",
    CarePhotosSecond => "care.photos.second",
    CarePhotosSlider => "care.photos.slider",
    CarePhotosNeedsTwo => "care.photos.needs_two",
    CarePhotosDelete => "care.photos.delete",
    CarePhotosDeleteConfirm => "care.photos.delete_confirm",
    CarePhotosDeleteYes => "care.photos.delete_yes",
    CarePhotosDeleteNo => "care.photos.delete_no",
    CarePhotosDeleted => "care.photos.deleted",
    CarePhotosShare => "care.photos.share",
    CarePhotosSaveCopy => "care.photos.save_copy",
    CarePhotosShared => "care.photos.shared",
    CarePhotosCopySaved => "care.photos.copy_saved",
    CarePhotosShareFailed => "care.photos.share_failed",
    CarePhotosCameraTitle => "care.photos.camera_title",
    CarePhotosCameraGhost => "care.photos.camera_ghost",
    CarePhotosCameraFirst => "care.photos.camera_first",
    CarePhotosCameraTake => "care.photos.camera_take",
    CarePhotosCameraCancel => "care.photos.camera_cancel",
    CarePhotosCameraDenied => "care.photos.camera_denied",
    CarePhotosCameraNone => "care.photos.camera_none",
    PhotosTitle => "photos.title",
    PhotosIntro => "photos.intro",
    PhotosBack => "photos.back",
    PhotosPrivate => "photos.private",
    PrivacyWhatSessions => "privacy.what.sessions",
    ClinicFaqCategory => "clinic.faq_category",
    ClinicContactTitle => "clinic.contact_title",
    ClinicBook => "clinic.book",
    ClinicCall => "clinic.call",
    ClinicWhatsApp => "clinic.whatsapp",
    ClinicEmail => "clinic.email",
    ClinicNextStep => "clinic.next_step",
    PrivacyWhatInstall => "privacy.what.install",
    PrivacyWhatOffline => "privacy.what.offline",
    PwaOffline => "pwa.offline",
    PwaUpdateReady => "pwa.update_ready",
    PwaReload => "pwa.reload",
    PwaInstallText => "pwa.install.text",
    PwaInstall => "pwa.install",
    PwaInstallIos => "pwa.install.ios",
    PwaNotNow => "pwa.not_now",
    DeskTitle => "desk.title",
    DeskIntro => "desk.intro",
    LinkTitle => "link.title",
    LinkIntro => "link.intro",
    CareDeskWhen => "care.desk.when",
    CareDeskArea => "care.desk.area",
    CareDeskSession => "care.desk.session",
    CareDeskInterval => "care.desk.interval",
    CareDeskIntervalHint => "care.desk.interval_hint",
    CareDeskLang => "care.desk.lang",
    CareDeskLangHint => "care.desk.lang_hint",
    CareDeskLinkTitle => "care.desk.link_title",
    CareDeskLinkHint => "care.desk.link_hint",
    CareDeskCopy => "care.desk.copy",
    CareDeskCopied => "care.desk.copied",
    CareDeskCopyFailed => "care.desk.copy_failed",
    CareDeskShare => "care.desk.share",
    CareDeskQr => "care.desk.qr",
    CareDeskPrint => "care.desk.print",
    CareDeskCardSize => "care.desk.card_size",
    CareDeskCardTitle => "care.desk.card_title",
    CareDeskInvalid => "care.desk.invalid",
    CareDeskConfigTitle => "care.desk.config_title",
    CareDeskConfigValid => "care.desk.config_valid",
    CareDeskConfigNone => "care.desk.config_none",
    CareDeskConfigUnreadable => "care.desk.config_unreadable",
    CareDeskConfigProblems => "care.desk.config_problems",
    CareDeskConfigField => "care.desk.config_field",
    CareDeskConfigExpected => "care.desk.config_expected",
    CareDeskConfigFound => "care.desk.config_found",
    CareCardSession => "care.card.session",
    CareCardUntilTitle => "care.card.until_title",
    CareCardUntil => "care.card.until",
    CareCardWarningsTitle => "care.card.warnings_title",
    CareCardNext => "care.card.next",
    CareCardScan => "care.card.scan",
    CareLinkAsk => "care.link.ask",
    CareLinkPlan => "care.link.plan",
    CareLinkAdd => "care.link.add",
    CareLinkNotNow => "care.link.not_now",
    CareLinkAlready => "care.link.already",
    CareLinkOpen => "care.link.open",
    CareLinkUpdate => "care.link.update",
    CareLinkDamaged => "care.link.damaged",
    CareLinkFuture => "care.link.future",
    CareLinkTooOld => "care.link.too_old",
}

impl Key {
    /// The content file whose `ui` holds this string, for the strings of a
    /// section's inner screens (loaded with that section, not at start);
    /// `None` for the main locale file.
    pub fn file(self) -> Option<&'static str> {
        let name = self.as_str();
        // A section's title, introduction and loading messages show before
        // its content arrives.
        if matches!(
            self,
            Key::CheckTitle
                | Key::CheckIntro
                | Key::FaqTitle
                | Key::FaqIntro
                | Key::FaqLoading
                | Key::FaqLoadFailed
                | Key::FaqRetry
        ) {
            None
        } else if name.starts_with("faq.") {
            Some("faq")
        } else if name.starts_with("check.") {
            Some("check")
        } else if name.starts_with("care.") {
            Some("aftercare")
        } else {
            None
        }
    }
}

/// One language's text, as read from its locale file, and the strings of
/// the sections loaded since (see [`Key::file`]).
#[derive(Debug)]
pub struct Locale {
    pub lang: String,
    pub ui: HashMap<String, String>,
    sections: Vec<(&'static str, HashMap<String, String>)>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum LocaleError {
    /// The file is not valid JSON of the expected shape.
    Malformed(String),
    /// The file's `lang` is not the language it was loaded for.
    WrongLanguage { expected: String, found: String },
    /// Interface strings that are absent or empty.
    MissingKeys(Vec<&'static str>),
}

impl std::fmt::Display for LocaleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LocaleError::Malformed(why) => write!(f, "locale file is malformed: {why}"),
            LocaleError::WrongLanguage { expected, found } => {
                write!(f, "locale file is for \"{found}\", expected \"{expected}\"")
            }
            LocaleError::MissingKeys(keys) => write!(f, "locale file lacks {}", keys.join(", ")),
        }
    }
}

impl Locale {
    /// Parses and checks a locale file for `lang`: a file that parses but
    /// lacks strings is an error, so that no English leaks into another
    /// language's screen and no key name is ever shown to a person.
    pub fn parse(lang: Lang, json: &str) -> Result<Locale, LocaleError> {
        let file = TextFile::parse(json)?;
        if file.lang != lang.code() {
            return Err(LocaleError::WrongLanguage {
                expected: lang.code().to_string(),
                found: file.lang,
            });
        }
        Ok(Locale {
            ui: complete(file.ui, None)?,
            lang: file.lang,
            sections: Vec::new(),
        })
    }

    /// The strings of `file`'s screens from that content file's `ui`, all
    /// of them present, to [`add`](Locale::add) to the locale.
    pub fn section(file: &str, json: &str) -> Result<HashMap<String, String>, LocaleError> {
        complete(TextFile::parse(json)?.ui, Some(file))
    }

    /// Adds the strings of a section's `file`.
    pub fn add(&mut self, file: &'static str, strings: HashMap<String, String>) {
        self.sections.push((file, strings));
    }

    /// Whether the strings of `file` were added.
    pub fn has(&self, file: &str) -> bool {
        self.sections.iter().any(|(f, _)| *f == file)
    }

    /// The interface string for `key` ("" for a section's string before
    /// its section is loaded).
    pub fn t(&self, key: Key) -> &str {
        let key = key.as_str();
        self.ui
            .get(key)
            .or_else(|| self.sections.iter().find_map(|(_, s)| s.get(key)))
            .map_or("", String::as_str)
    }
}

fn missing(ui: &HashMap<String, String>, file: Option<&str>) -> Vec<&'static str> {
    Key::ALL
        .iter()
        .filter(|key| key.file() == file)
        .map(|key| key.as_str())
        .filter(|key| ui.get(*key).is_none_or(|text| text.trim().is_empty()))
        .collect()
}

/// What the interface reads of a locale or content file: its language and
/// its `ui` strings (a content file's other fields are its content's).
#[derive(Deserialize)]
struct TextFile {
    #[serde(default)]
    lang: String,
    ui: HashMap<String, String>,
}

impl TextFile {
    fn parse(json: &str) -> Result<TextFile, LocaleError> {
        serde_json::from_str(json).map_err(|why| LocaleError::Malformed(why.to_string()))
    }
}

/// Every string of `file` (`None`: the main locale file) must be there and
/// not empty, so that no English leaks into another language's screen and
/// no key name is ever shown to a person.
fn complete(
    ui: HashMap<String, String>,
    file: Option<&str>,
) -> Result<HashMap<String, String>, LocaleError> {
    let lacking = missing(&ui, file);
    if !lacking.is_empty() {
        return Err(LocaleError::MissingKeys(lacking));
    }
    Ok(ui)
}

/// The committed locale files, for tests that check their content.
#[cfg(test)]
pub(crate) fn locale_source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../public/locales/en.json"),
        Lang::PtBr => include_str!("../../public/locales/pt-BR.json"),
        Lang::Es => include_str!("../../public/locales/es.json"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefs(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn negotiation_table() {
        let cases: &[(&[&str], Lang)] = &[
            (&[], Lang::En),
            (&["en-US"], Lang::En),
            (&["pt-BR"], Lang::PtBr),
            (&["pt-PT"], Lang::PtBr),
            (&["pt"], Lang::PtBr),
            (&["PT_br"], Lang::PtBr),
            (&["es"], Lang::Es),
            (&["es-MX"], Lang::Es),
            (&["es-419"], Lang::Es),
            (&["fr-FR"], Lang::En),
            (&["fr-FR", "es-AR", "en"], Lang::Es),
            (&["de", "pt-PT", "es"], Lang::PtBr),
            (&[""], Lang::En),
        ];
        for (tags, expected) in cases {
            let chosen = Lang::negotiate(&prefs(tags), |_| true).unwrap_or(Lang::En);
            assert_eq!(chosen, *expected, "{tags:?}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("pt"), None);
    }

    const SECTIONS: [&str; 3] = ["faq", "check", "aftercare"];

    fn section_source(lang: Lang, file: &str) -> &'static str {
        match (lang, file) {
            (Lang::En, "faq") => include_str!("../../public/locales/en.faq.json"),
            (Lang::PtBr, "faq") => include_str!("../../public/locales/pt-BR.faq.json"),
            (Lang::Es, "faq") => include_str!("../../public/locales/es.faq.json"),
            (Lang::En, "check") => include_str!("../../public/locales/en.check.json"),
            (Lang::PtBr, "check") => include_str!("../../public/locales/pt-BR.check.json"),
            (Lang::Es, "check") => include_str!("../../public/locales/es.check.json"),
            (Lang::En, _) => include_str!("../../public/locales/en.aftercare.json"),
            (Lang::PtBr, _) => include_str!("../../public/locales/pt-BR.aftercare.json"),
            (Lang::Es, _) => include_str!("../../public/locales/es.aftercare.json"),
        }
    }

    /// A language's whole text: its main file and its sections' strings.
    fn whole(lang: Lang) -> Locale {
        let mut locale = Locale::parse(lang, locale_source(lang))
            .unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
        for file in SECTIONS {
            let strings = Locale::section(file, section_source(lang, file))
                .unwrap_or_else(|e| panic!("{}.{file}: {e}", lang.code()));
            locale.add(file, strings);
        }
        locale
    }

    #[test]
    fn every_locale_file_has_every_interface_string_and_no_stale_ones() {
        for lang in Lang::ALL {
            let main = Locale::parse(lang, locale_source(lang))
                .unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
            let mut files = vec![(None, main.ui)];
            for file in SECTIONS {
                let strings = Locale::section(file, section_source(lang, file))
                    .unwrap_or_else(|e| panic!("{}.{file}: {e}", lang.code()));
                files.push((Some(file), strings));
            }
            for (file, ui) in files {
                // Every string is in the file it is loaded from, and no
                // file holds strings nothing uses.
                let misplaced: Vec<&String> = ui
                    .keys()
                    .filter(|k| {
                        !Key::ALL
                            .iter()
                            .any(|key| key.as_str() == *k && key.file() == file)
                    })
                    .collect();
                assert!(
                    misplaced.is_empty(),
                    "{} {file:?}: unused or misplaced strings {misplaced:?}",
                    lang.code()
                );
            }
            let whole = whole(lang);
            let empty: Vec<&str> = Key::ALL
                .iter()
                .filter(|key| whole.t(**key).is_empty())
                .map(|key| key.as_str())
                .collect();
            assert!(empty.is_empty(), "{}: no text for {empty:?}", lang.code());
        }
    }

    #[test]
    fn every_interface_string_is_used_by_the_interface() {
        // A string nothing shows still costs a translation in every
        // language and bytes in every download.
        fn read_all(dir: &std::path::Path, code: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    // A page split into one file per screen.
                    read_all(&path, code);
                } else {
                    code.push_str(&std::fs::read_to_string(path).unwrap());
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut code = String::new();
        for dir in ["ui", "browser"] {
            read_all(&root.join(dir), &mut code);
        }
        // The core modules that build a sentence from interface strings
        // (a photo's text alternative) use their keys themselves.
        code.push_str(&std::fs::read_to_string(root.join("core/photos.rs")).unwrap());
        let unused: Vec<String> = Key::ALL
            .iter()
            .map(|key| format!("Key::{key:?}"))
            .filter(|name| !code.contains(name.as_str()))
            .collect();
        assert!(unused.is_empty(), "never shown: {unused:?}");
    }

    #[test]
    fn a_section_file_missing_a_string_is_rejected_with_its_name() {
        let json = r#"{"lang":"en","ui":{"check.yes":"Yes"}}"#;
        match Locale::section("check", json) {
            Err(LocaleError::MissingKeys(keys)) => {
                assert!(keys.contains(&"check.no"));
                assert!(!keys.contains(&"check.yes"));
                assert!(keys.iter().all(|k| k.starts_with("check.")), "{keys:?}");
            }
            other => panic!("expected missing keys, got {other:?}"),
        }
    }

    #[test]
    fn translations_differ_from_english() {
        // A string copied from English into another language is a leak.
        let en = whole(Lang::En);
        for lang in [Lang::PtBr, Lang::Es] {
            let other = whole(lang);
            let same: Vec<&str> = Key::ALL
                .iter()
                // The product name, Spanish "No", "{n} min" and a photo's
                // "{area}, {date}" are the same words.
                .filter(|k| {
                    !matches!(
                        k,
                        Key::AppName | Key::CheckNo | Key::CareTimeMinutes | Key::CarePhotosAlt
                    )
                })
                .filter(|k| en.t(**k) == other.t(**k))
                .map(|k| k.as_str())
                .collect();
            assert!(same.is_empty(), "{}: untranslated {same:?}", lang.code());
        }
    }

    #[test]
    fn a_file_missing_a_string_is_rejected_with_its_name() {
        let json = r#"{"lang":"en","ui":{"app.name":"MicroCare","nav.faq":"  "}}"#;
        match Locale::parse(Lang::En, json) {
            Err(LocaleError::MissingKeys(keys)) => {
                assert!(keys.contains(&"nav.faq"));
                assert!(!keys.contains(&"app.name"));
            }
            other => panic!("expected missing keys, got {other:?}"),
        }
    }

    #[test]
    fn a_file_for_another_language_or_broken_json_is_rejected() {
        assert!(matches!(
            Locale::parse(Lang::Es, locale_source(Lang::En)),
            Err(LocaleError::WrongLanguage { .. })
        ));
        assert!(matches!(
            Locale::parse(Lang::En, "{"),
            Err(LocaleError::Malformed(_))
        ));
    }
}
