//! Logs to `logs/complaint-desk.YYYY-MM-DD.log` in the data directory, a file a day,
//! the last 30 kept. Level from `COMPLAINT_DESK_LOG` (e.g. `debug`), `info` by default.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;

/// Keep the guard alive for the life of the app: dropping it flushes the log.
pub fn init(data_dir: &Path) -> Option<WorkerGuard> {
    let dir = data_dir.join(desk_ledger::about::LOGS_DIR);
    std::fs::create_dir_all(&dir).ok()?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("complaint-desk")
        .filename_suffix("log")
        .max_log_files(30)
        .build(dir)
        .ok()?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter =
        EnvFilter::try_from_env("COMPLAINT_DESK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .ok()?;
    Some(guard)
}
