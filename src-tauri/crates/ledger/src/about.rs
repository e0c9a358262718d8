//! What this program is and where it keeps things: the version every surface shows (the
//! app's 关于, `complaint-desk about`, the PDFs' and workbooks' properties) and the
//! folders an office's IT helper is asked about.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::db::{db_path, stored_schema, SCHEMA_VERSION};

/// The product's version: the workspace's, one number for the app, the CLI, the
/// packages and the installer.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The product's name as printed in documents' properties.
pub const PRODUCT: &str = "Complaint Desk";

/// The log folder inside the data directory (a file a day).
pub const LOGS_DIR: &str = "logs";

/// "Complaint Desk 1.0.0": the creator named in every PDF and workbook.
pub fn made_by() -> String {
    format!("{PRODUCT} {VERSION}")
}

/// The program's version and the folders of one data directory.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct About {
    pub version: String,
    /// The ledger schema this program writes.
    pub schema: i64,
    /// The schema of the ledger file in the data directory as it is now, read without
    /// opening it for writing; None when there is no ledger there yet or it cannot be
    /// read (a damaged file says so when it is opened).
    pub ledger_schema: Option<i64>,
    pub data_dir: String,
    pub ledger_file: String,
    pub logs_dir: String,
    pub backups_dir: String,
}

impl About {
    /// Reads nothing but the file's schema number: `about` works on a damaged ledger,
    /// one from a newer version, or an empty data directory, and changes none of them.
    pub fn of(data_dir: &Path) -> About {
        let file = db_path(data_dir);
        let ledger_schema = stored_schema(data_dir);
        let shown = |p: PathBuf| p.display().to_string();
        About {
            version: VERSION.into(),
            schema: SCHEMA_VERSION,
            ledger_schema,
            data_dir: shown(data_dir.to_path_buf()),
            ledger_file: shown(file),
            logs_dir: shown(data_dir.join(LOGS_DIR)),
            backups_dir: shown(crate::backup::backup_dir(data_dir)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_data_directory_has_no_ledger_schema_and_is_left_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        let about = About::of(dir.path());
        assert_eq!(about.version, env!("CARGO_PKG_VERSION"));
        assert_eq!(about.ledger_schema, None);
        assert_eq!(about.schema, SCHEMA_VERSION);
        assert!(about.logs_dir.ends_with("logs"));
        assert_eq!(std::fs::read_dir(dir.path()).expect("read").count(), 0);
    }

    #[test]
    fn an_opened_ledger_reports_its_schema() {
        let dir = tempfile::tempdir().expect("temp dir");
        drop(crate::Ledger::open(dir.path()).expect("open"));
        assert_eq!(About::of(dir.path()).ledger_schema, Some(SCHEMA_VERSION));
        assert!(made_by().starts_with("Complaint Desk ") && made_by().ends_with(VERSION));
    }
}
