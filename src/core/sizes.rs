//! Sizes of files and stored data: how a size is written for a person
//! ("about 3.4 MB" in English, "3,4 MB" in Portuguese and Spanish), and
//! which large files are worth reading as a backup at all.
//!
//! A backup with photos may be up to [`MAX_PHOTO_BACKUP_BYTES`], one
//! without up to [`MAX_BACKUP_BYTES`] (see `core::schema`). `Backup::parse`
//! can only tell the two apart once the whole file is parsed, and parsing
//! costs memory far beyond a file's bytes when it holds many small values:
//! 60 MB of `[1,1,1,…]` would be some 30 million values, more memory than a
//! phone gives a tab. So a file over 1 MB is read only if it starts as our
//! backups do ([`starts_like_backup`], checked on its first bytes before the
//! file is read) and holds few values for its size ([`may_parse`]): the bulk
//! of a real one is its photos' base64 text, long strings of no structure.
//!
//! ```
//! use microcare::core::i18n::Lang;
//! use microcare::core::sizes::format_size;
//! assert_eq!(format_size(Lang::En, 3_380_000), "3.4\u{a0}MB");
//! assert_eq!(format_size(Lang::PtBr, 3_380_000), "3,4\u{a0}MB");
//! ```

use crate::core::backup::{MAX_BACKUP_BYTES, MAX_PHOTO_BACKUP_BYTES};
use crate::core::i18n::Lang;

/// `bytes` in the largest unit that keeps the number under 1000: KB, MB,
/// GB or TB, counted in thousands as phones and browsers show storage
/// (1 MB = 1,000,000 bytes). One decimal under 10 (from MB up), none from
/// 10; rounded to the nearest, so "about" fits every figure. Kilobytes are
/// whole, and anything above 0 bytes is at least 1 KB. The number and its
/// unit are joined by a no-break space, so they never part at a line end.
pub fn format_size(lang: Lang, bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    let point = match lang {
        Lang::En => '.',
        Lang::PtBr | Lang::Es => ',',
    };
    let rounded = |unit: u64| bytes.saturating_add(unit / 2) / unit;
    let mut unit = 1_000;
    let mut name = UNITS[0];
    for (index, next) in UNITS.into_iter().enumerate() {
        name = next;
        let tenths = rounded(unit / 10);
        if index > 0 && tenths < 100 {
            return format!("{}{point}{}\u{a0}{name}", tenths / 10, tenths % 10);
        }
        if rounded(unit) < 1000 || index + 1 == UNITS.len() {
            break;
        }
        unit *= 1000;
    }
    let whole = if bytes > 0 { rounded(unit).max(1) } else { 0 };
    format!("{whole}\u{a0}{name}")
}

/// Whether a file's first characters are those of a MicroCare backup:
/// `{"app":"microcare"`, with any white space between the tokens (as our
/// export writes it, `app` first, or as an editor may lay it out). Checked
/// on the first bytes of a large file before the file is read, so that a
/// large file picked by mistake (a video, an archive) is refused at once.
pub fn starts_like_backup(head: &str) -> bool {
    let mut rest = head.trim_start();
    for token in ["{", "\"app\"", ":", "\"microcare\""] {
        match rest.strip_prefix(token) {
            Some(after) => rest = after.trim_start(),
            None => return false,
        }
    }
    true
}

/// Most JSON values a backup file over [`MAX_BACKUP_BYTES`] may hold. Ours
/// hold a few thousand: the records (a few kilobytes) and about 15 per photo,
/// at most 500 photos. 200,000 values cost a few megabytes once parsed.
pub const MAX_LARGE_BACKUP_VALUES: usize = 200_000;

/// Whether the text of a picked file may be given to `Backup::parse`: any
/// text up to [`MAX_BACKUP_BYTES`]; a larger one, up to
/// [`MAX_PHOTO_BACKUP_BYTES`], only if it starts like a backup and holds at
/// most [`MAX_LARGE_BACKUP_VALUES`] values. Every value but the first
/// follows a `[`, a `{` or a `,`; counting those (inside strings too, which
/// only counts more) bounds what parsing can allocate.
pub fn may_parse(text: &str) -> bool {
    if text.len() <= MAX_BACKUP_BYTES as usize {
        return true;
    }
    text.len() <= MAX_PHOTO_BACKUP_BYTES as usize
        && starts_like_backup(text)
        && text
            .bytes()
            .filter(|b| matches!(b, b'[' | b'{' | b','))
            .count()
            <= MAX_LARGE_BACKUP_VALUES
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::backup::Backup;

    #[test]
    fn sizes_are_written_in_each_language() {
        let cases: &[(u64, &str, &str, &str)] = &[
            (0, "0 KB", "0 KB", "0 KB"),
            (1, "1 KB", "1 KB", "1 KB"),
            (499, "1 KB", "1 KB", "1 KB"),
            (15_400, "15 KB", "15 KB", "15 KB"),
            (850_000, "850 KB", "850 KB", "850 KB"),
            (999_499, "999 KB", "999 KB", "999 KB"),
            (999_500, "1.0 MB", "1,0 MB", "1,0 MB"),
            (1_249_999, "1.2 MB", "1,2 MB", "1,2 MB"),
            (1_250_000, "1.3 MB", "1,3 MB", "1,3 MB"),
            (3_380_000, "3.4 MB", "3,4 MB", "3,4 MB"),
            (9_949_999, "9.9 MB", "9,9 MB", "9,9 MB"),
            (9_950_000, "10 MB", "10 MB", "10 MB"),
            (64_000_000, "64 MB", "64 MB", "64 MB"),
            (999_499_999, "999 MB", "999 MB", "999 MB"),
            (999_500_000, "1.0 GB", "1,0 GB", "1,0 GB"),
            (120_400_000_000, "120 GB", "120 GB", "120 GB"),
            (1_500_000_000_000, "1.5 TB", "1,5 TB", "1,5 TB"),
            (2_000_000_000_000_000, "2000 TB", "2000 TB", "2000 TB"),
            (u64::MAX, "18446744 TB", "18446744 TB", "18446744 TB"),
        ];
        for (bytes, en, pt, es) in cases {
            for (lang, expected) in [(Lang::En, en), (Lang::PtBr, pt), (Lang::Es, es)] {
                let written = format_size(lang, *bytes);
                assert_eq!(
                    written.replace('\u{a0}', " "),
                    *expected,
                    "{bytes} {lang:?}"
                );
                assert!(!written.contains(' '), "a no-break space: {written:?}");
            }
        }
    }

    #[test]
    fn a_backup_starts_like_one_however_it_is_laid_out() {
        let ours = Backup::new("2026-11-30T10:00:00.000Z".into()).to_json();
        assert!(starts_like_backup(&ours), "{ours}");
        for yes in [
            r#"{"app":"microcare""#,
            "\n  {\n  \"app\" :\t\"microcare\",",
        ] {
            assert!(starts_like_backup(yes), "{yes:?}");
        }
        for no in [
            "",
            "{",
            r#"{"app":"microcar"#,
            r#"{"schema":3,"app":"microcare"}"#,
            r#"{"app":"other"}"#,
            r#"["app","microcare"]"#,
            "\u{FFFD}PNG\r\n",
            "PK\u{3}\u{4}",
        ] {
            assert!(!starts_like_backup(no), "{no:?}");
        }
    }

    #[test]
    fn a_large_file_is_parsed_only_if_it_starts_like_a_backup_and_has_few_values() {
        let small_but_not_ours = "[1,2,3]";
        assert!(may_parse(small_but_not_ours), "Backup::parse answers those");
        let start = r#"{"app":"microcare","schema":3,"exported_at":"x","records":{},"photos":["#;
        let long_strings = format!(r#"{start}"{}"]}}"#, "QUJD".repeat(500_000));
        assert!(long_strings.len() > MAX_BACKUP_BYTES as usize);
        assert!(may_parse(&long_strings));
        // A long string, then `commas` more values.
        let padded = |commas: usize| {
            let long = "A".repeat(MAX_BACKUP_BYTES as usize);
            format!(r#"{start}"{long}",{}1]}}"#, "1,".repeat(commas))
        };
        let structure = |text: &str| text.bytes().filter(|b| b"[{,".contains(b)).count();
        let room = MAX_LARGE_BACKUP_VALUES - structure(&padded(0));
        assert!(may_parse(&padded(room)));
        assert!(!may_parse(&padded(room + 1)));
        let nested = format!("{start}{}]}}", "[[[[[[[[[[]]]]]]]]]],".repeat(100_000));
        assert!(!may_parse(&nested));
        let not_ours = format!(r#"{{"video":"{}"}}"#, "A".repeat(2_000_000));
        assert!(!may_parse(&not_ours));
        let too_long = format!(
            r#"{start}"{}"]}}"#,
            "A".repeat(MAX_PHOTO_BACKUP_BYTES as usize)
        );
        assert!(!may_parse(&too_long));
    }
}
