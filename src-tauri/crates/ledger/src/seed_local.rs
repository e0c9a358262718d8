//! The defaults of `seed.sql` in the office's own language, for an office set up in
//! Traditional Chinese or in English: its clerks should not find 巡查发现 and 设备管理
//! among their own words. Each row is (as seeded, in Traditional characters, in
//! English); only names and descriptions still as seeded are rewritten, so nothing the
//! office typed itself is touched, and each rewrite is in the entry's history.

use desk_calendar::Lang;
use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::history::{self, Changes};

type Row = (&'static str, &'static str, &'static str);

const CHANNELS: &[Row] = &[
    ("电话", "電話", "Phone"),
    ("来访", "來訪", "Walk-in"),
    ("微信/小程序", "微信/小程式", "WeChat / mini program"),
    ("网络", "網路", "Online"),
    ("信函", "信函", "Letter"),
    ("内部转达", "內部轉達", "Passed on internally"),
    ("巡查发现", "巡查發現", "Found on patrol"),
];

const DEPARTMENTS: &[Row] = &[
    ("客服中心", "客服中心", "Customer service centre"),
    ("工程部", "工程部", "Engineering"),
    ("秩序部", "秩序部", "Security and order"),
    ("环境部", "環境部", "Environment"),
    ("管理处", "管理處", "Management office"),
    ("管理部", "管理部", "Administration"),
    ("品质部", "品質部", "Quality"),
    (
        "开发商客服中心",
        "開發商客服中心",
        "Developer's customer service",
    ),
    ("市政配套", "市政配套", "Municipal utilities"),
];

const CATEGORIES: &[Row] = &[
    ("房屋管理", "房屋管理", "Buildings"),
    ("设备管理", "設備管理", "Equipment"),
    ("秩序管理", "秩序管理", "Order and security"),
    ("环境管理", "環境管理", "Environment"),
    ("综合服务", "綜合服務", "General service"),
    ("咨询服务", "諮詢服務", "Enquiries"),
    ("基础服务", "基礎服務", "Basic services"),
    ("特约服务", "特約服務", "Paid extra services"),
    ("租务管理", "租務管理", "Letting"),
    ("公共部位", "公共部位", "Common parts"),
    ("园区建设", "園區建設", "Estate construction"),
    ("规划设计", "規劃設計", "Planning and design"),
    ("灯具", "燈具", "Lighting"),
    ("用户配电箱", "用戶配電箱", "Household distribution box"),
    ("给水管", "給水管", "Water supply pipes"),
    ("排污排水管", "排污排水管", "Drains and sewers"),
    ("卫生洁具", "衛生潔具", "Sanitary fittings"),
    (
        "龙头阀门等五金件",
        "龍頭閥門等五金件",
        "Taps, valves and hardware",
    ),
    ("空调设施", "空調設施", "Air conditioning"),
    ("采暖设施", "採暖設施", "Heating"),
    (
        "通风及室内环境",
        "通風及室內環境",
        "Ventilation and indoor air",
    ),
    ("燃气设施", "燃氣設施", "Gas"),
    ("市政配套设施", "市政配套設施", "Municipal utilities"),
    ("绿化", "綠化", "Landscaping"),
    ("服务态度", "服務態度", "Service attitude"),
    ("其他", "其他", "Other"),
];

const DESCRIPTIONS: &[Row] = &[
    (
        "房屋本体及共用部位的维修养护",
        "房屋本體及共用部位的維修養護",
        "Upkeep of the buildings and their common parts",
    ),
    (
        "共用设施设备的维修、养护和运行",
        "共用設施設備的維修、養護和運行",
        "Repair, upkeep and running of shared facilities",
    ),
    (
        "秩序、安全措施、治安事件",
        "秩序、安全措施、治安事件",
        "Order, safety measures, security incidents",
    ),
    (
        "清洁、绿化、园区观感",
        "清潔、綠化、園區觀感",
        "Cleaning, landscaping, the look of the estate",
    ),
    ("其他服务", "其他服務", "Other services"),
    (
        "物业服务合同内的基础服务",
        "物業服務合約內的基礎服務",
        "Basic services under the property-service contract",
    ),
    (
        "合同外的有偿特约服务",
        "合約外的有償特約服務",
        "Paid services beyond the contract",
    ),
];

/// Rewrites the defaults still as seeded in `lang` (nothing for Simplified Chinese), each
/// with its history: "localize" for Traditional characters, "translate" for English.
pub(crate) fn apply(tx: &Transaction, at: &str, lang: Lang) -> Result<()> {
    let action = match lang {
        Lang::ZhCn => return Ok(()),
        Lang::ZhTw => "localize",
        Lang::En => "translate",
    };
    for (table, entity, column, rows) in [
        ("channels", "channel", "name", CHANNELS),
        ("departments", "department", "name", DEPARTMENTS),
        ("categories", "category", "name", CATEGORIES),
        ("categories", "category", "description", DESCRIPTIONS),
    ] {
        for &(seeded, tw, en) in rows {
            let local = lang.pick(seeded, tw, en);
            if local == seeded {
                continue;
            }
            let ids: Vec<i64> = tx
                .prepare(&format!(
                    "UPDATE {table} SET {column} = ?2 WHERE {column} = ?1 RETURNING id"
                ))?
                .query_map(params![seeded, local], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in ids {
                let mut ch = Changes::new();
                ch.diff(column, Some(seeded.to_string()), Some(local.to_string()));
                history::log(tx, at, None, entity, id, action, &ch, "")?;
            }
        }
    }
    Ok(())
}
