//! Dispatch: parse → call the core → print.

use std::path::PathBuf;

use desk_ledger::{
    CallbackInput, CaseEdit, CaseFilter, Clock, Lang, Ledger, LedgerError, NewCase, NewUnit,
    TransferInput,
};

use crate::args::{CalendarCmd, Cli, Cmd, CodeCmd, SettingsCmd, StaffCmd, UnitCmd};
use crate::print;
use erased::Show;

pub enum CliError {
    Ledger(LedgerError),
    Report(desk_reports::ReportError),
    Form(desk_forms::FormError),
    /// Bad command-line input the core never sees (missing --as, unreadable file).
    Usage {
        field: &'static str,
        message: String,
    },
}

impl From<LedgerError> for CliError {
    fn from(e: LedgerError) -> Self {
        CliError::Ledger(e)
    }
}

impl From<desk_reports::ReportError> for CliError {
    fn from(e: desk_reports::ReportError) -> Self {
        match e {
            desk_reports::ReportError::Core(e) => CliError::Ledger(e),
            other => CliError::Report(other),
        }
    }
}

impl From<desk_forms::FormError> for CliError {
    fn from(e: desk_forms::FormError) -> Self {
        match e {
            desk_forms::FormError::Ledger(e) => CliError::Ledger(e),
            other => CliError::Form(other),
        }
    }
}

impl CliError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CliError::Ledger(e) => e.localized(lang),
            CliError::Report(e) => e.localized(lang),
            CliError::Form(e) => e.localized(lang),
            CliError::Usage { message, .. } => message.clone(),
        }
    }
    pub fn kind(&self) -> &'static str {
        match self {
            CliError::Ledger(e) => e.kind(),
            CliError::Report(e) if e.is_user_error() => "invalid",
            CliError::Report(_) => "storage",
            CliError::Form(e) => e.kind(),
            CliError::Usage { .. } => "invalid",
        }
    }
    pub fn field(&self) -> Option<&'static str> {
        match self {
            CliError::Ledger(e) => e.field(),
            CliError::Report(_) => Some("file"),
            CliError::Form(_) => None,
            CliError::Usage { field, .. } => Some(field),
        }
    }
    pub fn is_user_error(&self) -> bool {
        match self {
            CliError::Ledger(e) => e.is_user_error(),
            CliError::Report(e) => e.is_user_error(),
            CliError::Form(e) => e.is_user_error(),
            CliError::Usage { .. } => true,
        }
    }
}

type R = Result<(), CliError>;

fn data_dir(given: Option<PathBuf>) -> Result<PathBuf, CliError> {
    desk_ledger::data_dir_from(given).ok_or(CliError::Usage {
        field: "data_dir",
        message: "no home directory; pass --data-dir".into(),
    })
}

/// Parses "4h", "90m", "2d" (working days) into working minutes.
fn span_minutes(s: &str, day_minutes: i64, lang: Lang) -> Result<i64, CliError> {
    let s = s.trim();
    let bad = || CliError::Usage {
        field: "within",
        message: match lang {
            Lang::En => format!("“{s}”: use e.g. 4h, 90m or 2d (working days)"),
            Lang::ZhCn => format!("“{s}”：请写成 4h、90m 或 2d（工作日）"),
            Lang::ZhTw => format!("「{s}」：請寫成 4h、90m 或 2d（工作日）"),
        },
    };
    let (n, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: i64 = n.parse().map_err(|_| bad())?;
    match unit {
        "m" | "min" => Ok(n),
        "h" | "" => Ok(n * 60),
        "d" => Ok(n * day_minutes),
        _ => Err(bad()),
    }
}

fn weekdays(s: &str, lang: Lang) -> Result<Vec<u32>, CliError> {
    let bad = || CliError::Usage {
        field: "days",
        message: match lang {
            Lang::En => format!("“{s}”: use e.g. 1-5 or 6,7 (1 = Monday)"),
            Lang::ZhCn => format!("“{s}”：请写成 1-5 或 6,7（1 为周一）"),
            Lang::ZhTw => format!("「{s}」：請寫成 1-5 或 6,7（1 為週一）"),
        },
    };
    let mut out = Vec::new();
    for part in s.split(',') {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b): (u32, u32) = (
                    a.trim().parse().map_err(|_| bad())?,
                    b.trim().parse().map_err(|_| bad())?,
                );
                out.extend(a..=b);
            }
            None => out.push(part.trim().parse().map_err(|_| bad())?),
        }
    }
    Ok(out)
}

/// The acting staff member from `--as`; every change needs one.
fn staff(given: Option<&str>, lang: Lang) -> Result<String, CliError> {
    given
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .ok_or(CliError::Usage {
            field: "staff",
            message: lang
                .pick(
                    "请用 --as <员工> 指明操作人",
                    "請用 --as <員工> 指明操作人",
                    "name the acting staff member with --as <staff>",
                )
                .into(),
        })
}

pub fn run(cli: Cli, cmd: Cmd) -> R {
    let lang = cli.lang();
    let json = cli.json;
    let dir = data_dir(cli.data_dir.clone())?;
    // Before the ledger is opened: `about` neither creates nor upgrades one.
    if let Cmd::About = cmd {
        crate::about::AboutOut::of(&dir, lang).show(json, lang);
        return Ok(());
    }
    let opened = Ledger::open(&dir);
    // The way back from a damaged ledger: restoring needs no staff member then, since
    // none can be checked against a damaged file (the core's rule, as in the app).
    if let Cmd::Restore { file } = &cmd {
        let damaged = matches!(opened, Err(desk_ledger::LedgerError::Damaged { .. }));
        let set_up = opened
            .as_ref()
            .map_or(true, |l| l.is_initialised().unwrap_or(true));
        // The ledger goes into the match and is closed by its end, before its file is
        // swapped.
        let by = match (
            desk_ledger::backup::restore_requires(damaged, set_up),
            opened,
        ) {
            (None, _) => None,
            (Some(act), opened) => {
                let mut l = opened?;
                let by = staff(cli.as_staff.as_deref(), lang)?;
                l.authenticate(&by, cli.pin.as_deref())?;
                l.require_right(&by, act)?;
                Some(by)
            }
        };
        return crate::backup::restore(by, &dir, file, json);
    }
    let mut l = opened?;
    l.set_clock(Clock::from_env()?);
    // A staff member with a PIN acts only with it; the command line is a sign-in too.
    if let (Some(by), false) = (cli.as_staff.as_deref(), matches!(cmd, Cmd::Init { .. })) {
        l.authenticate(by, cli.pin.as_deref())?;
    }
    let who = || staff(cli.as_staff.as_deref(), lang);
    let out = |v: &dyn erased::Show| v.show(json, lang);
    match cmd {
        Cmd::Init {
            office,
            company,
            staff_code,
            staff_name,
        } => out(&l.init_in(lang, &company, &office, &staff_code, &staff_name)?),
        Cmd::Register(a) => {
            let input = NewCase {
                kind: a.kind,
                received_at: a.received_at,
                channel: a.channel,
                complainant_name: a.name,
                phones: a.phone,
                relation: a.relation,
                anonymous: a.anonymous,
                building: a.building,
                unit: a.unit,
                room: a.room,
                public_area: a.public_area,
                content: a.content,
                demand: a.demand,
                category: a.category,
                validity: a.validity,
                judgement: String::new(),
                level: a.level,
                amount: a.amount,
                media: a.media,
                lawsuit: a.lawsuit,
                group_action: a.group_action,
                repair_size: a.repair_size,
                complex: a.complex,
                department: a.department,
                handler: a.handler,
                attachments: a.attach,
            };
            out(&l.register(&who()?, &input)?)
        }
        Cmd::List(a) => {
            let f = CaseFilter {
                kind: a.kind,
                status: a.status,
                category: a.category,
                level: a.level,
                month: a.month,
                department: a.department,
                text: a.text,
                overdue: a.overdue,
                day: a.day,
                open: a.open,
                awaiting_signature: a.unsigned,
                called_back: (a.to_call || a.to_close).then_some(a.to_close),
                sort: a.sort,
                descending: Some(!a.asc),
                page: a.page,
                page_size: a.page_size,
            };
            out(&l.search_cases(cli.as_staff.as_deref(), &f)?)
        }
        Cmd::Show { number } => {
            let mut file = l.view_case(cli.as_staff.as_deref(), &number)?;
            l.history_words(lang)?.word_file(&mut file);
            let deadlines = l.deadlines(&number, lang)?;
            out(&print::Detail { file, deadlines })
        }
        Cmd::Edit(a) => {
            let e = CaseEdit {
                content: a.content,
                demand: a.demand,
                complainant_name: a.name,
                anonymous: a.anonymous,
                phones: a.phone,
                category: a.category,
                validity: a.validity,
                department: a.department,
                handler: a.handler,
                amount: a.amount,
                media: a.media,
                lawsuit: a.lawsuit,
                group_action: a.group_action,
                repair_size: a.repair_size,
                complex: a.complex,
                received_at: a.received_at,
                ..Default::default()
            };
            out(&l.edit(&who()?, &a.number, &e, &a.reason)?)
        }
        Cmd::SetLevel {
            number,
            level,
            reason,
        } => out(&l.set_level(&who()?, &number, &level, &reason)?),
        Cmd::Transfer {
            number,
            to,
            to_person,
            summary,
            requirement,
            at,
        } => {
            let t = TransferInput {
                to_department: to,
                to_person,
                from_department: None,
                summary,
                requirement,
                transferred_at: at,
            };
            out(&l.transfer(&who()?, &number, &t)?)
        }
        Cmd::Sign {
            slip,
            signed_by,
            at,
        } => out(&l.sign(&who()?, &slip, &signed_by, at.as_deref())?),
        Cmd::Feedback { slip, text, at } => {
            out(&l.slip_feedback(&who()?, &slip, &text, at.as_deref())?)
        }
        Cmd::Record {
            number,
            action,
            result,
            at,
        } => out(&l.record(&who()?, &number, &action, &result, at.as_deref())?),
        Cmd::Pause { number, reason } => out(&l.pause(&who()?, &number, &reason)?),
        Cmd::Resume { number, note } => out(&l.resume(&who()?, &number, &note)?),
        Cmd::Finish { number, result } => out(&l.finish(&who()?, &number, &result)?),
        Cmd::Callback {
            number,
            outcome,
            satisfaction,
            method,
            person,
            relation,
            comments,
            at,
        } => {
            let c = CallbackInput {
                at,
                method,
                person_reached: person,
                relation,
                outcome,
                satisfaction,
                comments,
            };
            out(&l.callback(&who()?, &number, &c)?.1)
        }
        Cmd::Close { number, note } => out(&l.close(&who()?, &number, &note)?),
        Cmd::Void { number, reason } => out(&l.void(&who()?, &number, &reason)?),
        Cmd::History { number } => out(&l.history_in(&number, lang)?),
        Cmd::Attach {
            number,
            files,
            note,
        } => out(&l.attach_all(&who()?, &number, &files, &note)?),
        Cmd::WithdrawAttachment { id, reason } => {
            out(&l.withdraw_attachment(&who()?, id, &reason)?)
        }
        Cmd::Due {
            within,
            overdue,
            department,
            staff,
        } => {
            let day = l.calendar()?.calendar.hours().standard_day_minutes();
            let mins = span_minutes(&within, day, lang)?;
            let items = l.due_list(
                mins,
                overdue,
                department.as_deref(),
                staff.as_deref(),
                lang,
                desk_ledger::DUE_LIST_MAX,
            )?;
            let counts = l.due_counts(mins)?;
            out(&print::DueView { counts, items })
        }
        Cmd::Timeliness { month } => {
            let (start, end) = desk_ledger::validate::month_range("month", &month)?;
            out(&l.timeliness(&start.to_string(), &end.to_string())?)
        }
        Cmd::Escalate => out(&l.escalate()?),
        Cmd::Calendar(c) => calendar(&mut l, c, &who, json, lang)?,
        Cmd::Staff(c) => match c {
            StaffCmd::List { all } => out(&l.staff(all)?),
            StaffCmd::Add { code, name, role } => {
                out(&l.add_staff(&who()?, &code, &name, &role)?)
            }
            StaffCmd::Pin {
                code,
                new,
                clear,
                current,
            } => {
                let new = if clear {
                    None
                } else {
                    new.or(Some(String::new()))
                };
                out(&l.set_pin(&who()?, &code, current.as_deref(), new.as_deref())?)
            }
            StaffCmd::Update {
                code,
                name,
                role,
                active,
            } => out(&l.update_staff(&who()?, &code, name.as_deref(), role.as_deref(), active)?),
            StaffCmd::History { code } => out(&l.list_history_in("staff", &code, lang)?),
        },
        Cmd::Dept(c) => match c {
            CodeCmd::List { all } => out(&l.departments(all)?),
            CodeCmd::Add {
                code,
                name,
                external,
                ..
            } => out(&l.add_department(&who()?, &code, &name, external)?),
            CodeCmd::Disable { code } => out(&l.set_active(&who()?, "department", &code, false)?),
            CodeCmd::Enable { code } => out(&l.set_active(&who()?, "department", &code, true)?),
            CodeCmd::Rename { code, name } => {
                out(&l.rename(&who()?, "department", &code, &name)?)
            }
            CodeCmd::History { code } => out(&l.list_history_in("department", &code, lang)?),
        },
        Cmd::Category(c) => match c {
            CodeCmd::List { all } => out(&l.categories(all)?),
            CodeCmd::Add {
                code,
                name,
                kind,
                parent,
                ..
            } => out(&l.add_category(&who()?, &code, &name, &kind, parent.as_deref())?),
            CodeCmd::Disable { code } => out(&l.set_active(&who()?, "category", &code, false)?),
            CodeCmd::Enable { code } => out(&l.set_active(&who()?, "category", &code, true)?),
            CodeCmd::Rename { code, name } => out(&l.rename(&who()?, "category", &code, &name)?),
            CodeCmd::History { code } => out(&l.list_history_in("category", &code, lang)?),
        },
        Cmd::Channel(c) => match c {
            CodeCmd::List { all } => out(&l.channels(all)?),
            CodeCmd::Add { code, name, .. } => out(&l.add_channel(&who()?, &code, &name)?),
            CodeCmd::Disable { code } => out(&l.set_active(&who()?, "channel", &code, false)?),
            CodeCmd::Enable { code } => out(&l.set_active(&who()?, "channel", &code, true)?),
            CodeCmd::Rename { code, name } => out(&l.rename(&who()?, "channel", &code, &name)?),
            CodeCmd::History { code } => out(&l.list_history_in("channel", &code, lang)?),
        },
        Cmd::Unit(c) => match c {
            UnitCmd::List { query, limit } => out(&l.units(&query, limit)?),
            UnitCmd::Add {
                building,
                room,
                unit,
                owner,
                phones,
            } => {
                let u = NewUnit {
                    building,
                    unit,
                    room,
                    owner_name: owner,
                    phones,
                    status: String::new(),
                };
                out(&l.upsert_unit(&who()?, &u)?.0)
            }
        },
        Cmd::Settings(c) => match c {
            SettingsCmd::Show => out(&l.settings()?),
            SettingsCmd::Set { key, value } => out(&l.set_setting(&who()?, &key, &value)?),
        },
        Cmd::Export(c) => crate::reports::export(&mut l, cli.as_staff.as_deref(), c, lang, json)?,
        Cmd::AccessLog(a) => crate::reports::access_log(&mut l, &who()?, a, lang, json)?,
        Cmd::Consolidate { files, output } => {
            crate::reports::consolidate(&files, &output, lang, json)?
        }
        Cmd::Import(c) => crate::reports::import(&mut l, &who()?, c, lang, json)?,
        Cmd::Backup(a) => {
            // Only making a copy is an action of someone; listing and verifying are not.
            let by = if a.cmd.is_none() { Some(who()?) } else { None };
            crate::backup::backup(&mut l, &dir, by.as_deref(), a, json)?
        }
        Cmd::Restore { .. } | Cmd::About => unreachable!("handled before the ledger is used"),
        Cmd::Print(a) => crate::forms::print(&mut l, &who()?, a, lang, json)?,
        Cmd::Major(c) => crate::forms::major(&mut l, &who()?, c, lang, json)?,
        Cmd::Demo {
            cases,
            months,
            seed,
        } => {
            let opts = desk_ledger::DemoOptions {
                cases,
                months,
                seed,
            };
            out(&l.demo(&opts)?)
        }
    }
    Ok(())
}

fn calendar(
    l: &mut Ledger,
    c: CalendarCmd,
    who: &dyn Fn() -> Result<String, CliError>,
    json: bool,
    lang: Lang,
) -> R {
    use erased::Show;
    match c {
        CalendarCmd::Show { year } => l.calendar_year(year)?.show(json, lang),
        CalendarCmd::Import { file } => l.import_ics_file(&who()?, &file)?.show(json, lang),
        CalendarCmd::SetHours { days, periods } => {
            let h = l.set_office_hours(&who()?, &weekdays(&days, lang)?, &periods)?;
            h.show(json, lang)
        }
        CalendarCmd::AddHoliday { date, name } => l
            .set_calendar_day(&who()?, &date, "holiday", &name)?
            .show(json, lang),
        CalendarCmd::AddWorkday { date, name } => l
            .set_calendar_day(&who()?, &date, "workday", &name)?
            .show(json, lang),
        CalendarCmd::RemoveDay { date } => l
            .set_calendar_day(&who()?, &date, "normal", "")?
            .show(json, lang),
        CalendarCmd::ConfirmYear { year } => {
            l.confirm_calendar_year(&who()?, year)?.show(json, lang)
        }
        CalendarCmd::SetDeadline { step, amount, unit } => {
            let p = l.set_deadline_rule(&who()?, &step, amount, &unit)?;
            p.show(json, lang)
        }
        CalendarCmd::Deadlines => l.deadline_policy()?.show(json, lang),
    }
    Ok(())
}

/// Printing either as JSON or for people, for any value the commands return.
pub mod erased {
    use desk_ledger::Lang;

    pub trait Show {
        fn show(&self, json: bool, lang: Lang);
    }

    impl<T: serde::Serialize + crate::print::Human> Show for T {
        fn show(&self, json: bool, lang: Lang) {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(self).unwrap_or_else(|_| "null".into())
                );
            } else {
                self.human(lang);
            }
        }
    }
}
