//! Checks on what the clerk typed. Each failure names its field.

use chrono::{NaiveDate, NaiveDateTime, Timelike};

use crate::error::{invalid, Problem, Result};
use crate::texts::Text;
use crate::why::Why;

/// A free text within its field's limit (see `texts`), may be empty.
pub fn text(t: Text, s: &str) -> Result<String> {
    optional(t.field(), s, t.max())
}

/// A free text within its field's limit, required.
pub fn required_text(t: Text, s: &str) -> Result<String> {
    required(t.field(), s, t.max())
}

/// Trimmed text, required, at most `max` characters (not bytes: 500 汉字 is 500).
pub fn required(field: &'static str, s: &str, max: usize) -> Result<String> {
    let t = optional(field, s, max)?;
    if t.is_empty() {
        return Err(invalid(field, Problem::Required, ""));
    }
    Ok(t)
}

/// Trimmed text, may be empty. CRLF becomes LF so Windows pastes store the same text;
/// control characters other than newline and tab are refused rather than stored invisibly.
pub fn optional(field: &'static str, s: &str, max: usize) -> Result<String> {
    let t = s.replace("\r\n", "\n").replace('\r', "\n");
    let t = t.trim();
    if t.chars().count() > max {
        return Err(invalid(field, Problem::TooLong { max }, truncate(t, 20)));
    }
    if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(invalid(
            field,
            Problem::NotAllowed {
                why: Why::ControlCharacters,
            },
            truncate(t, 20),
        ));
    }
    Ok(t.to_string())
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Accepts mainland mobiles, landlines with an area code (optional extension: 转801,
/// 分机801, ext 801, #801, or a last group after a dash, 0571-87654321-801), 400/800
/// service numbers, and Hong Kong (+852) and Taiwan (+886 or 09…/0x-…) numbers. A
/// mainland mobile is kept as its 11 digits however it was written (+86 138 1234 5678,
/// 138-1234-5678), so the same customer's earlier cases are found by it; any other
/// number as the clerk wrote it, with spaces tidied. `area` is the office's local area
/// code (empty: none set): a local landline typed without it (87654321) is taken and kept
/// with it (0571-87654321).
pub fn phone(field: &'static str, s: &str, area: &str) -> Result<String> {
    let raw = s.trim();
    let bad = || invalid(field, Problem::BadPhone, raw);
    // The words written before an extension, as one marker.
    let marked = ["分机", "分機", "ext.", "Ext.", "EXT.", "ext", "Ext", "EXT"]
        .iter()
        .fold(raw.to_string(), |t, w| t.replace(w, "转"));
    if accepted(&marked) {
        let (main, ext) = marked.split_once(EXTENSION).unwrap_or((&marked, ""));
        return Ok(match mobile_digits(main) {
            Some(mobile) if ext.trim().is_empty() => mobile,
            Some(mobile) => format!("{mobile}转{}", ext.trim()),
            None => raw.split_whitespace().collect::<Vec<_>>().join(" "),
        });
    }
    // Not a number as it stands: perhaps a landline whose extension follows a last dash.
    let dashed_extension = marked.rsplit_once('-').filter(|(main, ext)| {
        let ext = ext.trim();
        (1..=6).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_digit())
            && is_mainland_landline(&digits(main))
            && accepted(main)
    });
    if dashed_extension.is_some() {
        return Ok(raw.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    match local_landline(&marked, area) {
        Some(full) => Ok(full),
        // A local number at an office that has not said where it is: say what is missing.
        None if area.is_empty() && local_parts(&marked).is_some() => Err(invalid(
            field,
            Problem::NotAllowed {
                why: Why::NeedsAreaCode,
            },
            raw,
        )),
        None => Err(bad()),
    }
}

/// A local landline's number (7–8 digits) and extension (empty when none), as written.
fn local_parts(marked: &str) -> Option<(String, &str)> {
    let (main, ext) = marked.split_once(EXTENSION).unwrap_or((marked, ""));
    let local = digits(main);
    ((7..=8).contains(&local.len())
        && local.bytes().all(|b| b.is_ascii_digit())
        && !local.starts_with(['0', '1']))
    .then_some((local, ext.trim()))
}

/// A local landline with the office's area code put in front, when one is set.
fn local_landline(marked: &str, area: &str) -> Option<String> {
    if area.is_empty() {
        return None;
    }
    let (local, ext) = local_parts(marked)?;
    let full = match ext {
        "" => format!("{area}-{local}"),
        ext => format!("{area}-{local}转{ext}"),
    };
    accepted(&full).then_some(full)
}

/// The office's local area code: empty, or 0 and two or three digits (010, 0571).
pub fn area_code(field: &'static str, s: &str) -> Result<String> {
    let t = s.trim();
    let ok = t.is_empty()
        || ((3..=4).contains(&t.len())
            && t.starts_with('0')
            && !t.starts_with("00")
            && t.bytes().all(|b| b.is_ascii_digit()));
    if ok {
        Ok(t.to_string())
    } else {
        Err(invalid(
            field,
            Problem::NotAllowed {
                why: Why::AreaCodeShape,
            },
            t,
        ))
    }
}

/// What stands before a number's extension.
const EXTENSION: [char; 5] = ['转', '轉', '#', 'x', 'X'];

/// A mainland mobile however it is written: its 11 digits (without +86 or 0086).
pub fn mobile_digits(s: &str) -> Option<String> {
    let compact = digits(s);
    let national = compact
        .strip_prefix("+86")
        .or_else(|| compact.strip_prefix("0086"))
        .unwrap_or(&compact);
    (national.bytes().all(|b| b.is_ascii_digit()) && is_mainland_mobile(national))
        .then(|| national.to_string())
}

/// What a phone typed at the desk or into a search is looked for as: a mainland mobile
/// as the ledger keeps it (its 11 digits), anything else as typed.
pub fn phone_lookup(s: &str, area: &str) -> String {
    let first = s
        .split(PHONE_SEPARATORS)
        .map(str::trim)
        .find(|p| !p.is_empty())
        .unwrap_or("");
    let main = first.split_once(EXTENSION).map_or(first, |(m, _)| m);
    mobile_digits(main)
        .or_else(|| local_landline(main, area))
        .unwrap_or_else(|| s.trim().to_string())
}

/// What stands between several numbers in one field.
const PHONE_SEPARATORS: [char; 6] = [',', '，', ';', '；', '、', '/'];

/// The digits of a number as written, without its spaces, dashes and brackets.
fn digits(main: &str) -> String {
    main.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '（' | '）'))
        .collect()
}

/// Whether `raw` is a number (with any extension after 转, # or x) this accepts.
fn accepted(raw: &str) -> bool {
    let (main, ext) = match raw.split_once(EXTENSION) {
        Some((m, e)) => (m, Some(e.trim())),
        None => (raw, None),
    };
    if let Some(e) = ext {
        if e.is_empty() || e.len() > 6 || !e.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    let compact = digits(main);
    if compact.is_empty()
        || !compact
            .trim_start_matches('+')
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        return false;
    }
    let ok = if let Some(rest) = compact
        .strip_prefix("+86")
        .or_else(|| compact.strip_prefix("0086"))
    {
        is_mainland_mobile(rest) || is_mainland_landline(&format!("0{rest}"))
    } else if let Some(rest) = compact
        .strip_prefix("+852")
        .or_else(|| compact.strip_prefix("00852"))
    {
        rest.len() == 8 && rest.starts_with(['2', '3', '4', '5', '6', '7', '8', '9'])
    } else if let Some(rest) = compact
        .strip_prefix("+853")
        .or_else(|| compact.strip_prefix("00853"))
    {
        rest.len() == 8
    } else if let Some(rest) = compact
        .strip_prefix("+886")
        .or_else(|| compact.strip_prefix("00886"))
    {
        (8..=9).contains(&rest.len()) && !rest.starts_with('0')
    } else {
        is_mainland_mobile(&compact)
            || is_mainland_landline(&compact)
            || is_taiwan_domestic(&compact)
            || is_service_number(&compact)
    };
    ok
}

/// A company's nationwide 400 or 800 number (400-123-4567): a shop tenant's, say.
fn is_service_number(d: &str) -> bool {
    d.len() == 10 && (d.starts_with("400") || d.starts_with("800"))
}

fn is_mainland_mobile(d: &str) -> bool {
    d.len() == 11 && d.starts_with('1') && matches!(d.as_bytes()[1], b'3'..=b'9')
}

/// 0 + area code (2–3 digits after the 0) + 7–8 digit number: 10–12 digits in all.
fn is_mainland_landline(d: &str) -> bool {
    d.starts_with('0') && !d.starts_with("00") && (10..=12).contains(&d.len())
}

/// Taiwan mobiles 09xxxxxxxx and landlines 0x-xxxxxxx(x) written without +886.
fn is_taiwan_domestic(d: &str) -> bool {
    d.starts_with('0') && (9..=10).contains(&d.len())
}

/// Several numbers separated by commas, semicolons, 、 or slashes.
/// `area` as for [`phone`].
pub fn phones(field: &'static str, s: &str, area: &str) -> Result<String> {
    let mut out = Vec::new();
    for p in s
        .split(PHONE_SEPARATORS)
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        out.push(phone(field, p, area)?);
    }
    Ok(out.join(", "))
}

/// A phone field as it is kept now, or as it stands where today's rules would refuse it
/// (kept by an earlier version; correcting it is the clerk's, not an upgrade's).
pub fn stored_phones(s: &str, area: &str) -> String {
    phones("phone", s, area).unwrap_or_else(|_| s.to_string())
}

/// "2000", "2,000.5", "¥2000" → fen. Negative or over two decimals refused.
pub fn amount_fen(field: &'static str, s: &str) -> Result<i64> {
    let t: String = s
        .trim()
        .trim_start_matches(['¥', '￥'])
        .chars()
        .filter(|c| *c != ',')
        .collect();
    let t = t.trim().trim_end_matches('元');
    if t.is_empty() {
        return Ok(0);
    }
    let bad = || invalid(field, Problem::BadAmount, s.trim());
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let yuan: i64 = whole.parse().map_err(|_| bad())?;
    let fen: i64 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
    yuan.checked_mul(100)
        .and_then(|y| y.checked_add(fen))
        .filter(|v| *v <= 100_000_000_000)
        .ok_or_else(bad)
}

/// Minute-precision local time, "2026-11-22 14:30" (also with T, seconds, or slashes).
pub fn time(field: &'static str, s: &str) -> Result<NaiveDateTime> {
    let t = s.trim().replace('/', "-").replace('T', " ");
    for fmt in ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(v) = NaiveDateTime::parse_from_str(&t, fmt) {
            return Ok(v.with_second(0).unwrap_or(v));
        }
    }
    Err(invalid(field, Problem::BadTime, s.trim()))
}

/// "2026-11" → [2026-11-01, 2026-12-01).
pub fn month_range(field: &'static str, s: &str) -> Result<(NaiveDate, NaiveDate)> {
    let m = s.trim();
    let start = NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
        .map_err(|_| invalid(field, Problem::BadTime, m))?;
    let end = start
        .checked_add_months(chrono::Months::new(1))
        .ok_or_else(|| invalid(field, Problem::BadTime, m))?;
    Ok((start, end))
}

/// Reads a stored time ("YYYY-MM-DD HH:MM", seconds ignored); None if it is not one.
pub fn parse_minute(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s.get(..16)?, "%Y-%m-%d %H:%M").ok()
}

pub fn fmt_minute(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

pub fn fmt_second(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// "2026-11-22" → the day.
pub fn date(field: &'static str, s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| invalid(field, Problem::BadTime, s.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_people_actually_give() {
        for ok in [
            "13812345678",
            "138 1234 5678",
            "+86 138-1234-5678",
            "0571-87654321",
            "010-12345678",
            "(0755)86001234",
            "0571-87654321转808",
            "+852 9123 4567",
            "+886 912 345 678",
            "0912-345-678",
            "02-2345-6789",
            "0571-87654321-801",
            "0571 8765 4321-8",
            "0571-87654321 分机 801",
            "021-61234567 ext. 2201",
            "400-123-4567",
            "800 810 8888",
        ] {
            assert!(phone("phone", ok, "").is_ok(), "{ok}");
        }
        // Written as the clerk wrote it, spaces tidied; a mainland mobile as its digits.
        assert_eq!(
            phone("phone", " 0571-87654321   分机 801 ", "")
                .ok()
                .as_deref(),
            Some("0571-87654321 分机 801")
        );
        for mobile in ["+86 138 1234 5678", "138-1234-5678", "0086 13812345678"] {
            assert_eq!(
                phone("phone", mobile, "").ok().as_deref(),
                Some("13812345678")
            );
        }
        assert_eq!(
            phone("phone", "138 1234 5678 ext 12", "").ok().as_deref(),
            Some("13812345678转12")
        );
        assert_eq!(
            phone("phone", "+852 9123 4567", "").ok().as_deref(),
            Some("+852 9123 4567")
        );
        for bad in [
            "12345",
            "1381234567",
            "23812345678",
            "87654321",
            "abc",
            "+852 123",
            "13812345678转",
            "-",
            // A mobile has no extension; nor does a number too short to be a landline.
            "138-1234-5678-801",
            "87654321-801",
            "0571-87654321-1234567",
            "0571-87654321 分机",
            "401-123-4567",
            "400-123-456",
        ] {
            assert!(phone("phone", bad, "").is_err(), "{bad}");
        }
    }

    #[test]
    fn a_phone_is_looked_up_as_the_ledger_keeps_it() {
        assert_eq!(phone_lookup("+86 138-1234-5678", ""), "13812345678");
        assert_eq!(
            phone_lookup("138 1234 5678转8 / 0571-87654321", ""),
            "13812345678"
        );
        assert_eq!(phone_lookup(" 0571-87654321 ", ""), "0571-87654321");
        assert_eq!(phone_lookup("1381234", ""), "1381234");
        assert_eq!(phone_lookup("1381234567a", ""), "1381234567a");
        assert_eq!(phone_lookup("8765 4321", "0571"), "0571-87654321");
        assert_eq!(mobile_digits("138 1234 567王"), None);
    }

    #[test]
    fn a_local_landline_takes_the_offices_area_code() {
        assert_eq!(
            phone("phone", "87654321", "0571").ok().as_deref(),
            Some("0571-87654321")
        );
        assert_eq!(
            phone("phone", "8765-4321 分机 12", "0571").ok().as_deref(),
            Some("0571-87654321转12")
        );
        assert_eq!(
            phone("phone", "6123456", "010").ok().as_deref(),
            Some("010-6123456")
        );
        // Numbers with their own area code or a mobile are as before.
        assert_eq!(
            phone("phone", "021-61234567", "0571").ok().as_deref(),
            Some("021-61234567")
        );
        assert_eq!(
            phone("phone", "138 1234 5678", "0571").ok().as_deref(),
            Some("13812345678")
        );
        // Without an area code set, or too short or long for a local number: refused, a
        // local number with what it lacks.
        let lacking = phone("phone", "87654321", "").expect_err("no area code");
        assert_eq!(
            lacking.localized(crate::Lang::ZhCn),
            "联系电话：本地座机须带区号，如0571-87654321（主管在设置中填写本地区号后可不带）"
        );
        assert!(phone("phone", "123456", "0571").is_err());
        assert!(phone("phone", "876543210", "0571").is_err());
        assert!(phone("phone", "18765432", "0571").is_err());
        for ok in ["", "010", "0571", " 0755 "] {
            assert!(area_code("area_code", ok).is_ok(), "{ok}");
        }
        for bad in ["571", "00571", "05711", "0a71"] {
            assert!(area_code("area_code", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn amounts_in_yuan_become_fen() {
        assert_eq!(amount_fen("amount", "2000").ok(), Some(200_000));
        assert_eq!(amount_fen("amount", "¥1,999.9").ok(), Some(199_990));
        assert_eq!(amount_fen("amount", "").ok(), Some(0));
        assert!(amount_fen("amount", "-5").is_err());
        assert!(amount_fen("amount", "1.234").is_err());
    }

    #[test]
    fn text_limits_count_characters_not_bytes() {
        assert!(required("content", &"漏".repeat(10), 10).is_ok());
        assert!(required("content", &"漏".repeat(11), 10).is_err());
        assert!(required("content", "  ", 10).is_err());
        assert_eq!(
            optional("content", "a\r\nb", 10).ok().as_deref(),
            Some("a\nb")
        );
        assert!(optional("content", "a\u{7}b", 10).is_err());
    }
}
