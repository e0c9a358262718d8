//! Realistic sample data for demos and benchmarks: Chinese names, buildings and rooms,
//! the default categories and channels, slips, callbacks of varied satisfaction, some
//! voided and reopened cases.
//!
//! Large ledgers (a million cases) must be made in minutes, so this writes rows in
//! batches directly rather than through the one-action-per-transaction API; it writes
//! the same tables, numbers, history rows and stored deadlines as the API does.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, Transaction};
use serde::Serialize;

use crate::error::{invalid, Problem, Result};
use crate::ledger::Ledger;
use crate::model::{Level, Status};
use crate::rules::level_floor;
use crate::validate::fmt_minute as fmt;
use crate::why::Why;

#[derive(Debug, Clone, Default)]
pub struct DemoOptions {
    pub cases: usize,
    pub months: u32,
    pub seed: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct DemoReport {
    pub cases: usize,
    pub slips: usize,
    pub callbacks: usize,
    pub units: usize,
    pub from: String,
    pub to: String,
}

/// xorshift64*: deterministic for a seed, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "淑珍", "志强", "海燕", "晓东",
    "红梅", "子涵",
];
const CONTACTS: &[&str] = &["先生", "女士", "阿姨", "师傅"];

/// (category code, kind, content, demand, usual department)
const TEMPLATES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "B04",
        "complaint",
        "卫生间地漏返水，污水从下水道反冒，气味很大",
        "尽快疏通下水道并清理",
        "engineering",
    ),
    (
        "B01",
        "complaint",
        "楼道感应灯不亮已经三天，晚上上下楼很不安全",
        "更换楼道灯",
        "engineering",
    ),
    (
        "B03",
        "complaint",
        "高层水压不足，早晚用水高峰家里基本没水",
        "解决水压问题",
        "engineering",
    ),
    (
        "B07",
        "complaint",
        "楼上空调冷凝水滴到我家阳台，反映多次未处理",
        "协调楼上业主加装冷凝水管",
        "engineering",
    ),
    (
        "B10",
        "complaint",
        "厨房闻到燃气味，担心燃气管道泄漏",
        "马上派人检查燃气管道",
        "engineering",
    ),
    (
        "B02",
        "complaint",
        "入户配电箱跳闸频繁，电工来看过仍未解决",
        "彻底排查线路",
        "engineering",
    ),
    (
        "A01",
        "complaint",
        "外墙渗水导致卧室墙面发霉脱皮",
        "维修外墙并修复室内墙面",
        "engineering",
    ),
    (
        "A01",
        "complaint",
        "地下车库顶板漏水，车辆被污水弄脏",
        "修复漏点，赔偿洗车费用",
        "engineering",
    ),
    (
        "C01",
        "complaint",
        "夜间有外来人员随意进出小区，门岗不登记",
        "加强门岗管理",
        "order",
    ),
    (
        "C01",
        "complaint",
        "消防通道长期被私家车占用",
        "清理消防通道",
        "order",
    ),
    (
        "D01",
        "complaint",
        "绿化带杂草很久没有修剪，蚊虫很多",
        "尽快修剪并消杀",
        "environment",
    ),
    (
        "D02",
        "complaint",
        "垃圾桶满溢没有及时清运，异味严重",
        "增加清运频次",
        "environment",
    ),
    (
        "E01",
        "complaint",
        "前台工作人员接待时态度冷淡，不耐烦",
        "对相关人员进行批评教育",
        "office",
    ),
    (
        "E02",
        "complaint",
        "物业费账单与实际面积不符",
        "核对并更正账单",
        "office",
    ),
    (
        "A03",
        "complaint",
        "小区规划的儿童游乐区至今未建成，与售楼时承诺不符",
        "要求开发商兑现承诺",
        "developer",
    ),
    (
        "B11",
        "complaint",
        "小区周边市政雨水管堵塞，雨天积水严重",
        "联系市政部门疏通",
        "municipal",
    ),
    (
        "Q1",
        "request",
        "咨询物业费缴纳方式和发票开具",
        "",
        "office",
    ),
    ("Q2", "request", "申请更换单元门禁卡", "", "office"),
    ("Q3", "request", "申请有偿家电清洗服务", "", "engineering"),
    ("Q4", "request", "咨询房屋出租备案手续", "", "office"),
    (
        "Q2",
        "request",
        "装修申请办理，需要开具施工许可",
        "",
        "office",
    ),
];

const CHANNELS: &[&str] = &[
    "phone", "phone", "phone", "visit", "visit", "wechat", "wechat", "app", "web", "letter",
    "internal", "patrol",
];
const PUBLIC_AREAS: &[&str] = &[
    "小区东门",
    "地下车库B2",
    "中心花园",
    "2号楼大堂",
    "儿童游乐区",
    "南门岗亭",
    "会所",
];

fn name(rng: &mut Rng) -> String {
    if rng.chance(20) {
        format!("{}{}", rng.pick(SURNAMES), rng.pick(CONTACTS))
    } else {
        format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN))
    }
}

fn mobile(rng: &mut Rng) -> String {
    format!(
        "1{}{:09}",
        rng.pick(&["38", "39", "58", "86", "88", "35", "50", "77"]),
        rng.below(1_000_000_000)
    )
    .chars()
    .take(11)
    .collect()
}

impl Ledger {
    /// Fills the ledger with `cases` sample cases spread over the last `months` months.
    pub fn demo(&mut self, o: &DemoOptions) -> Result<DemoReport> {
        if o.cases == 0 || o.cases > 5_000_000 {
            return Err(invalid(
                "cases",
                Problem::NotAllowed {
                    why: Why::DemoRange,
                },
                o.cases.to_string(),
            ));
        }
        let now = self.now();
        let months = o.months.clamp(1, 60);
        let start = now - Duration::days(30 * i64::from(months));
        let mut rng = Rng(o.seed.wrapping_mul(2_654_435_761).max(1));
        if !self.is_initialised()? {
            self.init("华安物业服务有限公司", "锦绣花园管理处", "admin", "管理员")?;
        }
        // Sample staff; existing codes are kept.
        let staff = [
            ("zhangli", "张丽", "clerk"),
            ("wangfang", "王芳", "clerk"),
            ("chenjing", "陈静", "supervisor"),
        ];
        // Sample staff and units for a demonstration or a benchmark, not an office's
        // record: no history entry is due (the sample cases carry theirs).
        self.write_unrecorded(|tx| {
            for (code, name, role) in staff {
                tx.execute(
                    "INSERT OR IGNORE INTO staff (code, name, role, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![code, name, role, fmt(start)],
                )?;
            }
            Ok(())
        })?;
        let staff_ids: Vec<(i64, String)> = {
            let mut st = self.conn.prepare(
                "SELECT id, name FROM staff WHERE role IN ('clerk', 'supervisor') AND active = 1",
            )?;
            let v = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            v
        };
        // Code → id of channels, categories and departments, read once rather than per case.
        let ids: HashMap<(&str, String), i64> = {
            let mut m = HashMap::new();
            for table in ["channels", "categories", "departments"] {
                let mut st = self
                    .conn
                    .prepare(&format!("SELECT code, id FROM {table}"))?;
                for row in
                    st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
                {
                    let (code, id) = row?;
                    m.insert((table, code), id);
                }
            }
            m
        };
        let id_of = |table: &'static str, code: &str| -> Result<i64> {
            ids.get(&(table, code.to_string()))
                .copied()
                .ok_or_else(|| invalid("code", Problem::Unknown, code))
        };
        let units = self.write_unrecorded(|tx| {
            let mut n = 0;
            for b in 1..=20 {
                for u in 1..=4 {
                    for f in 1..=30 {
                        for r in 1..=4 {
                            let phone = mobile(&mut rng);
                            let owner = name(&mut rng);
                            n += tx.execute(
                                "INSERT OR IGNORE INTO units (building, unit, room, owner_name, phones) VALUES (?1, ?2, ?3, ?4, ?5)",
                                params![format!("{b}栋"), format!("{u}单元"), format!("{f}{r:02}"), owner, phone],
                            )?;
                        }
                    }
                }
            }
            Ok(n)
        })?;
        // Received times in order, so numbers follow time as they would at the desk.
        let span = (now - start).num_minutes().max(1) as u64;
        let mut times: Vec<NaiveDateTime> = (0..o.cases)
            .map(|_| {
                let t = start + Duration::minutes(rng.below(span) as i64);
                let hour = 7 + rng.below(15) as i64; // 07:00–21:59, when residents call
                t.date().and_hms_opt(0, 0, 0).unwrap_or(t)
                    + Duration::hours(hour)
                    + Duration::minutes(rng.below(60) as i64)
            })
            .filter(|t| *t < now)
            .collect();
        times.sort();
        let mut report = DemoReport {
            cases: 0,
            slips: 0,
            callbacks: 0,
            units,
            from: fmt(start),
            to: fmt(now),
        };
        let prefix_c = self.setting("prefix_complaint")?;
        let prefix_r = self.setting("prefix_request")?;
        let prefix_s = self.setting("prefix_slip")?;
        let ctx = self.calendar()?;
        for chunk in times.chunks(5000) {
            self.write(|tx| {
                let mut open_ids = Vec::new();
                for &received in chunk {
                    let (cat, kind, content, demand, dept) = *rng.pick(TEMPLATES);
                    let complaint = kind == "complaint";
                    let (staff_id, staff_name) = rng.pick(&staff_ids).clone();
                    let created = received + Duration::minutes(rng.below(25) as i64);
                    let month = created.format("%Y%m").to_string();
                    let number = crate::numbering::next(tx, if complaint { &prefix_c } else { &prefix_r }, &month)?;
                    let public = rng.chance(15);
                    let (b, u, r) = if public {
                        (String::new(), String::new(), String::new())
                    } else {
                        (format!("{}栋", 1 + rng.below(20)), format!("{}单元", 1 + rng.below(4)), format!("{}{:02}", 1 + rng.below(30), 1 + rng.below(4)))
                    };
                    let area = if public { rng.pick(PUBLIC_AREAS).to_string() } else { String::new() };
                    let media = complaint && rng.chance(1);
                    let amount: i64 = if complaint && rng.chance(5) { (500 + rng.below(5000) as i64) * 100 } else { 0 };
                    let (floor, rules) = level_floor(media, false, false, amount);
                    let level = if !complaint { None } else if floor == Level::Major { Some(Level::Major) } else if rng.chance(8) { Some(Level::Important) } else { Some(Level::General) };
                    let validity = if !complaint { None } else if dept == "developer" { Some("invalid") } else if rng.chance(6) { Some("coordination") } else { Some("valid") };
                    let age_days = (now - received).num_days();
                    // Older cases are mostly settled; the last days are still moving.
                    let roll = rng.below(100);
                    let status = if roll < 2 {
                        Status::Voided
                    } else if age_days > 10 {
                        if roll < 90 { Status::Closed } else if roll < 95 { Status::AwaitingCallback } else { Status::InProgress }
                    } else if roll < 25 {
                        Status::Registered
                    } else if roll < 35 {
                        Status::Transferred
                    } else if roll < 60 {
                        Status::InProgress
                    } else if roll < 65 {
                        Status::Paused
                    } else if roll < 80 {
                        Status::AwaitingCallback
                    } else {
                        Status::Closed
                    };
                    let mut finished_at = matches!(status, Status::AwaitingCallback | Status::Closed).then(|| created + Duration::hours(2 + rng.below(70) as i64));
                    let mut closed_at = (status == Status::Closed).then(|| finished_at.unwrap_or(created) + Duration::hours(4 + rng.below(60) as i64));
                    // Nothing is finished or closed in the future: recent cases are still moving.
                    let mut status = status;
                    if closed_at.is_some_and(|t| t >= now) {
                        closed_at = None;
                        status = Status::AwaitingCallback;
                    }
                    if finished_at.is_some_and(|t| t >= now) {
                        finished_at = None;
                        status = Status::InProgress;
                    }
                    let handled = !matches!(status, Status::Registered | Status::Voided);
                    let channel_code: &str = rng.pick::<&str>(CHANNELS);
                    let channel = id_of("channels", channel_code)?;
                    let cat_id = id_of("categories", cat)?;
                    let dept_id = if handled || rng.chance(50) { Some(id_of("departments", dept)?) } else { None };
                    let phones = mobile(&mut rng);
                    let who = name(&mut rng);
                    let result = if finished_at.is_some() { "已安排人员上门处理完毕，客户确认问题解决" } else { "" };
                    tx.execute(
                        "INSERT INTO cases (number, kind, received_at, channel_id, received_by, complainant_name, complainant_phones,
                            building, unit, room, public_area, content, demand, category_id, validity, level, level_reason, major_since,
                            amount_fen, media, department_id, status, paused_from, result, finished_at, closed_at, voided_at, void_reason,
                            created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
                            ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?29)",
                        params![
                            number, kind, fmt(received), channel, staff_id, who, phones, b, u, r, area, content, demand, cat_id,
                            validity, level.map(|l| l.as_str()), crate::cases::rule_reason(&rules),
                            (level == Some(Level::Major)).then(|| fmt(created)), amount, media, dept_id, status,
                            (status == Status::Paused).then_some("in_progress"), result, finished_at.map(fmt), closed_at.map(fmt),
                            (status == Status::Voided).then(|| fmt(created + Duration::minutes(30))),
                            if status == Status::Voided { "重复登记" } else { "" }, fmt(created)
                        ],
                    )?;
                    let id = tx.last_insert_rowid();
                    let hist = |tx: &Transaction, at: NaiveDateTime, action: &str, changes: String, reason: &str| -> Result<()> {
                        tx.execute(
                            "INSERT INTO history (at, actor_id, entity, entity_id, case_id, action, changes, reason) VALUES (?1, ?2, 'case', ?3, ?3, ?4, ?5, ?6)",
                            params![fmt(at), staff_id, id, action, changes, reason],
                        )?;
                        Ok(())
                    };
                    hist(tx, created, "register", format!(r#"[{{"field":"number","old":null,"new":"{number}"}}]"#), "")?;
                    report.cases += 1;
                    // One case in sixty was filed under a neighbouring category and put
                    // right within the hour (the dashboard's classification accuracy).
                    // Chosen by its id, so the rest of the demo stays as it was.
                    if handled && id % 60 == 0 {
                        let other = TEMPLATES.iter().map(|t| t.0).find(|c| *c != cat && c.len() == cat.len() && c[..1] == cat[..1]);
                        if let Some(old) = other {
                            hist(tx, created + Duration::minutes(40), "edit", format!(r#"[{{"field":"category","old":"{old}","new":"{cat}"}}]"#), "分类有误，更正")?;
                        }
                    }
                    if handled && dept_id.is_some() && (status == Status::Transferred || rng.chance(40)) {
                        let at = created + Duration::minutes(10 + rng.below(100) as i64);
                        let slip_no = crate::numbering::next(tx, &prefix_s, &at.format("%Y%m").to_string())?;
                        let signed = status != Status::Transferred;
                        let to_ext = matches!(dept, "developer" | "municipal");
                        // The reply-by time a real transfer prints: the working-hours rule.
                        let due = crate::deadlines::slip_reply_due(&ctx.calendar, &ctx.policy, &fmt(at), to_ext)?;
                        tx.execute(
                            "INSERT INTO slips (number, case_id, from_department_id, from_person, to_department_id, to_person, transferred_at,
                                summary, requirement, reply_due, status, signed_by, signed_at, feedback, feedback_at, created_by)
                             VALUES (?1, ?2, (SELECT id FROM departments WHERE code = 'desk'), ?3, ?4, '', ?5, ?6, '请尽快上门核实处理并回馈结果',
                                ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                            params![
                                slip_no, id, staff_name, dept_id, fmt(at), content, due,
                                if !signed { "issued" } else if finished_at.is_some() { "feedback" } else { "signed" },
                                if signed { name(&mut rng) } else { String::new() },
                                signed.then(|| fmt(at + Duration::minutes(20))),
                                if finished_at.is_some() { result } else { "" },
                                finished_at.map(fmt), staff_id
                            ],
                        )?;
                        hist(tx, at, "transfer", format!(r#"[{{"field":"slip","old":null,"new":"{slip_no}"}}]"#), "")?;
                        report.slips += 1;
                    }
                    if handled && status != Status::Transferred {
                        let at = created + Duration::minutes(30 + rng.below(200) as i64);
                        tx.execute(
                            "INSERT INTO records (case_id, at, recorded_by, kind, action, result) VALUES (?1, ?2, ?3, 'progress', '已联系客户并安排人员上门核实', '')",
                            params![id, fmt(at), staff_id],
                        )?;
                        if status == Status::Paused {
                            tx.execute(
                                "INSERT INTO records (case_id, at, recorded_by, kind, action) VALUES (?1, ?2, ?3, 'pause', '等待业主回家后入户')",
                                params![id, fmt(at + Duration::hours(1)), staff_id],
                            )?;
                        }
                    }
                    if let Some(fin) = finished_at {
                        tx.execute(
                            "INSERT INTO records (case_id, at, recorded_by, kind, action) VALUES (?1, ?2, ?3, 'finish', ?4)",
                            params![id, fmt(fin), staff_id, result],
                        )?;
                        hist(tx, fin, "finish", r#"[{"field":"status","old":"in_progress","new":"awaiting_callback"}]"#.into(), "")?;
                        // Some customers have been called back and were satisfied, and the
                        // case waits only for the closing (the dashboard's 已回访，待结案).
                        let cb_at = fin + Duration::minutes(30 + rng.below(240) as i64);
                        if status == Status::AwaitingCallback && cb_at < now && rng.chance(15) {
                            tx.execute(
                                "INSERT INTO callbacks (case_id, at, method, by_staff, person_reached, relation, outcome, satisfaction)
                                 VALUES (?1, ?2, 'phone', ?3, ?4, '本人', 'reached', 'satisfied')",
                                params![id, fmt(cb_at), staff_id, who],
                            )?;
                            report.callbacks += 1;
                        }
                    }
                    if let Some(closed) = closed_at {
                        // A few closed cases went through a dissatisfied callback and a second follow-up first.
                        let reopened = rng.chance(5);
                        let sat = *rng.pick(&["very_satisfied", "very_satisfied", "satisfied", "satisfied", "satisfied", "neutral", "satisfied"]);
                        let outcome = if rng.chance(6) { *rng.pick(&["unreachable", "declined"]) } else { "reached" };
                        let cb_at = closed - Duration::minutes(10);
                        if reopened {
                            let first = cb_at - Duration::hours(20);
                            tx.execute(
                                "INSERT INTO callbacks (case_id, at, method, by_staff, person_reached, relation, outcome, satisfaction, comments)
                                 VALUES (?1, ?2, 'phone', ?3, ?4, '本人', 'reached', ?5, '问题没有彻底解决')",
                                params![id, fmt(first), staff_id, who, rng.pick(&["dissatisfied", "very_dissatisfied"])],
                            )?;
                            tx.execute(
                                "INSERT INTO records (case_id, at, recorded_by, kind, action) VALUES (?1, ?2, ?3, 'reopen', '回访不满意，二次跟进')",
                                params![id, fmt(first), staff_id],
                            )?;
                            tx.execute("UPDATE cases SET followups = 1 WHERE id = ?1", [id])?;
                            report.callbacks += 1;
                        }
                        tx.execute(
                            "INSERT INTO callbacks (case_id, at, method, by_staff, person_reached, relation, outcome, satisfaction)
                             VALUES (?1, ?2, ?3, ?4, ?5, '本人', ?6, ?7)",
                            params![id, fmt(cb_at), if rng.chance(20) { "visit" } else { "phone" }, staff_id,
                                if outcome == "reached" { who.clone() } else { String::new() }, outcome, (outcome == "reached").then_some(sat)],
                        )?;
                        hist(tx, closed, "close", r#"[{"field":"status","old":"awaiting_callback","new":"closed"}]"#.into(), "")?;
                        report.callbacks += 1;
                    }
                    if status.is_open() {
                        open_ids.push(id);
                    }
                }
                for id in open_ids {
                    crate::due::refresh(tx, id)?;
                }
                Ok(())
            })?;
        }
        Ok(report)
    }
}
