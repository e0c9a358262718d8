//! The words on the workbooks, in the three languages of the desk.

use desk_calendar::Lang;
use desk_ledger::i18n::field_label;

pub fn sheet(name: &str, lang: Lang) -> &'static str {
    match name {
        "ledger" => lang.pick("台账", "台賬", "Ledger"),
        "statistics" => lang.pick("统计", "統計", "Statistics"),
        "rates" => lang.pick("指标", "指標", "Rates"),
        "recurring" => lang.pick("重复问题", "重複問題", "Recurring"),
        "major" => lang.pick("重大投诉", "重大投訴", "Major complaints"),
        "trend" => lang.pick("逐月趋势", "逐月趨勢", "Monthly trend"),
        "typical" => lang.pick("典型案例", "典型案例", "Typical cases"),
        "charts" => lang.pick("图表", "圖表", "Charts"),
        "offices" => lang.pick("各管理处汇总", "各管理處匯總", "Offices"),
        _ => "Sheet",
    }
}

/// The ledger sheet's columns (docs/month-end.md), in order.
pub fn ledger_columns(lang: Lang) -> Vec<(&'static str, f64)> {
    vec![
        (field_label("number", lang), 15.0),
        (field_label("received_at", lang), 16.0),
        (field_label("kind", lang), 6.0),
        (field_label("channel", lang), 10.0),
        (field_label("complainant_name", lang), 10.0),
        (field_label("phone", lang), 13.0),
        (field_label("location", lang), 16.0),
        (lang.pick("内容摘要", "內容摘要", "Content"), 36.0),
        (field_label("category", lang), 12.0),
        (lang.pick("二级分类", "二級分類", "Subcategory"), 14.0),
        (field_label("validity", lang), 9.0),
        (field_label("judgement", lang), 16.0),
        (field_label("level", lang), 6.0),
        (field_label("department", lang), 10.0),
        (field_label("status", lang), 12.0),
        (lang.pick("是否完成", "是否完成", "Completed"), 8.0),
        (lang.pick("完成时间", "完成時間", "Completed at"), 16.0),
        (lang.pick("是否及时", "是否及時", "On time"), 8.0),
        (lang.pick("回访情况", "回訪情況", "Callback"), 10.0),
        (field_label("satisfaction", lang), 10.0),
    ]
}

pub fn dimension(d: &str, lang: Lang) -> &'static str {
    match d {
        "kind" => lang.pick("按类型", "按類型", "By kind"),
        "category" => lang.pick("按分类", "按分類", "By category"),
        "subcategory" => lang.pick("按二级分类", "按二級分類", "By subcategory"),
        "validity" => lang.pick("按投诉性质", "按投訴性質", "By validity"),
        "level" => lang.pick("按级别", "按級別", "By level"),
        "channel" => lang.pick("按渠道", "按渠道", "By channel"),
        "department" => lang.pick("按责任部门", "按責任部門", "By department"),
        "status" => lang.pick("按状态", "按狀態", "By status"),
        _ => "",
    }
}

pub fn rate(key: &str, lang: Lang) -> &'static str {
    match key {
        "entered_in_time" => lang.pick(
            "15分钟内录入率",
            "15分鐘內錄入率",
            "Entered within 15 minutes",
        ),
        "on_time" => lang.pick("及时率", "及時率", "On-time response"),
        "overdue" => lang.pick("逾期率", "逾期率", "Overdue"),
        "closed" => lang.pick("结案率", "結案率", "Closed"),
        "callback" => lang.pick("回访率", "回訪率", "Callback"),
        "satisfaction" => lang.pick("满意率", "滿意率", "Satisfaction"),
        "classified" => lang.pick("分类准确率", "分類準確率", "Classified right first time"),
        "resolved_satisfied" => lang.pick("满意解决率", "滿意解決率", "Resolved to satisfaction"),
        _ => "",
    }
}

/// What a rate divides by what (the workbook's 计算口径 column); the one definition is
/// `desk_ledger::figures`.
pub fn rate_basis(key: &str, lang: Lang) -> &'static str {
    match key {
        "entered_in_time" => lang.pick(
            "受理后15分钟内录入系统的个案 ÷ 本期个案",
            "受理後15分鐘內錄入系統的個案 ÷ 本期個案",
            "Cases typed in within 15 minutes of being received ÷ the period's cases",
        ),
        "on_time" => lang.pick(
            "已完成或已到期的期限均按时的个案 ÷ 有期限已完成或已到期的个案",
            "已完成或已到期的期限均按時的個案 ÷ 有期限已完成或已到期的個案",
            "Cases that met every deadline done or passed ÷ cases with a deadline done or passed",
        ),
        "overdue" => lang.pick(
            "有期限超时（超时完成或已逾期）的个案 ÷ 有期限已完成或已到期的个案",
            "有期限超時（超時完成或已逾期）的個案 ÷ 有期限已完成或已到期的個案",
            "Cases that missed a deadline (done late or overdue) ÷ cases with a deadline done or passed",
        ),
        "closed" => lang.pick(
            "已结案的个案 ÷ 本期个案",
            "已結案的個案 ÷ 本期個案",
            "Closed cases ÷ the period's cases",
        ),
        "classified" => lang.pick(
            "分类及投诉性质登记后未经更改的个案 ÷ 已分类的个案",
            "分類及投訴性質登記後未經更改的個案 ÷ 已分類的個案",
            "Cases whose category and validity stood as first given ÷ classified cases",
        ),
        "callback" => lang.pick(
            "已回访并联系上的个案 ÷ 处理完成的个案（联系不上、不便回访的不计）",
            "已回訪並聯繫上的個案 ÷ 處理完成的個案（聯繫不上、不便回訪的不計）",
            "Finished cases whose customer was reached ÷ finished cases (unreachable or declined left out)",
        ),
        "satisfaction" => lang.pick(
            "非常满意与满意的回访 ÷ 联系上的回访（每次回访都计）",
            "非常滿意與滿意的回訪 ÷ 聯繫上的回訪（每次回訪都計）",
            "Very satisfied and satisfied callbacks ÷ callbacks that reached the customer (every one)",
        ),
        "resolved_satisfied" => lang.pick(
            "最后一次回访满意的个案 ÷ 已回访并联系上的个案",
            "最後一次回訪滿意的個案 ÷ 已回訪並聯繫上的個案",
            "Cases whose last callback was satisfied ÷ cases whose customer was reached",
        ),
        _ => "",
    }
}

pub fn yes_no(v: bool, lang: Lang) -> &'static str {
    if v {
        lang.pick("是", "是", "yes")
    } else {
        lang.pick("否", "否", "no")
    }
}

pub fn word(w: &str, lang: Lang) -> String {
    desk_ledger::i18n::label(w, lang)
}
