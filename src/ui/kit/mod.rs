//! The parts every page uses.

pub mod contact;
pub mod focus;
pub mod layout;
pub mod notices;
pub mod widgets;
