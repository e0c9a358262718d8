//! Reading the unit directory from .xlsx, .xls or .csv: the header row is matched to the
//! directory's fields (or mapped by hand), every row is checked with the core's rules,
//! and problems are listed by row and column before anything is written. The import
//! itself is the core's `import_units`: all rows or none.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use desk_calendar::Lang;
use desk_ledger::i18n::field_label;
use desk_ledger::{clean_unit, NewUnit};

use crate::error::{ReportError, Result};

/// The directory's fields and the header words that mean them.
const FIELDS: &[(&str, &[&str])] = &[
    (
        "building",
        &["楼栋", "楼号", "楼", "栋", "樓棟", "樓號", "building"],
    ),
    ("unit", &["单元", "單元", "unit"]),
    ("room", &["房号", "房號", "室号", "房间", "room"]),
    (
        "owner_name",
        &[
            "业主",
            "业主姓名",
            "業主",
            "業主姓名",
            "姓名",
            "owner",
            "owner_name",
        ],
    ),
    (
        "phones",
        &[
            "电话",
            "联系电话",
            "手机",
            "電話",
            "聯絡電話",
            "phone",
            "phones",
        ],
    ),
    ("status", &["状态", "狀態", "status"]),
];

/// One row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// As the spreadsheet numbers it (the header is row 1).
    pub row: usize,
    pub column: String,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct ImportPreview {
    pub headers: Vec<String>,
    /// field → column index, as matched or given.
    pub mapping: Vec<(&'static str, Option<usize>)>,
    /// (row number, unit) of every row that passed the checks.
    pub units: Vec<(usize, NewUnit)>,
    pub problems: Vec<RowProblem>,
}

impl ImportPreview {
    /// The units to hand to the core's `import_units`, or, while any row has a problem,
    /// a refusal listing every one of them: nothing is imported until none is left.
    pub fn units_to_import(self, path: &Path, lang: Lang) -> Result<Vec<NewUnit>> {
        if self.problems.is_empty() {
            return Ok(self.units.into_iter().map(|u| u.1).collect());
        }
        let rows: Vec<String> = self
            .problems
            .iter()
            .map(|p| match lang {
                Lang::En => format!("row {}, {}: {}", p.row, p.column, p.reason),
                _ => format!("第{}行，{}：{}", p.row, p.column, p.reason),
            })
            .collect();
        let head = match lang {
            Lang::En => format!(
                "{} rows cannot be imported; nothing was imported",
                rows.len()
            ),
            Lang::ZhCn => format!("有 {} 行无法导入，未导入任何数据", rows.len()),
            Lang::ZhTw => format!("有 {} 列無法匯入，未匯入任何資料", rows.len()),
        };
        Err(ReportError::file(
            path,
            format!("{head}\n{}", rows.join("\n")),
        ))
    }
}

/// Reads `path`. `mapping` overrides the header match: (field, column index). `area` is
/// the office's local area code (empty when none is set), put before local landlines.
pub fn read_units(
    path: &Path,
    mapping: &[(String, usize)],
    area: &str,
    lang: Lang,
) -> Result<ImportPreview> {
    let table = read_table(path, lang)?;
    let Some((headers, rows)) = table.split_first() else {
        return Err(ReportError::file(
            path,
            lang.pick("文件是空的", "檔案是空的", "the file is empty"),
        ));
    };
    let headers: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    let map: Vec<(&'static str, Option<usize>)> = FIELDS
        .iter()
        .map(|(field, words)| {
            let given = mapping.iter().find(|m| m.0 == *field).map(|m| m.1);
            let found = headers
                .iter()
                .position(|h| words.iter().any(|w| h.eq_ignore_ascii_case(w)));
            (*field, given.or(found))
        })
        .collect();
    for required in ["building", "room"] {
        if map.iter().any(|m| m.0 == required && m.1.is_none()) {
            return Err(ReportError::file(
                path,
                match lang {
                    Lang::En => format!("no column for “{required}”; map one by hand"),
                    Lang::ZhCn => format!("找不到“{}”列，请手工指定", field_label(required, lang)),
                    Lang::ZhTw => {
                        format!("找不到「{}」欄，請手動指定", field_label(required, lang))
                    }
                },
            ));
        }
    }
    let mut preview = ImportPreview {
        headers: headers.clone(),
        mapping: map.clone(),
        units: Vec::new(),
        problems: Vec::new(),
    };
    let mut seen = std::collections::HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        let number = i + 2;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |f: &str| {
            map.iter()
                .find(|m| m.0 == f)
                .and_then(|m| m.1)
                .and_then(|c| row.get(c))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let raw = NewUnit {
            building: get("building"),
            unit: get("unit"),
            room: get("room"),
            owner_name: get("owner_name"),
            phones: get("phones"),
            status: get("status"),
        };
        match clean_unit(&raw, area) {
            Ok(u) => {
                let key = (u.building.clone(), u.unit.clone(), u.room.clone());
                if let Some(first) = seen.insert(key, number) {
                    preview.problems.push(RowProblem {
                        row: number,
                        column: column_of("room", &map, &headers),
                        reason: match lang {
                            Lang::En => format!("the same unit as row {first}"),
                            Lang::ZhCn => format!("与第{first}行是同一房屋"),
                            Lang::ZhTw => format!("與第{first}列是同一房屋"),
                        },
                    });
                } else {
                    preview.units.push((number, u));
                }
            }
            Err(e) => {
                let field = match e.field().unwrap_or("") {
                    "complainant_name" => "owner_name",
                    "phone" => "phones",
                    f => f,
                };
                preview.problems.push(RowProblem {
                    row: number,
                    column: column_of(field, &map, &headers),
                    reason: e.localized(lang),
                });
            }
        }
    }
    Ok(preview)
}

fn column_of(field: &str, map: &[(&str, Option<usize>)], headers: &[String]) -> String {
    map.iter()
        .find(|m| m.0 == field)
        .and_then(|m| m.1)
        .and_then(|c| headers.get(c).cloned())
        .unwrap_or_else(|| field.to_string())
}

/// Every cell as text, first sheet only.
fn read_table(path: &Path, lang: Lang) -> Result<Vec<Vec<String>>> {
    let unreadable = |why: String| {
        ReportError::file(
            path,
            format!(
                "{}: {why}",
                lang.pick("无法读取", "無法讀取", "cannot be read")
            ),
        )
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ext == "csv" {
        let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            unreadable(
                lang.pick(
                    "请另存为 UTF-8 编码的 CSV",
                    "請另存為 UTF-8 編碼的 CSV",
                    "save it as UTF-8 CSV",
                )
                .into(),
            )
        })?;
        let text = text.trim_start_matches('\u{feff}');
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        return rdr
            .records()
            .map(|r| {
                r.map(|rec| rec.iter().map(String::from).collect())
                    .map_err(|e| unreadable(e.to_string()))
            })
            .collect();
    }
    let mut wb = open_workbook_auto(path).map_err(|e| unreadable(e.to_string()))?;
    let first = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| unreadable("no sheet".into()))?;
    let range = wb
        .worksheet_range(&first)
        .map_err(|e| unreadable(e.to_string()))?;
    Ok(range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    // Rooms and phones typed as numbers: no ".0" on whole numbers.
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect())
}
