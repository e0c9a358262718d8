//! Staff, departments, categories, channels, the unit directory and office settings.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::error::{invalid, Problem, Result};
use crate::history::{self, Changes};
use crate::ledger::{actor, set_setting_tx, staff_by_id, staff_row, Actor, Ledger, STAFF_SELECT};
use crate::model::{Category, Channel, Department, Kind, Role, Staff, Unit};
use crate::rights::StaffRights;
use crate::texts::Text;
use crate::validate::{optional, phones, required, required_text, text};
use crate::why::Why;
use desk_calendar::Lang;

/// Settings a clerk may see and a supervisor may change.
pub const SETTING_KEYS: &[&str] = &[
    "company_name",
    "office_name",
    "office_code",
    "hotline",
    // The local area code (0571): a landline typed without it is kept with it.
    "area_code",
    "prefix_complaint",
    "prefix_request",
    "prefix_slip",
    "timezone",
    "language",
    // The printed forms' script: simplified or traditional (empty: follow the language).
    "form_script",
    // Minutes without input before the desk locks its screen (0: never).
    "idle_lock_minutes",
];

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewUnit {
    pub building: String,
    #[serde(default)]
    pub unit: String,
    pub room: String,
    #[serde(default)]
    pub owner_name: String,
    #[serde(default)]
    pub phones: String,
    #[serde(default)]
    pub status: String,
}

#[allow(clippy::too_many_arguments)] // one history row: every column is needed
fn code_of(field: &'static str, s: &str) -> Result<String> {
    let c = required(field, s, 32)?;
    if c.chars().any(char::is_whitespace) {
        return Err(invalid(
            field,
            Problem::NotAllowed { why: Why::NoSpaces },
            c,
        ));
    }
    Ok(c)
}

impl Ledger {
    /// First-run set-up: office name and the first staff member (an administrator).
    pub fn init(
        &mut self,
        company: &str,
        office: &str,
        staff_code: &str,
        staff_name: &str,
    ) -> Result<Staff> {
        self.init_in(Lang::ZhCn, company, office, staff_code, staff_name)
    }

    /// Sets the office up in `lang`: its language for the next start, and for Traditional
    /// Chinese the default channels, departments and categories in Traditional characters.
    pub fn init_in(
        &mut self,
        lang: Lang,
        company: &str,
        office: &str,
        staff_code: &str,
        staff_name: &str,
    ) -> Result<Staff> {
        let company = optional("company_name", company, 100)?;
        let office = required("office_name", office, 100)?;
        let code = code_of("code", staff_code)?;
        let name = required("name", staff_name, 50)?;
        let at = self.now_text();
        self.write(|tx| {
            let existing: i64 = tx.query_row("SELECT count(*) FROM staff", [], |r| r.get(0))?;
            if existing > 0 {
                return Err(invalid(
                    "staff",
                    Problem::NotAllowed {
                        why: Why::AlreadySetUp,
                    },
                    code.clone(),
                ));
            }
            let mut ch = Changes::new();
            ch.diff(
                "company_name",
                set_setting_tx(tx, "company_name", &company)?,
                Some(company.clone()),
            );
            ch.diff(
                "office_name",
                set_setting_tx(tx, "office_name", &office)?,
                Some(office.clone()),
            );
            ch.diff(
                "language",
                set_setting_tx(tx, "language", lang.code())?,
                Some(lang.code().into()),
            );
            history::log(tx, &at, None, "settings", 0, "init", &ch, "")?;
            crate::seed_local::apply(tx, &at, lang)?;
            insert_staff(tx, &at, None, &code, &name, Role::Admin)
        })
    }

    pub fn staff(&self, include_inactive: bool) -> Result<Vec<Staff>> {
        let mut st = self.conn.prepare_cached(&format!(
            "{STAFF_SELECT} WHERE active = 1 OR ?1 ORDER BY code"
        ))?;
        let rows = st
            .query_map([include_inactive], staff_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The active staff member with this code or name (who signs in, who acts).
    pub fn staff_member(&self, who: &str) -> Result<Staff> {
        let a = actor(&self.conn, who)?;
        staff_by_id(&self.conn, a.id)
    }

    pub fn add_staff(&mut self, by: &str, code: &str, name: &str, role: &str) -> Result<Staff> {
        let code = code_of("code", code)?;
        let name = required("name", name, 50)?;
        let role = Role::parse_for("role", role)?;
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::ManageStaff)?;
            insert_staff(tx, &at, Some(&who), &code, &name, role)
        })
    }

    /// Changes a staff member's name, role or active flag (staff are deactivated, never deleted).
    pub fn update_staff(
        &mut self,
        by: &str,
        code: &str,
        name: Option<&str>,
        role: Option<&str>,
        active: Option<bool>,
    ) -> Result<Staff> {
        let name = name.map(|n| required("name", n, 50)).transpose()?;
        let role = role.map(|r| Role::parse_for("role", r)).transpose()?;
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::ManageStaff)?;
            let old = tx
                .query_row(
                    &format!("{STAFF_SELECT} WHERE code = ?1"),
                    [code],
                    staff_row,
                )
                .optional()?
                .ok_or_else(|| invalid("staff", Problem::Unknown, code))?;
            let mut ch = Changes::new();
            let new_name = name.unwrap_or_else(|| old.name.clone());
            let new_role = role.unwrap_or(old.role);
            let new_active = active.unwrap_or(old.active);
            // What Settings offers on this row is what is allowed here.
            let may = StaffRights::of(who.role, old.id == who.id, &old);
            if old.active && !new_active && !may.retire {
                return Err(invalid(
                    "active",
                    Problem::NotAllowed {
                        why: Why::OwnAccount,
                    },
                    "false",
                ));
            }
            if new_role != old.role && !may.change_role {
                return Err(invalid(
                    "role",
                    Problem::NotAllowed {
                        why: Why::OwnAccount,
                    },
                    new_role.as_str(),
                ));
            }
            ch.diff("name", Some(old.name.clone()), Some(new_name.clone()));
            ch.diff(
                "role",
                Some(old.role.as_str().into()),
                Some(new_role.as_str().into()),
            );
            ch.diff(
                "active",
                Some(old.active.to_string()),
                Some(new_active.to_string()),
            );
            tx.execute(
                "UPDATE staff SET name = ?2, role = ?3, active = ?4 WHERE id = ?1",
                params![old.id, new_name, new_role, new_active],
            )?;
            history::log(tx, &at, Some(&who), "staff", old.id, "update", &ch, "")?;
            Ok(Staff {
                name: new_name,
                role: new_role,
                active: new_active,
                ..old
            })
        })
    }

    /// What `by` may do to each staff member's entry, retired ones too: Settings offers
    /// only these, and `update_staff` and `set_pin` allow only these.
    pub fn staff_rights(&self, by: &str) -> Result<Vec<StaffRights>> {
        let who = actor(&self.conn, by)?;
        Ok(self
            .staff(true)?
            .iter()
            .map(|s| StaffRights::of(who.role, s.id == who.id, s))
            .collect())
    }

    pub fn departments(&self, include_inactive: bool) -> Result<Vec<Department>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, code, name, external, active FROM departments WHERE active = 1 OR ?1 ORDER BY external, id",
        )?;
        let rows = st
            .query_map([include_inactive], |r| {
                Ok(Department {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    external: r.get(3)?,
                    active: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn add_department(
        &mut self,
        by: &str,
        code: &str,
        name: &str,
        external: bool,
    ) -> Result<Department> {
        let code = code_of("code", code)?;
        let name = required("name", name, 50)?;
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::EditSettings)?;
            unique(tx, "departments", &code)?;
            tx.execute(
                "INSERT INTO departments (code, name, external) VALUES (?1, ?2, ?3)",
                params![code, name, external],
            )?;
            let id = tx.last_insert_rowid();
            let mut ch = Changes::new();
            ch.set("code", &code)
                .set("name", &name)
                .set("external", external.to_string());
            history::log(tx, &at, Some(&who), "department", id, "create", &ch, "")?;
            Ok(Department {
                id,
                code,
                name,
                external,
                active: true,
            })
        })
    }

    pub fn categories(&self, include_inactive: bool) -> Result<Vec<Category>> {
        let mut st = self.conn.prepare_cached(
            "SELECT c.id, c.code, c.kind, p.code, c.name, c.description, c.active
             FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
             WHERE c.active = 1 OR ?1 ORDER BY c.kind, c.code",
        )?;
        let rows = st
            .query_map([include_inactive], |r| {
                Ok(Category {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    kind: r.get(2)?,
                    parent_code: r.get(3)?,
                    name: r.get(4)?,
                    description: r.get(5)?,
                    active: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Adds a category; with `parent` it is a second-level item under that first-level one.
    pub fn add_category(
        &mut self,
        by: &str,
        code: &str,
        name: &str,
        kind: &str,
        parent: Option<&str>,
    ) -> Result<Category> {
        let code = code_of("code", code)?;
        let name = required("name", name, 50)?;
        let kind = Kind::parse_for("kind", kind)?;
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::EditSettings)?;
            unique(tx, "categories", &code)?;
            let parent_id: Option<i64> = match parent {
                None => None,
                Some(p) => Some(
                    tx.query_row(
                        "SELECT id FROM categories WHERE code = ?1 AND parent_id IS NULL AND kind = ?2 AND active = 1",
                        params![p, kind],
                        |r| r.get(0),
                    )
                    .optional()?
                    .ok_or_else(|| invalid("parent", Problem::Unknown, p))?,
                ),
            };
            tx.execute(
                "INSERT INTO categories (code, kind, parent_id, name) VALUES (?1, ?2, ?3, ?4)",
                params![code, kind, parent_id, name],
            )?;
            let id = tx.last_insert_rowid();
            let mut ch = Changes::new();
            ch.set("code", &code).set("name", &name).set("kind", kind.as_str());
            if let Some(p) = parent {
                ch.set("parent", p);
            }
            history::log(tx, &at, Some(&who), "category", id, "create", &ch, "")?;
            Ok(Category { id, code, kind, parent_code: parent.map(str::to_string), name, description: String::new(), active: true })
        })
    }

    /// Deactivates or reactivates a department, category or channel (never deleted:
    /// old cases still refer to it).
    /// Staff go through `update_staff`: only administrators manage them.
    pub fn set_active(&mut self, by: &str, table: &str, code: &str, active: bool) -> Result<()> {
        if table == "staff" {
            return self
                .update_staff(by, code, None, None, Some(active))
                .map(drop);
        }
        let (tbl, entity) = list_table(table)?;
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::EditSettings)?;
            let (id, old): (i64, bool) = by_code(tx, tbl, "active", code)?;
            tx.execute(
                &format!("UPDATE {tbl} SET active = ?2 WHERE id = ?1"),
                params![id, active],
            )?;
            let mut ch = Changes::new();
            ch.diff("active", Some(old.to_string()), Some(active.to_string()));
            history::log(tx, &at, Some(&who), entity, id, "update", &ch, "")
        })
    }

    /// Renames a department, category or channel (a typing mistake, a department that
    /// changed its name). Cases refer to it by its code, so they show the new name; slips
    /// already printed keep the old one on paper, and the history keeps both.
    pub fn rename(&mut self, by: &str, table: &str, code: &str, name: &str) -> Result<()> {
        if table == "staff" {
            return self
                .update_staff(by, code, Some(name), None, None)
                .map(drop);
        }
        let (tbl, entity) = list_table(table)?;
        let name = required("name", name, if entity == "channel" { 30 } else { 50 })?;
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::EditSettings)?;
            let (id, old): (i64, String) = by_code(tx, tbl, "name", code)?;
            if old == name {
                return Ok(());
            }
            tx.execute(
                &format!("UPDATE {tbl} SET name = ?2 WHERE id = ?1"),
                params![id, name],
            )?;
            let mut ch = Changes::new();
            ch.diff("name", Some(old), Some(name.clone()));
            history::log(tx, &at, Some(&who), entity, id, "update", &ch, "")
        })
    }

    pub fn channels(&self, include_inactive: bool) -> Result<Vec<Channel>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, code, name, active FROM channels WHERE active = 1 OR ?1 ORDER BY id",
        )?;
        let rows = st
            .query_map([include_inactive], |r| {
                Ok(Channel {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    active: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn add_channel(&mut self, by: &str, code: &str, name: &str) -> Result<Channel> {
        let code = code_of("code", code)?;
        let name = required("name", name, 30)?;
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::EditSettings)?;
            unique(tx, "channels", &code)?;
            tx.execute(
                "INSERT INTO channels (code, name) VALUES (?1, ?2)",
                params![code, name],
            )?;
            let id = tx.last_insert_rowid();
            let mut ch = Changes::new();
            ch.set("code", &code).set("name", &name);
            history::log(tx, &at, Some(&who), "channel", id, "create", &ch, "")?;
            Ok(Channel {
                id,
                code,
                name,
                active: true,
            })
        })
    }

    /// Units matching a prefix of "building unit room" or owner name, for autocomplete.
    pub fn units(&self, query: &str, limit: usize) -> Result<Vec<Unit>> {
        let like = format!("%{}%", query.trim().replace(['%', '_'], ""));
        let mut st = self.conn.prepare_cached(
            "SELECT id, building, unit, room, owner_name, phones, status, active FROM units
             WHERE active = 1 AND (building || unit || room LIKE ?1 OR owner_name LIKE ?1 OR phones LIKE ?1)
             ORDER BY building, unit, room LIMIT ?2",
        )?;
        let rows = st
            .query_map(params![like, limit as i64], unit_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Adds or updates many units in one transaction: all of them or, on any error, none.
    /// A unit is known by building, unit and room, so importing the same list again
    /// updates instead of duplicating.
    pub fn import_units(&mut self, by: &str, units: &[NewUnit]) -> Result<ImportCounts> {
        let at = self.now_text();
        let area = self.setting("area_code")?;
        let cleaned = units
            .iter()
            .map(|u| clean_unit(u, &area))
            .collect::<Result<Vec<_>>>()?;
        self.write(|tx| {
            let who = actor(tx, by)?;
            let mut n = ImportCounts::default();
            for u in &cleaned {
                let before = tx
                    .query_row(
                        "SELECT id, building, unit, room, owner_name, phones, status, active FROM units WHERE building = ?1 AND unit = ?2 AND room = ?3",
                        params![u.building, u.unit, u.room],
                        unit_row,
                    )
                    .optional()?;
                let (after, created) = upsert_unit_tx(tx, &at, &who, u)?;
                if created {
                    n.added += 1;
                } else if before.as_ref() == Some(&after) {
                    n.unchanged += 1;
                } else {
                    n.updated += 1;
                }
            }
            Ok(n)
        })
    }

    /// Adds a unit, or updates the one at the same building/unit/room (so a re-import
    /// updates instead of duplicating). Returns the unit and whether it was new.
    pub fn upsert_unit(&mut self, by: &str, u: &NewUnit) -> Result<(Unit, bool)> {
        let at = self.now_text();
        let u = clean_unit(u, &self.setting("area_code")?)?;
        self.write(|tx| {
            let who = actor(tx, by)?;
            upsert_unit_tx(tx, &at, &who, &u)
        })
    }

    /// The change log of a staff member, department, category, unit, settings or calendar.
    pub fn entity_history(&self, entity: &str, id: i64) -> Result<Vec<crate::model::HistoryEntry>> {
        history::for_entity(&self.conn, entity, id)
    }

    /// The change log of the staff member, department, category or channel with `code`,
    /// as Settings shows it: who added it, renamed it, retired or restored it, and when.
    /// "settings" and "calendar" (no code) give the office's settings and its working
    /// calendar: who changed the office hours a deadline was counted in.
    pub fn list_history(&self, table: &str, code: &str) -> Result<Vec<crate::model::HistoryEntry>> {
        if matches!(table, "settings" | "calendar") {
            return history::for_entity(&self.conn, table, 0);
        }
        let (tbl, entity) = list_table(table)?;
        let (id, _): (i64, i64) = by_code(&self.conn, tbl, "id", code)?;
        history::for_entity(&self.conn, entity, id)
    }

    pub fn settings(&self) -> Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        for k in SETTING_KEYS {
            out.push((k.to_string(), self.setting(k)?));
        }
        Ok(out)
    }

    pub fn set_setting(&mut self, by: &str, key: &str, value: &str) -> Result<()> {
        // A refused value names its setting (投诉编号前缀：…), not a bare 值.
        let Some(&field) = SETTING_KEYS.iter().find(|k| **k == key) else {
            return Err(invalid(
                "setting",
                Problem::BadChoice {
                    allowed: SETTING_KEYS.join(", "),
                },
                key,
            ));
        };
        let value = optional(field, value, 100)?;
        if key.starts_with("prefix_")
            && (value.is_empty()
                || value.len() > 6
                || !value.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            return Err(invalid(
                field,
                Problem::NotAllowed {
                    why: Why::PrefixShape,
                },
                value,
            ));
        }
        if key == "timezone" && value.parse::<chrono_tz::Tz>().is_err() {
            return Err(invalid(
                field,
                Problem::BadChoice {
                    allowed: "Asia/Shanghai, Asia/Hong_Kong, Asia/Taipei, …".into(),
                },
                value,
            ));
        }
        let value = if key == "area_code" {
            crate::validate::area_code(field, &value)?
        } else {
            value
        };
        if key == "language" && desk_calendar::Lang::parse(&value).is_none() {
            return Err(invalid(
                field,
                Problem::BadChoice {
                    allowed: "zh-CN, zh-TW, en".into(),
                },
                value,
            ));
        }
        if key == "form_script" && !matches!(value.as_str(), "" | "simplified" | "traditional") {
            return Err(invalid(
                field,
                Problem::BadChoice {
                    allowed: "simplified, traditional".into(),
                },
                value,
            ));
        }
        if key == "idle_lock_minutes" && !value.parse::<u32>().is_ok_and(|m| m <= 480) {
            return Err(invalid(
                field,
                Problem::NotAllowed {
                    why: Why::IdleLockRange,
                },
                value,
            ));
        }
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            // The desk's language is anyone's to switch; the office's settings are not.
            if key != "language" {
                who.require_for(crate::rights::Act::EditSettings)?;
            }
            let old = set_setting_tx(tx, key, &value)?;
            let mut ch = Changes::new();
            ch.diff(key, old, Some(value.clone()));
            history::log(tx, &at, Some(&who), "settings", 0, "update", &ch, "")
        })
    }
}

pub(crate) fn unit_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Unit> {
    Ok(Unit {
        id: r.get(0)?,
        building: r.get(1)?,
        unit: r.get(2)?,
        room: r.get(3)?,
        owner_name: r.get(4)?,
        phones: r.get(5)?,
        status: r.get(6)?,
        active: r.get(7)?,
    })
}

/// What an import of the unit directory did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportCounts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// A unit as the directory keeps it; `area` is the office's local area code (empty when
/// none is set), put in front of a local landline.
pub fn clean_unit(u: &NewUnit, area: &str) -> Result<NewUnit> {
    Ok(NewUnit {
        building: required_text(Text::Building, &u.building)?,
        unit: text(Text::Unit, &u.unit)?,
        room: required_text(Text::Room, &u.room)?,
        owner_name: text(Text::ComplainantName, &u.owner_name)?,
        phones: phones("phone", &u.phones, area)?,
        status: match optional("status", &u.status, 20)? {
            s if s.is_empty() => "occupied".into(),
            s => s,
        },
    })
}

pub(crate) fn upsert_unit_tx(
    tx: &Transaction,
    at: &str,
    who: &Actor,
    u: &NewUnit,
) -> Result<(Unit, bool)> {
    let existing = tx
        .query_row(
            "SELECT id, building, unit, room, owner_name, phones, status, active FROM units WHERE building = ?1 AND unit = ?2 AND room = ?3",
            params![u.building, u.unit, u.room],
            unit_row,
        )
        .optional()?;
    let mut ch = Changes::new();
    let (id, created) = match &existing {
        Some(old) => {
            ch.diff(
                "owner_name",
                Some(old.owner_name.clone()),
                Some(u.owner_name.clone()),
            );
            ch.diff("phones", Some(old.phones.clone()), Some(u.phones.clone()));
            ch.diff("status", Some(old.status.clone()), Some(u.status.clone()));
            ch.diff("active", Some(old.active.to_string()), Some("true".into()));
            // Re-importing an unchanged list writes nothing (and so needs no history).
            if !ch.is_empty() {
                tx.execute(
                    "UPDATE units SET owner_name = ?2, phones = ?3, status = ?4, active = 1 WHERE id = ?1",
                    params![old.id, u.owner_name, u.phones, u.status],
                )?;
            }
            (old.id, false)
        }
        None => {
            tx.execute(
                "INSERT INTO units (building, unit, room, owner_name, phones, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![u.building, u.unit, u.room, u.owner_name, u.phones, u.status],
            )?;
            ch.set("building", &u.building)
                .set("unit", &u.unit)
                .set("room", &u.room);
            ch.set("owner_name", &u.owner_name).set("phones", &u.phones);
            (tx.last_insert_rowid(), true)
        }
    };
    if !ch.is_empty() {
        history::log(
            tx,
            at,
            Some(who),
            "unit",
            id,
            if created { "create" } else { "update" },
            &ch,
            "",
        )?;
    }
    let unit = tx.query_row(
        "SELECT id, building, unit, room, owner_name, phones, status, active FROM units WHERE id = ?1",
        [id],
        unit_row,
    )?;
    Ok((unit, created))
}

fn unique(tx: &Transaction, table: &str, code: &str) -> Result<()> {
    let n: i64 = tx.query_row(
        &format!("SELECT count(*) FROM {table} WHERE code = ?1"),
        [code],
        |r| r.get(0),
    )?;
    if n > 0 {
        return Err(invalid("code", Problem::Duplicate, code));
    }
    Ok(())
}

fn insert_staff(
    tx: &Transaction,
    at: &str,
    who: Option<&Actor>,
    code: &str,
    name: &str,
    role: Role,
) -> Result<Staff> {
    unique(tx, "staff", code)?;
    tx.execute(
        "INSERT INTO staff (code, name, role, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![code, name, role, at],
    )?;
    let id = tx.last_insert_rowid();
    let mut ch = Changes::new();
    ch.set("code", code)
        .set("name", name)
        .set("role", role.as_str());
    history::log(tx, at, who, "staff", id, "create", &ch, "")?;
    Ok(Staff {
        id,
        code: code.into(),
        name: name.into(),
        role,
        active: true,
        has_pin: false,
        text_size: crate::model::TextSize::Standard,
    })
}

/// The id and one column of the list entry with `code`, or an error naming the code.
fn by_code<T: rusqlite::types::FromSql>(
    tx: &rusqlite::Connection,
    tbl: &str,
    column: &str,
    code: &str,
) -> Result<(i64, T)> {
    tx.query_row(
        &format!("SELECT id, {column} FROM {tbl} WHERE code = ?1"),
        [code],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| invalid("code", Problem::Unknown, code))
}

/// The table and history entity of a list the office configures. Staff are one of them
/// for finding and their change log; set_active and rename hand them to update_staff first,
/// as only administrators manage staff.
fn list_table(table: &str) -> Result<(&'static str, &'static str)> {
    match table {
        "staff" => Ok(("staff", "staff")),
        "department" => Ok(("departments", "department")),
        "category" => Ok(("categories", "category")),
        "channel" => Ok(("channels", "channel")),
        _ => Err(invalid(
            "kind",
            Problem::BadChoice {
                allowed: "staff, department, category, channel".into(),
            },
            table,
        )),
    }
}
