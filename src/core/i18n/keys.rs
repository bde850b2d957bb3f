//! The names of every string, one enum per file they are read from.

use std::fmt::Debug;

/// The file a string is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextFile {
    /// `<lang>.json`, loaded at start.
    Main,
    /// `<lang>.faq.json`, with the FAQ.
    Faq,
    /// `<lang>.check.json`, with the self-check's questions.
    Check,
    /// `<lang>.aftercare.json`, with the aftercare steps.
    Aftercare,
}

impl TextFile {
    pub const ALL: [TextFile; 4] = [
        TextFile::Main,
        TextFile::Faq,
        TextFile::Check,
        TextFile::Aftercare,
    ];

    /// The part of the file name after the language: `None` for the main
    /// file, `Some("faq")` for `<lang>.faq.json`.
    pub fn name(self) -> Option<&'static str> {
        match self {
            TextFile::Main => None,
            TextFile::Faq => Some("faq"),
            TextFile::Check => Some("check"),
            TextFile::Aftercare => Some("aftercare"),
        }
    }
}

/// The name of one string of one file ([`TextKey::FILE`]), with the
/// placeholders its text holds in every language and whether it has plural
/// forms.
pub trait TextKey: Copy + Debug + Eq + Send + Sync + 'static {
    const FILE: TextFile;
    const ALL: &'static [Self];
    /// The key as written in the file's `ui` object.
    fn as_str(self) -> &'static str;
    /// The `{name}`s its text holds, in every language and every form.
    fn placeholders(self) -> &'static [&'static str];
    /// A form per plural category (`{"one": ..., "other": ...}`), chosen
    /// by a count `{n}`.
    fn is_plural(self) -> bool;
}

/// Declares the strings of one file: `Name => "key" [plural] {args},`.
macro_rules! text_keys {
    (
        $(#[$meta:meta])*
        pub enum $name:ident in $file:ident {
            $($variant:ident => $key:literal $($plural:ident)? $({ $($arg:ident),* })?,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant,)* }

        impl TextKey for $name {
            const FILE: TextFile = TextFile::$file;
            const ALL: &'static [Self] = &[$($name::$variant,)*];

            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }

            fn placeholders(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($(stringify!($arg)),*)?],)* }
            }

            fn is_plural(self) -> bool {
                match self { $($name::$variant => false $(|| { let _ = stringify!($plural); true })?,)* }
            }
        }
    };
}

text_keys! {
    /// The main locale file's strings (`public/locales/<lang>.json`): the frame, every page's
    /// heading and introduction, what shows while a section's file loads, and the pages that
    /// have no file of their own.
    pub enum Key in Main {
        AppName => "app.name",
        AppTagline => "app.tagline",
        SkipToContent => "app.skip_to_content",
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
        PrivacyPhotosUsage => "privacy.photos.usage" plural {n, size},
        PrivacyPhotosEstimate => "privacy.photos.estimate" {quota, usage},
        PrivacyPhotosInclude => "privacy.photos.include",
        PrivacyPhotosIncludeHint => "privacy.photos.include_hint" plural {n, size},
        PrivacyWorking => "privacy.working",
        PrivacyExportedPhotos => "privacy.exported_photos" plural {n},
        PrivacyExportFailed => "privacy.export_failed",
        PrivacyExportPhotosFailed => "privacy.export_photos_failed",
        PrivacyPhotosTooMany => "privacy.photos.too_many",
        PrivacyImportUnreadable => "privacy.import.unreadable",
        PrivacyImportedPhotos => "privacy.imported_photos" plural {n},
        PrivacyImportPhotosUnavailable => "privacy.import.photos_unavailable",
        PrivacyImportPhotosFull => "privacy.import.photos_full",
        PrivacyImportPhotosFailed => "privacy.import.photos_failed",
        PrivacyDeletedPhotosUnavailable => "privacy.deleted_photos_unavailable",
        PrivacyDeletedPhotosFailed => "privacy.deleted_photos_failed",
        PrivacyUnavailable => "privacy.unavailable",
        FaqLoading => "faq.loading",
        FaqLoadFailed => "faq.load_failed",
        CheckLoading => "check.loading",
        CheckLoadFailed => "check.load_failed",
        CareLoading => "care.loading",
        CareLoadFailed => "care.load_failed",
        ContentRetry => "content.retry",
        PageLoading => "app.page_loading",
        AnswerLoading => "app.answer_loading",
        PageLoadFailed => "app.page_load_failed",
        PrivacyWhatCheck => "privacy.what.check",
        PhotosTitle => "photos.title",
        PhotosIntro => "photos.intro",
        PhotosBack => "photos.back",
        PhotosPrivate => "photos.private",
        PrivacyWhatSessions => "privacy.what.sessions",
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
    }
}

text_keys! {
    /// The FAQ's screens (`<lang>.faq.json`, its `ui` object), loaded with the questions.
    pub enum FaqKey in Faq {
        GoalLegend => "faq.goal.legend",
        GoalHint => "faq.goal.hint",
        ExpectationsTitle => "faq.expectations.title",
        ForYou => "faq.for_you",
        SearchLabel => "faq.search.label",
        ClinicCategory => "faq.clinic_category",
        Results => "faq.results" plural {n},
        NoResults => "faq.results.none" {query},
        ShowAll => "faq.show_all",
        Related => "faq.related",
        Sources => "faq.sources",
        CopyLink => "faq.copy_link",
        LinkCopied => "faq.link_copied",
        CopyFailed => "faq.copy_failed" {url},
        LastReviewed => "faq.last_reviewed" {date},
        ActionCheck => "faq.action.check",
        ActionAftercare => "faq.action.aftercare",
    }
}

text_keys! {
    /// The self-check's screens (`<lang>.check.json`, its `ui` object), loaded with the questions.
    pub enum CheckKey in Check {
        IntroTitle => "check.intro.title",
        IntroWhat => "check.intro.what",
        IntroWhy => "check.intro.why",
        IntroPrivate => "check.intro.private",
        IntroNotDiagnosis => "check.intro.not_diagnosis",
        ConsentLegend => "check.consent.legend",
        ConsentHint => "check.consent.hint",
        ConsentSave => "check.consent.save",
        ConsentMemory => "check.consent.memory",
        ConsentRequired => "check.consent.required",
        Start => "check.start",
        Resume => "check.resume",
        Progress => "check.progress" {n, total},
        Yes => "check.yes",
        No => "check.no",
        NotSure => "check.not_sure",
        DateUnknown => "check.date_unknown",
        DateLabelHint => "check.date_label_hint",
        Next => "check.next",
        Back => "check.back",
        Required => "check.required",
        DateRequired => "check.date.required",
        DateInFuture => "check.date.in_future",
        DateInPast => "check.date.in_past",
        DateTooLongAgo => "check.date.too_long_ago",
        DateTooFar => "check.date.too_far",
        DateOutsideWindow => "check.date.outside_window",
        Missing => "check.missing",
        SummaryTitle => "check.summary.title",
        SummaryIntro => "check.summary.intro",
        Change => "check.change",
        SeeResult => "check.see_result",
        ResultTitle => "check.result.title",
        ResultOk => "check.result.ok",
        ResultAsk => "check.result.ask",
        ResultNotNow => "check.result.not_now",
        OutcomeNotNow => "check.outcome.not_now",
        OutcomeAsk => "check.outcome.ask",
        FindingUnsure => "check.finding.unsure",
        FindingFrom => "check.finding.from" {date},
        FindingEnded => "check.finding.ended" {date},
        AnswerAgain => "check.finding.answer_again",
        Why => "check.why",
        WhatNext => "check.what_next",
        NextStepTitle => "check.next_step.title",
        NextStepText => "check.next_step.text",
        LearnMore => "check.learn_more",
        Print => "check.print",
        Share => "check.share",
        ShareHint => "check.share_hint",
        Shared => "check.shared",
        Copied => "check.copied",
        ShareFailed => "check.share_failed",
        StartOver => "check.start_over",
        YourAnswers => "check.your_answers",
        CheckedOn => "check.checked_on" {date},
        SavedNote => "check.saved_note",
        MemoryNote => "check.memory_note",
        Disclaimer => "check.disclaimer",
    }
}

text_keys! {
    /// The aftercare screens, photos, the desk and a session link (`<lang>.aftercare.json`, its
    /// `ui` object), loaded with the steps.
    pub enum CareKey in Aftercare {
        LogTitle => "care.log.title",
        LogIntro => "care.log.intro",
        LogWhen => "care.log.when",
        LogArea => "care.log.area",
        LogNote => "care.log.note",
        LogNoteHint => "care.log.note_hint",
        LogSave => "care.log.save",
        LogUpdate => "care.log.update",
        LogCancel => "care.log.cancel",
        LogInvalidDate => "care.log.invalid_date",
        LogFuture => "care.log.future",
        TodayTitle => "care.today.title",
        TodayDaysSince => "care.today.days_since" {date, n},
        AvoidTitle => "care.avoid.title",
        AvoidFor => "care.avoid.for" {time},
        DoTitle => "care.do.title",
        ExpectTitle => "care.expect.title",
        WarningContact => "care.warning.contact",
        NothingToAvoid => "care.nothing_to_avoid",
        TimeMinutes => "care.time.minutes" plural {n},
        TimeHours => "care.time.hours" plural {n},
        TimeDays => "care.time.days" plural {n},
        TimelineTitle => "care.timeline.title",
        TimelineDone => "care.timeline.done",
        TimelineNow => "care.timeline.now",
        TimelineLater => "care.timeline.later",
        TimelineFromTo => "care.timeline.from_to" {from, to},
        TimelineOngoing => "care.timeline.ongoing",
        PlanTitle => "care.plan.title",
        PlanProgress => "care.plan.progress" {done, planned},
        PlanNext => "care.plan.next" {date},
        PlanNextDue => "care.plan.next_due",
        PlanDone => "care.plan.done",
        PlanNote => "care.plan.note",
        PlanAddNext => "care.plan.add_next",
        RemindersTitle => "care.reminders.title",
        RemindersText => "care.reminders.text",
        RemindersDownload => "care.reminders.download",
        RemindersDownloaded => "care.reminders.downloaded",
        NotifyText => "care.notify.text",
        NotifyEnable => "care.notify.enable",
        NotifyOn => "care.notify.on",
        NotifyDenied => "care.notify.denied",
        NotifyUnsupported => "care.notify.unsupported",
        HistoryTitle => "care.history.title",
        HistoryEdit => "care.history.edit",
        HistoryRemove => "care.history.remove",
        HistoryConfirmRemove => "care.history.confirm_remove" {date},
        HistoryRemoveYes => "care.history.remove_yes",
        HistoryRemoveNo => "care.history.remove_no",
        HistoryAdd => "care.history.add",
        NudgeText => "care.nudge.text",
        NudgeDismiss => "care.nudge.dismiss",
        PhotosAlt => "care.photos.alt" {area, date},
        PhotosAltSession => "care.photos.alt_session" {area, date, n},
        PhotosAfterSession => "care.photos.after_session" {n, planned},
        PhotosLink => "care.photos.link",
        PhotosLinkText => "care.photos.link_text",
        PhotosOpen => "care.photos.open",
        PhotosAddTitle => "care.photos.add_title",
        PhotosDate => "care.photos.date",
        PhotosSession => "care.photos.session",
        PhotosSessionNone => "care.photos.session_none",
        PhotosSessionOption => "care.photos.session_option" {date, n},
        PhotosTip => "care.photos.tip",
        PhotosCamera => "care.photos.camera",
        PhotosChoose => "care.photos.choose",
        PhotosChooseHint => "care.photos.choose_hint",
        PhotosSaving => "care.photos.saving",
        PhotosSaved => "care.photos.saved",
        PhotosNotImage => "care.photos.not_image",
        PhotosCannotEncode => "care.photos.cannot_encode",
        PhotosFull => "care.photos.full",
        PhotosUnavailable => "care.photos.unavailable",
        PhotosBlocked => "care.photos.blocked",
        PhotosNewer => "care.photos.newer",
        PhotosFailed => "care.photos.failed",
        PhotosUnreadable => "care.photos.unreadable",
        PhotosDayInvalid => "care.photos.day_invalid",
        PhotosDayFuture => "care.photos.day_future",
        PhotosLoading => "care.photos.loading",
        PhotosNone => "care.photos.none",
        PhotosCompareTitle => "care.photos.compare_title",
        PhotosFirst => "care.photos.first",
        PhotosSecond => "care.photos.second",
        PhotosSlider => "care.photos.slider",
        PhotosNeedsTwo => "care.photos.needs_two",
        PhotosDelete => "care.photos.delete",
        PhotosDeleteConfirm => "care.photos.delete_confirm",
        PhotosDeleteYes => "care.photos.delete_yes",
        PhotosDeleteNo => "care.photos.delete_no",
        PhotosDeleted => "care.photos.deleted",
        PhotosShare => "care.photos.share",
        PhotosSaveCopy => "care.photos.save_copy",
        PhotosShared => "care.photos.shared",
        PhotosCopySaved => "care.photos.copy_saved",
        PhotosShareFailed => "care.photos.share_failed",
        PhotosCameraTitle => "care.photos.camera_title",
        PhotosCameraGhost => "care.photos.camera_ghost",
        PhotosCameraFirst => "care.photos.camera_first",
        PhotosCameraTake => "care.photos.camera_take",
        PhotosCameraCancel => "care.photos.camera_cancel",
        PhotosCameraDenied => "care.photos.camera_denied",
        PhotosCameraNone => "care.photos.camera_none",
        DeskWhen => "care.desk.when",
        DeskArea => "care.desk.area",
        DeskSession => "care.desk.session",
        DeskInterval => "care.desk.interval",
        DeskIntervalHint => "care.desk.interval_hint",
        DeskLang => "care.desk.lang",
        DeskLangHint => "care.desk.lang_hint",
        DeskLinkTitle => "care.desk.link_title",
        DeskLinkHint => "care.desk.link_hint",
        DeskCopy => "care.desk.copy",
        DeskCopied => "care.desk.copied",
        DeskCopyFailed => "care.desk.copy_failed",
        DeskShare => "care.desk.share",
        DeskQr => "care.desk.qr",
        DeskPrint => "care.desk.print",
        DeskCardSize => "care.desk.card_size",
        DeskCardTitle => "care.desk.card_title",
        DeskInvalid => "care.desk.invalid",
        DeskConfigTitle => "care.desk.config_title",
        DeskConfigValid => "care.desk.config_valid",
        DeskConfigNone => "care.desk.config_none",
        DeskConfigUnreadable => "care.desk.config_unreadable" {why},
        DeskConfigProblems => "care.desk.config_problems",
        DeskConfigField => "care.desk.config_field",
        DeskConfigExpected => "care.desk.config_expected",
        DeskConfigFound => "care.desk.config_found",
        CardSession => "care.card.session" {area, when},
        CardUntilTitle => "care.card.until_title",
        CardUntil => "care.card.until" {when},
        CardWarningsTitle => "care.card.warnings_title",
        CardNext => "care.card.next" {when},
        CardScan => "care.card.scan",
        LinkAsk => "care.link.ask" {area, when},
        LinkPlan => "care.link.plan" {days, n},
        LinkAdd => "care.link.add",
        LinkNotNow => "care.link.not_now",
        LinkAlready => "care.link.already",
        LinkOpen => "care.link.open",
        LinkUpdate => "care.link.update",
        LinkDamaged => "care.link.damaged",
        LinkFuture => "care.link.future",
        LinkTooOld => "care.link.too_old",
    }
}
