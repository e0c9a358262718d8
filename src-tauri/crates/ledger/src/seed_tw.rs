//! The defaults of `seed.sql` in Traditional characters, for an office set up in
//! Traditional Chinese: its clerks should not find 巡查发现 and 设备管理 among their own
//! words. Each pair is (as seeded, in Traditional); only names and descriptions still as
//! seeded are rewritten, so nothing the office typed itself is touched.

use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::history::{self, Changes};

const CHANNELS: &[(&str, &str)] = &[
    ("电话", "電話"),
    ("来访", "來訪"),
    ("微信/小程序", "微信/小程式"),
    ("网络", "網路"),
    ("内部转达", "內部轉達"),
    ("巡查发现", "巡查發現"),
];

const DEPARTMENTS: &[(&str, &str)] = &[
    ("环境部", "環境部"),
    ("管理处", "管理處"),
    ("品质部", "品質部"),
    ("开发商客服中心", "開發商客服中心"),
];

const CATEGORIES: &[(&str, &str)] = &[
    ("设备管理", "設備管理"),
    ("环境管理", "環境管理"),
    ("综合服务", "綜合服務"),
    ("咨询服务", "諮詢服務"),
    ("基础服务", "基礎服務"),
    ("特约服务", "特約服務"),
    ("租务管理", "租務管理"),
    ("园区建设", "園區建設"),
    ("规划设计", "規劃設計"),
    ("灯具", "燈具"),
    ("用户配电箱", "用戶配電箱"),
    ("给水管", "給水管"),
    ("卫生洁具", "衛生潔具"),
    ("龙头阀门等五金件", "龍頭閥門等五金件"),
    ("空调设施", "空調設施"),
    ("采暖设施", "採暖設施"),
    ("通风及室内环境", "通風及室內環境"),
    ("燃气设施", "燃氣設施"),
    ("市政配套设施", "市政配套設施"),
    ("绿化", "綠化"),
    ("服务态度", "服務態度"),
];

const DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "房屋本体及共用部位的维修养护",
        "房屋本體及共用部位的維修養護",
    ),
    (
        "共用设施设备的维修、养护和运行",
        "共用設施設備的維修、養護和運行",
    ),
    ("清洁、绿化、园区观感", "清潔、綠化、園區觀感"),
    ("其他服务", "其他服務"),
    ("物业服务合同内的基础服务", "物業服務合約內的基礎服務"),
    ("合同外的有偿特约服务", "合約外的有償特約服務"),
];

/// Rewrites the defaults still as seeded in Traditional characters, each with its history.
pub(crate) fn apply(tx: &Transaction, at: &str) -> Result<()> {
    for (table, entity, column, pairs) in [
        ("channels", "channel", "name", CHANNELS),
        ("departments", "department", "name", DEPARTMENTS),
        ("categories", "category", "name", CATEGORIES),
        ("categories", "category", "description", DESCRIPTIONS),
    ] {
        for (seeded, traditional) in pairs {
            let ids: Vec<i64> = tx
                .prepare(&format!(
                    "UPDATE {table} SET {column} = ?2 WHERE {column} = ?1 RETURNING id"
                ))?
                .query_map(params![seeded, traditional], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in ids {
                let mut ch = Changes::new();
                ch.diff(
                    column,
                    Some(seeded.to_string()),
                    Some(traditional.to_string()),
                );
                history::log(tx, at, None, entity, id, "localize", &ch, "")?;
            }
        }
    }
    Ok(())
}
