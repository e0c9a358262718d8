//! The month-end summary workbook (月度投诉记录汇总表) of one office for a month or any
//! range: ledger, statistics, rates with their parts, recurring problems, major
//! complaints, a month-by-month trend and the typical cases for ranges, charts; A4
//! landscape print set-up.

use chrono::NaiveDateTime;
use desk_calendar::Lang;
use desk_ledger::i18n::field_label;
use desk_ledger::{Figures, Summary};
use rust_xlsxwriter::{
    Chart, ChartType, Color, ConditionalFormatFormula, Format, FormatBorder, Workbook, Worksheet,
};

use crate::error::Result;
use crate::labels::{dimension, ledger_columns, rate, rate_basis, sheet, word, yes_no};
use crate::meta::Meta;

/// Short content in the ledger sheet; the full text stays in the ledger.
const CONTENT_CHARS: usize = 60;

pub(crate) struct Formats {
    head: Format,
    cell: Format,
    time: Format,
    late: Format,
    pct: Format,
    title: Format,
}

fn formats() -> Formats {
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_font_name("Microsoft YaHei")
        .set_font_size(10);
    let late_fill = Color::RGB(0xFDE2E2);
    Formats {
        head: cell
            .clone()
            .set_bold()
            .set_background_color(Color::RGB(0xDCE6F1))
            .set_text_wrap(),
        time: cell.clone().set_num_format("yyyy-mm-dd hh:mm"),
        late: Format::new().set_background_color(late_fill),
        pct: cell.clone().set_num_format("0.0%"),
        title: Format::new()
            .set_bold()
            .set_font_size(14)
            .set_font_name("Microsoft YaHei"),
        cell,
    }
}

/// Excel's serial date-time for a stored "YYYY-MM-DD HH:MM".
fn serial(s: &str) -> Option<f64> {
    let t = NaiveDateTime::parse_from_str(s.get(..16)?, "%Y-%m-%d %H:%M").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    Some((t - epoch).num_seconds() as f64 / 86_400.0)
}

fn period(s: &Summary, lang: Lang) -> String {
    let to = chrono::NaiveDate::parse_from_str(&s.to, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.pred_opt())
        .map(|d| d.to_string())
        .unwrap_or_else(|| s.to.clone());
    format!("{} {} {to}", s.from, lang.pick("至", "至", "to"))
}

/// A sheet's header row: each column's title in the header format, and its width.
pub(crate) fn header_row<S: AsRef<str>>(
    ws: &mut Worksheet,
    f: &Formats,
    cols: impl IntoIterator<Item = (S, f64)>,
) -> Result<()> {
    for (c, (title, width)) in cols.into_iter().enumerate() {
        ws.write_string_with_format(0, c as u16, title.as_ref(), &f.head)?;
        ws.set_column_width(c as u16, width)?;
    }
    Ok(())
}

/// Rows of text under a sheet's header row, each cell in the cell format.
pub(crate) fn text_rows<'a, R: IntoIterator<Item = &'a str>>(
    ws: &mut Worksheet,
    f: &Formats,
    rows: impl IntoIterator<Item = R>,
) -> Result<()> {
    for (i, cells) in rows.into_iter().enumerate() {
        for (c, v) in cells.into_iter().enumerate() {
            ws.write_string_with_format(i as u32 + 1, c as u16, v, &f.cell)?;
        }
    }
    Ok(())
}

/// Print set-up shared by the visible sheets: A4 landscape, fit to width, header row
/// repeated, the office and period in the page header.
pub(crate) fn print_setup(ws: &mut Worksheet, header_row: u32, title: &str) -> Result<()> {
    ws.set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0)
        .set_header(format!("&L{}&R&P / &N", title.replace('&', "&&")));
    ws.set_repeat_rows(header_row, header_row)?;
    Ok(())
}

/// The workbook as bytes. `trend` holds one [`Figures`] per month for a range (empty for
/// a single month).
pub fn summary_workbook(s: &Summary, trend: &[Figures], lang: Lang) -> Result<Vec<u8>> {
    let f = formats();
    let mut wb = Workbook::new();
    let title = format!(
        "{} {} {}",
        s.office_name,
        period(s, lang),
        lang.pick("投诉记录汇总表", "投訴記錄匯總表", "complaint summary")
    );
    ledger_sheet(
        wb.add_worksheet_with_constant_memory()?,
        s,
        &f,
        &title,
        lang,
    )?;
    statistics_sheet(wb.add_worksheet(), s, &f, &title, lang)?;
    rates_sheet(wb.add_worksheet(), &s.figures, &f, &title, lang)?;
    recurring_sheet(wb.add_worksheet(), s, &f, &title, lang)?;
    major_sheet(wb.add_worksheet(), s, &f, &title, lang)?;
    if !trend.is_empty() {
        trend_sheet(wb.add_worksheet(), trend, &f, &title, lang)?;
        crate::typical_sheet::typical_sheet(wb.add_worksheet(), s, &f, &title, lang)?;
    }
    charts_sheet(wb.add_worksheet(), s, &f, &title, lang)?;
    Meta::of(s).write(wb.add_worksheet())?;
    let props = rust_xlsxwriter::DocProperties::new()
        .set_title(&title)
        .set_company(&s.company_name)
        .set_comment(desk_ledger::about::made_by())
        .set_custom_property("generator", desk_ledger::about::made_by().as_str())
        .set_custom_property("office", s.office_name.as_str())
        .set_custom_property("period", period(s, lang).as_str())
        .set_custom_property("anonymized", s.anonymized);
    wb.set_properties(&props);
    Ok(wb.save_to_buffer()?)
}

fn ledger_sheet(
    ws: &mut Worksheet,
    s: &Summary,
    f: &Formats,
    title: &str,
    lang: Lang,
) -> Result<()> {
    ws.set_name(sheet("ledger", lang))?;
    let cols = ledger_columns(lang);
    // Column formats instead of one per cell: tens of thousands of rows write several
    // times faster, and unformatted cells take their column's format.
    header_row(ws, f, cols.iter().copied())?;
    for c in 0..cols.len() {
        let format = if c == 1 || c == 16 { &f.time } else { &f.cell };
        ws.set_column_format(c as u16, format)?;
    }
    for (i, r) in s.rows.iter().enumerate() {
        let row = i as u32 + 1;
        let c = &r.case;
        let content: String = c.content.chars().take(CONTENT_CHARS).collect();
        let complainant = c.complainant_shown(lang);
        let (category, sub) = match (&c.category_parent, &c.category_name) {
            (Some(p), Some(n)) => (p.as_str(), n.as_str()),
            (None, Some(n)) => (n.as_str(), ""),
            _ => ("", ""),
        };
        let texts: [(u16, &str); 11] = [
            (0, &c.number),
            (3, &c.channel),
            (4, &complainant),
            (5, &c.complainant_phones),
            (7, &content),
            (8, category),
            (9, sub),
            (11, &c.judgement),
            (13, c.department_name.as_deref().unwrap_or("")),
            (15, yes_no(r.completed, lang)),
            (17, r.on_time.map(|v| yes_no(v, lang)).unwrap_or("")),
        ];
        for (col, text) in texts {
            if !text.is_empty() {
                ws.write_string(row, col, text)?;
            }
        }
        let words = [
            (2, Some(c.kind.as_str())),
            (10, c.validity.map(|v| v.as_str())),
            (12, c.level.map(|l| l.as_str())),
            (14, Some(c.status.as_str())),
            (18, r.callback.map(|o| o.as_str())),
            (19, r.satisfaction.map(|x| x.as_str())),
        ];
        for (col, w) in words {
            if let Some(w) = w {
                ws.write_string(row, col, word(w, lang))?;
            }
        }
        ws.write_string(row, 6, c.location())?;
        for (col, t) in [(1u16, Some(&c.received_at)), (16, c.finished_at.as_ref())] {
            if let Some(v) = t.and_then(|t| serial(t)) {
                ws.write_number(row, col, v)?;
            }
        }
    }
    let last = s.rows.len().max(1) as u32;
    // Rows that missed a deadline, highlighted by one rule rather than cell by cell.
    let late = ConditionalFormatFormula::new()
        .set_rule(format!("=$R2=\"{}\"", yes_no(false, lang)).as_str())
        .set_format(&f.late);
    ws.add_conditional_format(1, 0, last, cols.len() as u16 - 1, &late)?;
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(0, 0, last, cols.len() as u16 - 1)?;
    print_setup(ws, 0, title)
}

fn statistics_sheet(
    ws: &mut Worksheet,
    s: &Summary,
    f: &Formats,
    title: &str,
    lang: Lang,
) -> Result<()> {
    ws.set_name(sheet("statistics", lang))?;
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 10)?;
    let mut row = 0u32;
    for b in &s.breakdowns {
        ws.write_string_with_format(row, 0, dimension(b.dimension, lang), &f.head)?;
        ws.write_string_with_format(row, 1, lang.pick("件数", "件數", "Cases"), &f.head)?;
        row += 1;
        for c in &b.counts {
            ws.write_string_with_format(row, 0, &c.label, &f.cell)?;
            ws.write_number_with_format(row, 1, c.count as f64, &f.cell)?;
            row += 1;
        }
        row += 1;
    }
    print_setup(ws, 0, title)
}

fn rates_sheet(
    ws: &mut Worksheet,
    fig: &Figures,
    f: &Formats,
    title: &str,
    lang: Lang,
) -> Result<()> {
    ws.set_name(sheet("rates", lang))?;
    let heads = [
        lang.pick("指标", "指標", "Rate"),
        lang.pick("分子", "分子", "Numerator"),
        lang.pick("分母", "分母", "Denominator"),
        lang.pick("实际", "實際", "Actual"),
        lang.pick("目标", "目標", "Target"),
        lang.pick("是否达标", "是否達標", "Meets target"),
        lang.pick("计算口径", "計算口徑", "How it is counted"),
    ];
    header_row(
        ws,
        f,
        heads.iter().enumerate().map(|(c, h)| {
            let width = match c {
                0 => 26.0,
                6 => 56.0,
                _ => 12.0,
            };
            (*h, width)
        }),
    )?;
    // The management department compares offices by these figures: each says what it
    // divides by what, so no office counts its own way.
    let basis_format = f.cell.clone().set_text_wrap();
    for (i, r) in fig.rates.iter().enumerate() {
        let row = i as u32 + 1;
        let goal = match (r.target, r.higher_is_better) {
            (Some(t), true) => format!("≥ {:.0}%", t * 100.0),
            (Some(t), false) => format!("≤ {:.0}%", t * 100.0),
            (None, _) => "—".into(),
        };
        ws.write_string_with_format(row, 0, rate(&r.key, lang), &f.cell)?;
        ws.write_number_with_format(row, 1, r.numerator as f64, &f.cell)?;
        ws.write_number_with_format(row, 2, r.denominator as f64, &f.cell)?;
        match r.value {
            Some(v) => ws.write_number_with_format(row, 3, v, &f.pct)?,
            None => ws.write_string_with_format(row, 3, "—", &f.cell)?,
        };
        ws.write_string_with_format(row, 4, goal, &f.cell)?;
        let meets = r.meets_target.map(|m| yes_no(m, lang)).unwrap_or("—");
        ws.write_string_with_format(row, 5, meets, &f.cell)?;
        ws.write_string_with_format(row, 6, rate_basis(&r.key, lang), &basis_format)?;
        // The target as a number beside the table, for the chart; a percentage, as the
        // clerk reads it (1 and 0.95 read as counts).
        if let Some(t) = r.target {
            ws.write_number_with_format(row, 7, t, &f.pct)?;
        }
    }
    ws.write_string_with_format(0, 7, lang.pick("目标值", "目標值", "Target value"), &f.head)?;
    let n = fig.rates.len() as u32;
    let name = sheet("rates", lang);
    let mut chart = Chart::new(ChartType::Column);
    chart
        .title()
        .set_name(lang.pick("指标与目标", "指標與目標", "Rates against targets"));
    chart
        .add_series()
        .set_name(heads[3])
        .set_categories((name, 1, 0, n, 0))
        .set_values((name, 1, 3, n, 3));
    chart
        .add_series()
        .set_name(heads[4])
        .set_categories((name, 1, 0, n, 0))
        .set_values((name, 1, 7, n, 7));
    chart.y_axis().set_min(0).set_max(1).set_num_format("0%");
    ws.insert_chart(n + 2, 0, &chart)?;
    print_setup(ws, 0, title)
}

fn recurring_sheet(
    ws: &mut Worksheet,
    s: &Summary,
    f: &Formats,
    title: &str,
    lang: Lang,
) -> Result<()> {
    ws.set_name(sheet("recurring", lang))?;
    let heads = [
        field_label("location", lang),
        field_label("category", lang),
        lang.pick("次数", "次數", "Times"),
        lang.pick("编号", "編號", "Numbers"),
    ];
    header_row(ws, f, heads.iter().copied().zip([20.0, 24.0, 8.0, 60.0]))?;
    let mut row = 1;
    for r in &s.recurring {
        ws.write_string_with_format(row, 0, &r.location, &f.cell)?;
        ws.write_string_with_format(row, 1, &r.category, &f.cell)?;
        ws.write_number_with_format(row, 2, r.numbers.len() as f64, &f.cell)?;
        ws.write_string_with_format(row, 3, r.numbers.join("、"), &f.cell)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(
        row,
        0,
        lang.pick(
            "共性问题（同类问题来自多个位置）",
            "共性問題（同類問題來自多個位置）",
            "Common problems (same category from many locations)",
        ),
        &f.title,
    )?;
    row += 1;
    let heads2 = [
        field_label("category", lang),
        lang.pick("位置数", "位置數", "Locations"),
        lang.pick("件数", "件數", "Cases"),
    ];
    for (c, h) in heads2.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &f.head)?;
    }
    for c in &s.common {
        row += 1;
        ws.write_string_with_format(row, 0, &c.category, &f.cell)?;
        ws.write_number_with_format(row, 1, c.locations as f64, &f.cell)?;
        ws.write_number_with_format(row, 2, c.cases as f64, &f.cell)?;
    }
    print_setup(ws, 0, title)
}

fn major_sheet(
    ws: &mut Worksheet,
    s: &Summary,
    f: &Formats,
    title: &str,
    lang: Lang,
) -> Result<()> {
    ws.set_name(sheet("major", lang))?;
    let heads = [
        (lang.pick("编号", "編號", "Number"), 15.0),
        (field_label("received_at", lang), 16.0),
        (field_label("location", lang), 16.0),
        (lang.pick("内容", "內容", "Content"), 40.0),
        (lang.pick("定级原因", "定級原因", "Why major"), 24.0),
        (lang.pick("状态", "狀態", "Status"), 12.0),
        (lang.pick("报告状态", "報告狀態", "Report"), 10.0),
        (
            lang.pick("报告提交时间", "報告提交時間", "Report submitted"),
            16.0,
        ),
    ];
    header_row(ws, f, heads.iter().copied())?;
    let rows = s.majors.iter().map(|m| {
        let report = match m.report_status.as_deref() {
            None => lang.pick("未开始", "未開始", "not started"),
            Some("draft") => lang.pick("草稿", "草稿", "draft"),
            Some("submitted") => lang.pick("已提交", "已提交", "submitted"),
            Some(_) => lang.pick("已批准", "已批准", "approved"),
        };
        [
            m.number.as_str(),
            m.received_at.as_str(),
            m.location.as_str(),
            m.content.as_str(),
            m.level_reason.as_str(),
            m.status.as_str(),
            report,
            m.report_submitted_at.as_deref().unwrap_or(""),
        ]
    });
    text_rows(ws, f, rows)?;
    print_setup(ws, 0, title)
}

fn trend_sheet(
    ws: &mut Worksheet,
    trend: &[Figures],
    f: &Formats,
    title: &str,
    lang: Lang,
) -> Result<()> {
    ws.set_name(sheet("trend", lang))?;
    let mut heads = vec![
        lang.pick("月份", "月份", "Month").to_string(),
        lang.pick("受理", "受理", "Received").into(),
        lang.pick("投诉", "投訴", "Complaints").into(),
        lang.pick("需求", "需求", "Requests").into(),
        lang.pick("结案", "結案", "Closed").into(),
    ];
    let keys: Vec<String> = trend[0].rates.iter().map(|r| r.key.clone()).collect();
    heads.extend(keys.iter().map(|k| rate(k, lang).to_string()));
    header_row(ws, f, heads.iter().map(|h| (h, 12.0)))?;
    for (i, m) in trend.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string_with_format(row, 0, m.from.get(..7).unwrap_or(&m.from), &f.cell)?;
        for (c, v) in [m.total, m.complaints, m.requests, m.closed]
            .iter()
            .enumerate()
        {
            ws.write_number_with_format(row, c as u16 + 1, *v as f64, &f.cell)?;
        }
        for (j, r) in m.rates.iter().enumerate() {
            match r.value {
                Some(v) => ws.write_number_with_format(row, j as u16 + 5, v, &f.pct)?,
                None => ws.write_string_with_format(row, j as u16 + 5, "—", &f.cell)?,
            };
        }
    }
    let n = trend.len() as u32;
    let name = sheet("trend", lang);
    let mut chart = Chart::new(ChartType::Line);
    chart
        .title()
        .set_name(lang.pick("逐月受理量", "逐月受理量", "Cases per month"));
    chart
        .add_series()
        .set_name(heads[1].as_str())
        .set_categories((name, 1, 0, n, 0))
        .set_values((name, 1, 1, n, 1));
    chart.y_axis().set_min(0);
    ws.insert_chart(n + 2, 0, &chart)?;
    print_setup(ws, 0, title)
}

fn charts_sheet(
    ws: &mut Worksheet,
    s: &Summary,
    f: &Formats,
    title: &str,
    lang: Lang,
) -> Result<()> {
    let name = sheet("charts", lang);
    ws.set_name(name)?;
    let cats = s
        .breakdowns
        .iter()
        .find(|b| b.dimension == "category")
        .map(|b| b.counts.clone())
        .unwrap_or_default();
    let day = lang.pick("日期", "日期", "Date");
    let cat = field_label("category", lang);
    let per_day = lang.pick("每日受理量", "每日受理量", "Cases per day");
    let per_cat = lang.pick("各分类件数", "各分類件數", "Cases per category");
    count_chart(
        ws,
        (name, 0, day),
        &s.per_day,
        ChartType::Column,
        per_day,
        0,
        f,
        lang,
    )?;
    count_chart(
        ws,
        (name, 3, cat),
        &cats,
        ChartType::Bar,
        per_cat,
        16,
        f,
        lang,
    )?;
    ws.set_column_width(0, 11)?;
    ws.set_column_width(3, 14)?;
    print_setup(ws, 0, title)
}

/// A two-column table of counts at `col` and a chart of it beside the tables: the data
/// stays visible next to the picture, as people check one against the other.
#[allow(clippy::too_many_arguments)]
fn count_chart(
    ws: &mut Worksheet,
    (sheet_name, col, head): (&str, u16, &str),
    counts: &[desk_ledger::Count],
    kind: ChartType,
    chart_title: &str,
    chart_row: u32,
    f: &Formats,
    lang: Lang,
) -> Result<()> {
    let cases = lang.pick("件数", "件數", "Cases");
    ws.write_string_with_format(0, col, head, &f.head)?;
    ws.write_string_with_format(0, col + 1, cases, &f.head)?;
    for (i, c) in counts.iter().enumerate() {
        ws.write_string_with_format(i as u32 + 1, col, &c.label, &f.cell)?;
        ws.write_number_with_format(i as u32 + 1, col + 1, c.count as f64, &f.cell)?;
    }
    let n = counts.len().max(1) as u32;
    let mut chart = Chart::new(kind);
    chart.title().set_name(chart_title);
    chart
        .add_series()
        .set_name(cases)
        .set_categories((sheet_name, 1, col, n, col))
        .set_values((sheet_name, 1, col + 1, n, col + 1));
    // Bars put the values on the x axis; either way the values start at 0.
    if matches!(kind, ChartType::Bar) {
        chart.x_axis().set_min(0);
    } else {
        chart.y_axis().set_min(0);
    }
    chart.legend().set_hidden();
    ws.insert_chart(chart_row, 6, &chart)?;
    Ok(())
}
