//! The clinic's configuration, as every page reads it.

use crate::browser::locale_loader::ClinicFileCheck;
use crate::core::aftercare::Step;
use crate::core::clinic::{Action, Clinic};
use crate::core::plan::Plan;
use crate::core::screening::Question;
use leptos::prelude::*;
use std::ops::Deref;
use std::sync::Arc;

/// The clinic's configuration as the screens use it, built once at start:
/// its protocol, questions, plan and contact links computed here rather
/// than at every read. Provided as context by the app (or a native
/// render); it never changes while the page lives.
#[derive(Debug)]
pub struct ClinicSetup {
    clinic: Clinic,
    /// What was found of the clinic's file (for the desk).
    pub file_check: ClinicFileCheck,
    /// The aftercare protocol: the default one, lengthened and added to.
    pub protocol: Vec<Step>,
    /// The self-check's questions: the default ones and the clinic's.
    pub questions: Vec<Question>,
    /// The treatment plan.
    pub plan: Plan,
    /// The ways to reach the clinic, each with its link.
    pub actions: Vec<(Action, String)>,
}

impl ClinicSetup {
    pub fn new(clinic: Clinic, file_check: ClinicFileCheck) -> Arc<Self> {
        Arc::new(ClinicSetup {
            protocol: clinic.protocol(),
            questions: clinic.questions(),
            plan: clinic.plan(),
            actions: clinic.actions(),
            clinic,
            file_check,
        })
    }
}

impl Default for ClinicSetup {
    /// No clinic.json: the defaults.
    fn default() -> Self {
        let clinic = Clinic::default();
        ClinicSetup {
            protocol: clinic.protocol(),
            questions: clinic.questions(),
            plan: clinic.plan(),
            actions: clinic.actions(),
            clinic,
            file_check: ClinicFileCheck::Missing,
        }
    }
}

impl Deref for ClinicSetup {
    type Target = Clinic;
    fn deref(&self) -> &Clinic {
        &self.clinic
    }
}

/// The clinic's setup provided by [`crate::ui::app::App`].
pub fn use_clinic() -> Arc<ClinicSetup> {
    expect_context::<Arc<ClinicSetup>>()
}
