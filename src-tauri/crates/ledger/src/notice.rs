//! The monthly public notice (投诉公布, docs/month-end.md): complaints about shared parts and
//! shared interests and their handling, posted for all residents — so with no names,
//! no phone numbers and the location at most to the building.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::cases::{case_row, CASE_SELECT};
use crate::error::Result;
use crate::ledger::Ledger;
use crate::model::{Case, Status};
use crate::validate::month_range;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NoticeItem {
    pub number: String,
    /// The day it was received, `2026-11-05`.
    pub received_on: String,
    pub building: String,
    pub area: String,
    pub category: String,
    pub content: String,
    pub result: String,
    pub status: Status,
}

/// Runs of seven or more digits (spaces and dashes inside allowed) are phone numbers.
fn mask_phones(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let mut j = i;
            let mut digits = 0;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || (matches!(chars[j], '-' | ' ')
                        && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
            {
                digits += usize::from(chars[j].is_ascii_digit());
                j += 1;
            }
            if digits >= 7 {
                out.push_str("***");
            } else {
                out.extend(&chars[i..j]);
            }
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The commonest Chinese surnames: with a form of address after them they name a person
/// the ledger may not know (a neighbour, a tenant typed into the content).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const ADDRESSES: &[&str] = &[
    "先生", "女士", "小姐", "阿姨", "师傅", "大爷", "大妈", "太太", "老师",
];

/// "隔壁李阿姨" → "隔壁某阿姨": a surname before a form of address is masked.
fn mask_addressed(s: &str) -> String {
    s.char_indices()
        .map(|(i, c)| {
            let after = &s[i + c.len_utf8()..];
            if SURNAMES.contains(c) && ADDRESSES.iter().any(|a| after.starts_with(a)) {
                '某'
            } else {
                c
            }
        })
        .collect()
}

/// Removes the given personal words (names, rooms), surnames before a form of address,
/// and anything that looks like a phone.
pub fn scrub(text: &str, personal: &BTreeSet<String>) -> String {
    let mut s = text.to_string();
    // Longest first, so "张三丰" is masked whole before "张三" could split it.
    let mut words: Vec<&String> = personal.iter().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    for w in words {
        if s.contains(w.as_str()) {
            s = s.replace(w.as_str(), "**");
        }
    }
    mask_phones(&mask_addressed(&s))
}

impl Ledger {
    /// The month's complaints about public areas, cleaned of personal data.
    pub fn public_notice(&self, month: &str) -> Result<Vec<NoticeItem>> {
        let (start, end) = month_range("month", month)?;
        let range = [
            start.format("%Y-%m-%d").to_string(),
            end.format("%Y-%m-%d").to_string(),
        ];
        // Only the public-area complaints are loaded whole; of the rest of the month only
        // what must be masked.
        let mut st = self.conn.prepare(&format!(
            "{CASE_SELECT} WHERE c.received_at >= ?1 AND c.received_at < ?2 AND c.kind = 'complaint'
               AND c.status <> 'voided' AND c.public_area <> '' ORDER BY c.received_at, c.id"
        ))?;
        let cases: Vec<Case> = st
            .query_map(rusqlite::params_from_iter(&range), case_row)?
            .collect::<rusqlite::Result<_>>()?;
        // Every name, phone and room of the month's complainants, and the owners in the
        // unit directory, is masked wherever it appears in the free text.
        let mut personal: BTreeSet<String> = BTreeSet::new();
        let mut month_people = self.conn.prepare(
            "SELECT complainant_name, complainant_phones, unit, room FROM cases
             WHERE received_at >= ?1 AND received_at < ?2",
        )?;
        let rows = month_people.query_map(rusqlite::params_from_iter(&range), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (name, phones, unit, room) = row?;
            for w in [&name, &room] {
                if w.chars().count() >= 2 {
                    personal.insert(w.clone());
                }
            }
            for p in phones.split([',', '，', ' ', '/', ';', '、']) {
                if p.trim().chars().count() >= 3 {
                    personal.insert(p.trim().to_string());
                }
            }
            if !room.is_empty() {
                personal.insert(format!("{unit}{room}"));
            }
        }
        let mut owners = self
            .conn
            .prepare("SELECT owner_name FROM units WHERE length(owner_name) >= 2")?;
        for name in owners.query_map([], |r| r.get::<_, String>(0))? {
            personal.insert(name?);
        }
        Ok(cases
            .into_iter()
            .map(|c| NoticeItem {
                received_on: c.received_at.get(..10).unwrap_or_default().to_string(),
                building: scrub(&c.building, &personal),
                area: scrub(&c.public_area, &personal),
                category: c
                    .category_parent
                    .clone()
                    .or(c.category_name.clone())
                    .unwrap_or_default(),
                content: scrub(&c.content, &personal),
                result: scrub(&c.result, &personal),
                status: c.status,
                number: c.number,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_names_and_phones_but_keeps_other_numbers() {
        let personal: BTreeSet<String> = ["张三".to_string(), "张三丰".to_string()].into();
        let s = scrub(
            "张三丰说电话138-0013-8000，3号楼第2部电梯停了5天",
            &personal,
        );
        assert_eq!(s, "**说电话***，3号楼第2部电梯停了5天");
    }

    #[test]
    fn a_person_the_ledger_does_not_know_is_masked_by_the_form_of_address() {
        let s = scrub(
            "楼上刘阿姨家漏水，物业王师傅已修，陈女士满意",
            &BTreeSet::new(),
        );
        assert_eq!(s, "楼上某阿姨家漏水，物业某师傅已修，某女士满意");
        // Words that merely end in a surname's character stay.
        assert_eq!(scrub("电梯于先前停运", &BTreeSet::new()), "电梯于先前停运");
    }
}
