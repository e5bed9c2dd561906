//! The Wirecheck desktop app: a Tauri shell over `wirecheck-core`.
//!
//! Commands live in `commands/<area>.rs`; each validates its input, makes one call into the
//! core (on a blocking thread when it may take time) and maps the error to [`AppError`]. No SQL
//! and no matching logic live here. The app opens the same archive file as the CLI.

#[cfg(test)]
mod bindings;
mod commands;
mod dto;
mod error;
mod state;
mod watch;

use tauri::{Builder, Manager, Runtime};

pub use error::{AppError, ErrorCode};
pub use state::AppState;

/// Registers the state and every command on a builder (the real app and the tests share it).
pub fn with_commands<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .manage(state)
        .manage(commands::audit::AuditRuns::default())
        .invoke_handler(tauri::generate_handler![
            commands::check::check_article,
            commands::check::html_to_text,
            commands::check::demo_articles,
            commands::compare::compare_texts,
            commands::compare::compare_stored,
            commands::compare::add_compared_story,
            commands::compare::read_dropped_file,
            commands::archive::archive_overview,
            commands::archive::import_paths,
            commands::archive::load_demo,
            commands::archive::search_stories,
            commands::archive::list_stories,
            commands::archive::get_story,
            commands::archive::remove_story,
            commands::archive::prune_plan,
            commands::archive::prune_stories,
            commands::archive::compact_archive,
            commands::review::list_checks,
            commands::review::open_check,
            commands::review::delete_check,
            commands::review::decide,
            commands::review::clear_decision,
            commands::settings::get_settings,
            commands::settings::save_settings,
            commands::export::export_html,
            commands::export::export_json,
            commands::watch::watch_status,
            commands::watch::add_watched_folder,
            commands::watch::remove_watched_folder,
            commands::watch::set_watch_enabled,
            commands::audit::plan_audit,
            commands::audit::start_audit,
            commands::audit::cancel_audit,
            commands::audit::audit_results,
            commands::audit::open_audit_row,
            commands::audit::export_audit,
        ])
}

/// Starts the desktop app.
pub fn run() {
    let state = match AppState::from_env() {
        Ok(state) => state,
        Err(message) => {
            eprintln!("wirecheck-app: {message}");
            std::process::exit(2);
        }
    };
    let builder = Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            // Folders watched when the app last ran are watched again.
            let state = app.state::<AppState>().inner().clone();
            watch::resume(app.handle(), &state);
            Ok(())
        });
    if let Err(error) = with_commands(builder, state).run(tauri::generate_context!()) {
        eprintln!("wirecheck-app: {error}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests;
