//! The IPC commands. Each one parses, calls the core and returns: no rule lives here.
//! They are `async` so Tauri runs them off the window's thread and a slow query never
//! freezes the screen.

pub mod access;
pub mod attachments;
pub mod backup;
pub mod cases;
pub mod dashboard;
pub mod directory;
pub mod forms;
pub mod reports;
pub mod session;

use tauri::State;

pub type Desk<'a> = State<'a, crate::state::Desk>;
