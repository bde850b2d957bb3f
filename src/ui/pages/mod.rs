//! One module per page, as the route names it (`core::route`).

pub mod aftercare;
pub mod desk;
pub mod faq;
pub mod home;
pub mod not_found;
pub mod photos;
pub mod privacy;
pub mod screening;
pub mod session_link;
