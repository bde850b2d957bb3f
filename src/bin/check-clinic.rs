//! Checks a clinic's `clinic.json` before it is published, with the same
//! rules the app applies, and prints every problem.
//!
//! ```sh
//! cargo run --bin check-clinic -- path/to/clinic.json
//! ```
//!
//! Exits with 0 when the file is valid, 1 when it has problems (the app
//! would then use its defaults for those fields), 2 when it cannot be read.

use microcare::core::clinic::{Action, Clinic};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: check-clinic path/to/clinic.json");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: cannot read: {error}");
            return ExitCode::from(2);
        }
    };
    let (clinic, mut problems) = Clinic::parse(&text);
    if let Some(logo) = &clinic.logo {
        let beside = Path::new(&path).with_file_name(logo);
        if !beside.is_file() {
            problems.push(microcare::core::clinic::Problem {
                field: "logo".into(),
                expected: format!("a file {} beside clinic.json", beside.display()),
                found: "no such file".into(),
            });
        }
    }
    if problems.is_empty() {
        println!("{path}: valid");
        println!("{}", summary(&clinic));
        return ExitCode::SUCCESS;
    }
    for problem in &problems {
        println!("{path}: {problem}");
    }
    println!(
        "{} problem(s): the app ignores these fields and uses its defaults for them.",
        problems.len()
    );
    ExitCode::from(1)
}

fn summary(clinic: &Clinic) -> String {
    let langs: Vec<&str> = clinic.offered().iter().map(|l| l.code()).collect();
    let actions: Vec<&str> = clinic
        .actions()
        .iter()
        .map(|(action, _)| match action {
            Action::Book => "booking",
            Action::Call => "phone",
            Action::WhatsApp => "WhatsApp",
            Action::Email => "email",
        })
        .collect();
    let plan = clinic.plan();
    format!(
        "  name: {}\n  languages: {}\n  contact: {}\n  plan: {} sessions, {} days apart\n  aftercare: {} longer, {} added\n  FAQ entries added: {}\n  self-check: {} raised to NOT NOW, {} questions added",
        clinic.name.as_deref().unwrap_or("(MicroCare)"),
        langs.join(", "),
        if actions.is_empty() { "none".to_string() } else { actions.join(", ") },
        plan.sessions,
        plan.interval_days,
        clinic.longer.len(),
        clinic.steps.len(),
        clinic.faq.iter().map(|(_, e)| e.len()).sum::<usize>(),
        clinic.not_now.len(),
        clinic.questions.len(),
    )
}
