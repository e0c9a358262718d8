//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use desk_ledger::Lang;

#[derive(Parser, Debug)]
#[command(
    name = "complaint-desk",
    version,
    disable_version_flag = true,
    about = "Complaint Desk (客诉台账): the complaint and request ledger of a property-management office",
    after_help = "Without a command, complaint-desk opens the desktop window on the data directory."
)]
pub struct Cli {
    /// Data directory (default: COMPLAINT_DESK_DATA_DIR when set, else the user's data
    /// directory; an empty variable counts as unset, as in the app)
    #[arg(long, global = true)]
    pub data_dir: Option<PathBuf>,
    /// Acting staff member (code or name); every change needs one
    #[arg(long = "as", global = true, env = "COMPLAINT_DESK_AS")]
    pub as_staff: Option<String>,
    /// The acting staff member's PIN, when they have one
    #[arg(
        long,
        global = true,
        env = "COMPLAINT_DESK_PIN",
        hide_env_values = true
    )]
    pub pin: Option<String>,
    /// Machine-readable output
    #[arg(long, global = true)]
    pub json: bool,
    /// Print the version (and the ledger schema it writes)
    #[arg(short = 'V', long)]
    pub version: bool,
    /// Language of messages: zh-CN, zh-TW or en
    #[arg(long, global = true, env = "COMPLAINT_DESK_LANG")]
    pub lang: Option<String>,
    /// None: the desktop window (see [`crate::start_of`]).
    #[command(subcommand)]
    pub cmd: Option<Cmd>,
}

impl Cli {
    pub fn lang(&self) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or_default()
    }
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Set up a new office: its name and the first staff member (an administrator)
    Init {
        #[arg(long)]
        office: String,
        #[arg(long, default_value = "")]
        company: String,
        #[arg(long)]
        staff_code: String,
        #[arg(long)]
        staff_name: String,
    },
    /// Register a complaint or request
    Register(Box<RegisterArgs>),
    /// List cases with filters
    List(ListArgs),
    /// Show a case with its slips, records, callbacks, deadlines and history
    Show { number: String },
    /// Correct fields of a case (the reason is kept in history)
    Edit(Box<EditArgs>),
    /// Change the level of a complaint (supervisor)
    SetLevel {
        number: String,
        level: String,
        #[arg(long)]
        reason: String,
    },
    /// Issue a transfer slip to a department or outside party
    Transfer {
        number: String,
        #[arg(long)]
        to: String,
        #[arg(long, default_value = "")]
        to_person: String,
        #[arg(long)]
        summary: String,
        #[arg(long, default_value = "")]
        requirement: String,
        #[arg(long)]
        at: Option<String>,
    },
    /// Record the receiver's signature on a slip
    Sign {
        slip: String,
        #[arg(long)]
        signed_by: String,
        #[arg(long)]
        at: Option<String>,
    },
    /// Record the receiver's feedback on a signed slip
    Feedback {
        slip: String,
        #[arg(long)]
        text: String,
        #[arg(long)]
        at: Option<String>,
    },
    /// Record processing (what was done and its result)
    Record {
        number: String,
        #[arg(long)]
        action: String,
        #[arg(long, default_value = "")]
        result: String,
        #[arg(long)]
        at: Option<String>,
    },
    /// Pause a case (its working-hour clock stops)
    Pause {
        number: String,
        #[arg(long)]
        reason: String,
    },
    /// Resume a paused case
    Resume {
        number: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Handling finished: record the result; the case awaits its callback
    Finish {
        number: String,
        #[arg(long)]
        result: String,
    },
    /// Record a callback to the customer
    Callback {
        number: String,
        #[arg(long, default_value = "reached")]
        outcome: String,
        #[arg(long)]
        satisfaction: Option<String>,
        #[arg(long, default_value = "phone")]
        method: String,
        #[arg(long, default_value = "")]
        person: String,
        #[arg(long, default_value = "")]
        relation: String,
        #[arg(long, default_value = "")]
        comments: String,
        #[arg(long)]
        at: Option<String>,
    },
    /// Close a case
    Close {
        number: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Void a case registered in error (it keeps its number)
    Void {
        number: String,
        #[arg(long)]
        reason: String,
    },
    /// The whole history of a case
    History { number: String },
    /// Attach photos or scans to a case (copied into the data directory, all or none)
    Attach {
        number: String,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Withdraw an attachment added by mistake (kept, no longer shown)
    WithdrawAttachment {
        /// The attachment's id (as `show --json` lists it)
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Deadlines falling due or overdue
    Due {
        /// Horizon in working time, e.g. 4h, 90m, 2d
        #[arg(long, default_value = "4h")]
        within: String,
        #[arg(long)]
        overdue: bool,
        #[arg(long)]
        department: Option<String>,
        #[arg(long)]
        staff: Option<String>,
    },
    /// On time / late per step, department and staff member for a month
    Timeliness { month: String },
    /// Escalate overdue general complaints to major (safe to repeat)
    Escalate,
    /// The working calendar
    #[command(subcommand)]
    Calendar(CalendarCmd),
    /// Staff members
    #[command(subcommand)]
    Staff(StaffCmd),
    /// Departments and outside parties
    #[command(subcommand)]
    Dept(CodeCmd),
    /// Categories (first and second level)
    #[command(subcommand)]
    Category(CodeCmd),
    /// Channels
    #[command(subcommand)]
    Channel(CodeCmd),
    /// The unit directory
    #[command(subcommand)]
    Unit(UnitCmd),
    /// Office settings
    #[command(subcommand)]
    Settings(SettingsCmd),
    /// Month-end workbooks (.xlsx) and CSV of the ledger
    #[command(subcommand)]
    Export(ExportCmd),
    /// Merge several offices' monthly workbooks into one company summary
    Consolidate {
        /// Workbooks exported by `export month` (anonymized or not)
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Bring data in from spreadsheets
    #[command(subcommand)]
    Import(ImportCmd),
    /// Print a form (PDF): registration, slip, callback, major_report, notice, slips
    Print(PrintArgs),
    /// Backups of the ledger: make one now, list, verify
    Backup(BackupArgs),
    /// Put a verified backup in place of the ledger (the current file is kept aside).
    /// Close the app first.
    Restore { file: PathBuf },
    /// The access log (查阅记录): who viewed, searched, printed, exported, backed up (supervisor)
    AccessLog(AccessLogArgs),
    /// The major-complaint report (重大投诉报告) of a major complaint
    #[command(subcommand)]
    Major(MajorCmd),
    /// The version, the data folder, the ledger file, backups, logs and the form font
    About,
    /// Fill the data directory with realistic sample data
    Demo {
        #[arg(long, default_value_t = 200)]
        cases: usize,
        #[arg(long, default_value_t = 3)]
        months: u32,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
}

#[derive(Args, Debug, Default)]
pub struct RegisterArgs {
    #[arg(long, default_value = "complaint")]
    pub kind: String,
    #[arg(long)]
    pub received_at: Option<String>,
    #[arg(long, default_value = "phone")]
    pub channel: String,
    #[arg(long, default_value = "")]
    pub name: String,
    #[arg(long, default_value = "")]
    pub phone: String,
    #[arg(long)]
    pub relation: Option<String>,
    #[arg(long)]
    pub anonymous: bool,
    #[arg(long, default_value = "")]
    pub building: String,
    #[arg(long, default_value = "")]
    pub unit: String,
    #[arg(long, default_value = "")]
    pub room: String,
    #[arg(long, default_value = "")]
    pub public_area: String,
    #[arg(long)]
    pub content: String,
    #[arg(long, default_value = "")]
    pub demand: String,
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long)]
    pub validity: Option<String>,
    #[arg(long)]
    pub level: Option<String>,
    #[arg(long, default_value = "")]
    pub amount: String,
    #[arg(long)]
    pub media: bool,
    #[arg(long)]
    pub lawsuit: bool,
    #[arg(long)]
    pub group_action: bool,
    #[arg(long)]
    pub repair_size: Option<String>,
    #[arg(long)]
    pub complex: bool,
    #[arg(long)]
    pub department: Option<String>,
    #[arg(long, default_value = "")]
    pub handler: String,
    /// A photo or scan that came with the complaint (repeat for several)
    #[arg(long = "attach", value_name = "FILE")]
    pub attach: Vec<String>,
}

#[derive(Args, Debug, Default)]
pub struct EditArgs {
    pub number: String,
    #[arg(long)]
    pub reason: String,
    #[arg(long)]
    pub content: Option<String>,
    #[arg(long)]
    pub demand: Option<String>,
    #[arg(long)]
    pub name: Option<String>,
    /// true: the customer asked not to be named; false: named again (give --name)
    #[arg(long)]
    pub anonymous: Option<bool>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long)]
    pub validity: Option<String>,
    #[arg(long)]
    pub department: Option<String>,
    #[arg(long)]
    pub handler: Option<String>,
    #[arg(long)]
    pub amount: Option<String>,
    #[arg(long)]
    pub media: Option<bool>,
    #[arg(long)]
    pub lawsuit: Option<bool>,
    #[arg(long)]
    pub group_action: Option<bool>,
    #[arg(long)]
    pub repair_size: Option<String>,
    #[arg(long)]
    pub complex: Option<bool>,
    #[arg(long)]
    pub received_at: Option<String>,
}

#[derive(Args, Debug, Default)]
pub struct ListArgs {
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long)]
    pub level: Option<String>,
    #[arg(long)]
    pub month: Option<String>,
    #[arg(long)]
    pub department: Option<String>,
    /// Free text: number, name, phone, location or content (Chinese substrings work)
    #[arg(long)]
    pub text: Option<String>,
    #[arg(long)]
    pub overdue: bool,
    /// Only cases received on this day (2026-11-23)
    #[arg(long)]
    pub day: Option<String>,
    /// Only cases not yet closed or voided
    #[arg(long)]
    pub open: bool,
    /// Only cases with a transfer slip awaiting signature
    #[arg(long)]
    pub unsigned: bool,
    /// Only cases awaiting a callback not yet made (or the last one left them dissatisfied)
    #[arg(long, conflicts_with = "to_close")]
    pub to_call: bool,
    /// Only cases called back with the result confirmed, left to close
    #[arg(long)]
    pub to_close: bool,
    #[arg(long)]
    pub sort: Option<String>,
    #[arg(long)]
    pub asc: bool,
    #[arg(long, default_value_t = 0)]
    pub page: usize,
    #[arg(long, default_value_t = 50)]
    pub page_size: usize,
}

#[derive(Subcommand, Debug)]
pub enum CalendarCmd {
    /// Holidays, make-up days and office hours of a year
    Show { year: i32 },
    /// Import holidays and make-up days from an .ics file
    Import { file: PathBuf },
    /// Set office hours, e.g. --days 1-5 "08:30-12:00,13:30-17:30" (empty = day off)
    SetHours {
        #[arg(long, default_value = "1-5")]
        days: String,
        periods: String,
    },
    /// Mark a date as a holiday (the office is closed; deadlines skip it)
    AddHoliday {
        date: String,
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Mark a weekend date as a make-up working day (调休)
    AddWorkday {
        date: String,
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Make a date an ordinary day again
    RemoveDay { date: String },
    /// Confirm that a year's holidays and make-up days are all entered by hand (the
    /// year then counts as covered, as an imported one does)
    ConfirmYear { year: i32 },
    /// Change a deadline step, e.g. verify 4 working_hours
    SetDeadline {
        step: String,
        amount: i64,
        unit: String,
    },
    /// List the deadline steps in force
    Deadlines,
}

#[derive(Subcommand, Debug)]
pub enum StaffCmd {
    List {
        #[arg(long)]
        all: bool,
    },
    Add {
        code: String,
        name: String,
        #[arg(long, default_value = "clerk")]
        role: String,
    },
    /// Set, change or clear a PIN (your own with --current; anyone's as administrator)
    Pin {
        code: String,
        /// The new PIN (4–12 digits)
        #[arg(long, conflicts_with = "clear")]
        new: Option<String>,
        /// Remove the PIN
        #[arg(long)]
        clear: bool,
        /// Your current PIN, when changing your own
        #[arg(long)]
        current: Option<String>,
    },
    Update {
        code: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        active: Option<bool>,
    },
    /// Who added, renamed, retired or restored this staff member, and when
    History { code: String },
}

#[derive(Subcommand, Debug)]
pub enum CodeCmd {
    List {
        #[arg(long)]
        all: bool,
    },
    Add {
        code: String,
        name: String,
        /// Categories: complaint or request
        #[arg(long, default_value = "complaint")]
        kind: String,
        /// Categories: the first-level code this item belongs under
        #[arg(long)]
        parent: Option<String>,
        /// Departments: an outside party
        #[arg(long)]
        external: bool,
    },
    Disable {
        code: String,
    },
    Enable {
        code: String,
    },
    /// Give it a new name (its cases show the new name)
    Rename {
        code: String,
        name: String,
    },
    /// Who added, renamed, retired or restored it, and when
    History {
        code: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum UnitCmd {
    List {
        #[arg(default_value = "")]
        query: String,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Add a unit, or update the one at the same building/unit/room
    Add {
        building: String,
        room: String,
        #[arg(long, default_value = "")]
        unit: String,
        #[arg(long, default_value = "")]
        owner: String,
        #[arg(long, default_value = "")]
        phones: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum SettingsCmd {
    /// The office's settings (name, company, language, targets, …)
    Show,
    /// Change one setting, e.g. set language zh-TW
    Set { key: String, value: String },
}

#[derive(Subcommand, Debug)]
pub enum ExportCmd {
    /// The monthly summary workbook (月度投诉记录汇总表) of one month
    Month {
        /// 2026-11
        month: String,
        #[arg(short, long)]
        output: PathBuf,
        /// No names or phones, locations to the building: for copies that leave the office
        #[arg(long)]
        anonymized: bool,
    },
    /// The summary of several months with a month-by-month trend
    Range {
        /// First month, 2026-07
        from: String,
        /// Last month, 2026-12
        to: String,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        anonymized: bool,
    },
    /// The ledger of a month or range as CSV (formulas neutralized)
    Csv {
        /// First month, 2026-07
        from: String,
        /// Last month (default: the first)
        to: Option<String>,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        anonymized: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ImportCmd {
    /// The unit directory from .xlsx, .xls or .csv (header row matched to the fields)
    Units {
        file: PathBuf,
        /// Columns by hand when the headers do not say: building=1,room=3 (1 = first column)
        #[arg(long)]
        map: Option<String>,
        /// Check and show what would be imported, write nothing
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Args, Debug)]
pub struct PrintArgs {
    /// registration, slip, callback, major_report, notice, or slips (all of a day)
    pub form: String,
    /// The case or slip number; the month (2026-11) for a notice
    pub subject: Option<String>,
    /// The day whose slips to print, with `slips`: 2026-11-22
    #[arg(long)]
    pub date: Option<String>,
    /// Save the PDF here instead of sending it to the printer
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The printer (default: the system's default printer)
    #[arg(long)]
    pub printer: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum MajorCmd {
    /// Write or correct the report; --submit sends it for approval
    Save {
        number: String,
        #[arg(long, default_value = "")]
        cause: String,
        #[arg(long, default_value = "")]
        process: String,
        #[arg(long, default_value = "")]
        lessons: String,
        #[arg(long, default_value = "")]
        measures: String,
        #[arg(long)]
        submit: bool,
    },
    /// Approve a submitted report (a supervisor)
    Approve { number: String },
    /// Show the report
    Show { number: String },
}

#[derive(Args, Debug)]
pub struct BackupArgs {
    #[command(subcommand)]
    pub cmd: Option<BackupCmd>,
    /// Where to put the copy (e.g. a USB stick); default: the data directory's backups/
    #[arg(long)]
    pub to: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum BackupCmd {
    /// The backups in a folder (default: the data directory's backups/), newest first
    List {
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Open a backup and check it: integrity and what it holds
    Verify { file: PathBuf },
    /// Check the ledger itself for damage (SQLite's quick check), as the app does at
    /// start-up; a damaged ledger names the newest good backup
    Check,
}

#[derive(Args, Debug)]
pub struct AccessLogArgs {
    /// First day, 2026-11-01
    #[arg(long)]
    pub from: Option<String>,
    /// Last day, 2026-11-30
    #[arg(long)]
    pub to: Option<String>,
    /// Only this staff member (code or name)
    #[arg(long)]
    pub staff: Option<String>,
    /// Only this action: view_case, search, print_form, save_form, export, backup, restore, sign_in, …
    #[arg(long)]
    pub action: Option<String>,
    /// How many of the newest entries to show
    #[arg(long, default_value_t = 200)]
    pub limit: usize,
    /// Write every selected entry to this CSV file instead
    #[arg(long)]
    pub csv: Option<PathBuf>,
}
