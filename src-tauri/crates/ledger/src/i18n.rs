//! Labels of the ledger's words and fields in the three languages.
//! The UI has its own message files; these are for messages made in the core
//! (errors, explanations, CLI tables, printed forms, workbooks).

use desk_calendar::Lang;

/// (word, 简体, 繁體, English)
const LABELS: &[(&str, &str, &str, &str)] = &[
    // kinds and statuses
    ("complaint", "投诉", "投訴", "complaint"),
    ("request", "需求", "需求", "request"),
    ("registered", "已登记", "已登記", "registered"),
    (
        "transferred",
        "已转交待签认",
        "已轉交待簽認",
        "transferred, awaiting signature",
    ),
    ("in_progress", "处理中", "處理中", "in progress"),
    ("paused", "暂停", "暫停", "paused"),
    ("awaiting_callback", "待回访", "待回訪", "awaiting callback"),
    (
        "reopened",
        "二次跟进",
        "二次跟進",
        "reopened (second follow-up)",
    ),
    ("closed", "已结案", "已結案", "closed"),
    ("voided", "已作废", "已作廢", "voided"),
    // a complainant who asked not to be named
    ("anonymous", "匿名", "匿名", "anonymous"),
    // calendar days
    ("holiday", "节假日", "節假日", "holiday"),
    ("workday", "调休上班", "補行上班", "make-up working day"),
    ("normal", "恢复平常", "恢復平常", "ordinary day"),
    // levels, validity
    ("general", "一般", "一般", "general"),
    ("important", "重要", "重要", "important"),
    ("major", "重大", "重大", "major"),
    ("valid", "有效投诉", "有效投訴", "valid"),
    ("invalid", "无效投诉", "無效投訴", "invalid"),
    ("coordination", "协调投诉", "協調投訴", "coordination"),
    // relations
    ("owner", "业主", "業主", "owner"),
    ("resident", "住户", "住戶", "resident"),
    ("tenant", "租户", "租戶", "tenant"),
    ("shop_tenant", "商户", "商戶", "shop tenant"),
    ("other", "其他", "其他", "other"),
    // repair sizes
    ("minor_repair", "小修", "小修", "minor repair"),
    ("major_repair", "大修", "大修", "major repair"),
    ("medium_repair", "中修", "中修", "medium repair"),
    // roles
    ("clerk", "接待员", "接待員", "clerk"),
    ("supervisor", "主管", "主管", "supervisor"),
    ("admin", "管理员", "管理員", "administrator"),
    // text sizes
    ("standard", "标准", "標準", "standard"),
    ("large", "大", "大", "large"),
    ("larger", "特大", "特大", "larger"),
    // slips, callbacks
    ("issued", "待签认", "待簽認", "awaiting signature"),
    ("signed", "已签认", "已簽認", "signed"),
    ("feedback", "已回馈", "已回饋", "feedback received"),
    ("visit", "上门回访", "上門回訪", "visit"),
    ("phone", "电话回访", "電話回訪", "phone"),
    ("reached", "已回访", "已回訪", "reached"),
    ("unreachable", "联系不上", "聯繫不上", "unreachable"),
    ("declined", "不便回访", "不便回訪", "declined"),
    ("very_satisfied", "非常满意", "非常滿意", "very satisfied"),
    ("satisfied", "满意", "滿意", "satisfied"),
    ("neutral", "一般", "一般", "neutral"),
    ("dissatisfied", "不满意", "不滿意", "dissatisfied"),
    (
        "very_dissatisfied",
        "很不满意",
        "很不滿意",
        "very dissatisfied",
    ),
    // record kinds
    ("progress", "处理进展", "處理進展", "progress"),
    ("pause", "暂停", "暫停", "paused"),
    ("resume", "恢复处理", "恢復處理", "resumed"),
    ("finish", "处理完毕", "處理完畢", "finished"),
    ("reopen", "重新打开", "重新打開", "reopened"),
    // actions (for transition and permission errors)
    ("transfer", "转交", "轉交", "transferred"),
    ("sign", "签认", "簽認", "signed for"),
    ("record", "记录处理", "記錄處理", "recorded"),
    ("callback", "回访", "回訪", "called back"),
    ("close", "结案", "結案", "closed"),
    ("void", "作废", "作廢", "voided"),
    (
        "set_level",
        "调整级别",
        "調整級別",
        "have its level changed",
    ),
    ("lower_level", "降低级别", "降低級別", "lower a level"),
    ("edit", "修改", "修改", "edited"),
    (
        "edit_closed",
        "更正已结案的个案",
        "更正已結案的個案",
        "correct a closed case",
    ),
    ("manage_staff", "管理员工", "管理員工", "manage staff"),
    ("edit_settings", "修改设置", "修改設定", "edit settings"),
    // the access log's actions (查阅记录)
    ("view_case", "查看个案", "查看個案", "viewed a case"),
    ("search", "搜索", "搜尋", "searched"),
    ("print_form", "打印", "列印", "printed"),
    ("save_form", "另存PDF", "另存PDF", "saved a PDF"),
    (
        "open_attachment",
        "打开附件",
        "開啟附件",
        "opened an attachment",
    ),
    (
        "open_withdrawn_attachment",
        "打开已撤回的附件",
        "開啟已撤回的附件",
        "opened a withdrawn attachment",
    ),
    ("export", "导出", "匯出", "exported"),
    ("backup", "备份", "備份", "backed up"),
    ("sign_in", "登录", "登入", "signed in"),
    (
        "sign_in_refused",
        "登录被拒（PIN错误）",
        "登入被拒（PIN錯誤）",
        "sign-in refused (wrong PIN)",
    ),
    ("unlock", "解锁", "解鎖", "unlocked"),
    (
        "view_access_log",
        "查看查阅记录",
        "查看查閱記錄",
        "view the access log",
    ),
    (
        "export_access_log",
        "导出查阅记录",
        "匯出查閱記錄",
        "export the access log",
    ),
    (
        "restore",
        "从备份恢复台账",
        "從備份還原台賬",
        "restore the ledger from a backup",
    ),
    (
        "approve_report",
        "批准重大投诉报告",
        "批准重大投訴報告",
        "approve a major-complaint report",
    ),
    ("cause", "产生原因", "產生原因", "cause"),
    (
        "process",
        "处理过程及结果",
        "處理過程及結果",
        "handling and result",
    ),
    ("lessons", "经验教训", "經驗教訓", "lessons learned"),
    (
        "measures",
        "纠正预防措施",
        "糾正預防措施",
        "corrective and preventive measures",
    ),
    (
        "reclassify",
        "调整分类",
        "調整分類",
        "change the category of a transferred case",
    ),
];

/// (field, 简体, 繁體, English)
const FIELDS: &[(&str, &str, &str, &str)] = &[
    ("callback", "回访", "回訪", "Callback"),
    ("step", "操作", "操作", "Step"),
    ("form", "表单", "表單", "Form"),
    ("subject", "打印对象", "列印對象", "What to print"),
    ("output", "输出文件", "輸出檔案", "Output file"),
    ("data_dir", "数据目录", "資料目錄", "Data directory"),
    ("days", "星期", "星期", "Weekdays"),
    ("periods", "时段", "時段", "Periods"),
    ("date", "日期", "日期", "Date"),
    ("year", "年份", "年份", "Year"),
    ("within", "时限", "時限", "Within"),
    ("deadline_step", "期限环节", "期限環節", "Deadline step"),
    ("span", "期限", "期限", "Span"),
    ("span_unit", "计时方式", "計時方式", "Counted in"),
    ("map", "列对应", "欄位對應", "Column map"),
    ("number", "编号", "編號", "Number"),
    // What the logs of prints, settings and imports name.
    ("document", "单据", "單據", "Document"),
    ("revision", "版次", "版次", "Revision"),
    ("pages", "页数", "頁數", "Pages"),
    ("office_hours", "办公时间", "辦公時間", "Office hours"),
    ("imported_days", "导入天数", "匯入天數", "Days imported"),
    ("kind", "类型", "類型", "Kind"),
    ("received_at", "受理时间", "受理時間", "Received at"),
    ("channel", "渠道", "渠道", "Channel"),
    ("received_by", "受理人", "受理人", "Received by"),
    ("staff", "员工", "員工", "Staff member"),
    ("complainant_name", "投诉人", "投訴人", "Complainant"),
    ("phone", "联系电话", "聯絡電話", "Phone"),
    (
        "relation",
        "与房屋关系",
        "與房屋關係",
        "Relation to the property",
    ),
    ("location", "位置", "位置", "Location"),
    ("building", "楼栋", "樓棟", "Building"),
    ("unit", "单元", "單元", "Unit"),
    ("room", "房号", "房號", "Room"),
    ("public_area", "公共区域", "公共區域", "Public area"),
    ("content", "投诉内容", "投訴內容", "Content"),
    ("demand", "客户诉求", "客戶訴求", "Customer's demand"),
    ("category", "分类", "分類", "Category"),
    ("validity", "投诉性质", "投訴性質", "Validity"),
    ("judgement", "判定依据", "判定依據", "Grounds"),
    ("level", "级别", "級別", "Level"),
    (
        "amount",
        "涉及金额（元）",
        "涉及金額（元）",
        "Amount involved (CNY)",
    ),
    ("media", "媒体曝光", "媒體曝光", "Exposed in the media"),
    ("lawsuit", "法律诉讼", "法律訴訟", "Lawsuit"),
    (
        "group_action",
        "可能引发群体事件",
        "可能引發群體事件",
        "May lead to a group action",
    ),
    ("anonymous", "匿名", "匿名", "Anonymous"),
    ("complex", "复杂事项", "複雜事項", "Complex case"),
    ("repair_size", "维修规模", "維修規模", "Repair size"),
    ("department", "责任部门", "責任部門", "Department"),
    ("handler", "责任人", "責任人", "Handler"),
    ("reason", "原因", "原因", "Reason"),
    ("case", "个案", "個案", "Case"),
    ("slip", "转交签认单", "轉交簽認單", "Transfer slip"),
    (
        "to_department",
        "接收部门",
        "接收部門",
        "Receiving department",
    ),
    ("external", "外部单位", "外部單位", "Outside party"),
    ("reply_due", "回复期限", "回覆期限", "Reply due"),
    ("summary", "转交事项", "轉交事項", "Summary"),
    ("requirement", "处理要求", "處理要求", "Requirement"),
    ("signed_by", "签认人", "簽認人", "Signed by"),
    ("action", "处理情况", "處理情況", "Action taken"),
    ("result", "处理结果", "處理結果", "Result"),
    ("feedback", "处理结果回馈", "處理結果回饋", "Feedback"),
    ("method", "回访方式", "回訪方式", "Method"),
    ("outcome", "回访结果", "回訪結果", "Outcome"),
    ("satisfaction", "满意度", "滿意度", "Satisfaction"),
    (
        "person_reached",
        "接受回访人",
        "接受回訪人",
        "Person reached",
    ),
    ("comments", "意见和建议", "意見和建議", "Comments"),
    ("code", "编码", "編碼", "Code"),
    ("name", "名称", "名稱", "Name"),
    ("role", "角色", "角色", "Role"),
    ("text_size", "字号", "字號", "Text size"),
    ("parent", "上级分类", "上級分類", "Parent category"),
    ("setting", "设置项", "設定項", "Setting"),
    ("value", "值", "值", "Value"),
    ("status", "状态", "狀態", "Status"),
    ("month", "月份", "月份", "Month"),
    ("callback_at", "回访时间", "回訪時間", "Callback at"),
    ("pin", "PIN码", "PIN碼", "PIN"),
    ("at", "时间", "時間", "Time"),
    ("text", "关键词", "關鍵字", "Search text"),
    ("cause", "产生原因", "產生原因", "Cause"),
    ("company_name", "公司名称", "公司名稱", "Company name"),
    ("office_name", "管理处名称", "管理處名稱", "Office name"),
    ("office_code", "管理处代码", "管理處代碼", "Office code"),
    ("hotline", "服务热线", "服務熱線", "Service hotline"),
    ("area_code", "本地区号", "本地區號", "Local area code"),
    (
        "prefix_complaint",
        "投诉编号前缀",
        "投訴編號前綴",
        "Complaint number prefix",
    ),
    (
        "prefix_request",
        "需求编号前缀",
        "需求編號前綴",
        "Request number prefix",
    ),
    (
        "prefix_slip",
        "签认单编号前缀",
        "簽認單編號前綴",
        "Slip number prefix",
    ),
    ("timezone", "时区", "時區", "Time zone"),
    ("language", "语言", "語言", "Language"),
    ("form_script", "表单字体", "表單字型", "Form script"),
    (
        "idle_lock_minutes",
        "无操作锁屏",
        "閒置鎖定",
        "Lock after idle minutes",
    ),
    ("day", "日期", "日期", "Day"),
    ("draft", "草稿", "草稿", "Draft"),
    ("feedback_at", "回馈时间", "回饋時間", "Feedback at"),
    ("file", "文件", "檔案", "File"),
    ("attachment", "附件", "附件", "Attachment"),
    ("lessons", "经验教训", "經驗教訓", "Lessons learned"),
    (
        "measures",
        "纠正预防措施",
        "糾正預防措施",
        "Corrective and preventive measures",
    ),
    ("note", "备注", "備註", "Note"),
    (
        "process",
        "处理过程及结果",
        "處理過程及結果",
        "Handling and result",
    ),
    ("signed_at", "签认时间", "簽認時間", "Signed at"),
    ("to_person", "接收人", "接收人", "Receiving person"),
    ("transferred_at", "转交时间", "轉交時間", "Transferred at"),
    ("current_pin", "当前PIN码", "目前PIN碼", "Current PIN"),
    ("from", "开始日期", "開始日期", "From"),
    ("to", "结束日期", "結束日期", "To"),
];

/// The words of the access log's subjects and details (see `access::facts`): their
/// names and the values that are words, apart from the other tables so that a path or
/// a staff code is never taken for a word of theirs.
const ACCESS_FACTS: &[(&str, &str, &str, &str)] = &[
    ("cases", "个案数", "個案數", "cases"),
    ("backup", "备份方式", "備份方式", "backup"),
    ("daily", "每日自动", "每日自動", "daily"),
    ("manual", "手动", "手動", "by hand"),
    (
        "kept_as",
        "原台账另存为",
        "原台賬另存為",
        "previous ledger kept as",
    ),
    ("form", "表单", "表單", "form"),
    ("pages", "页数", "頁數", "pages"),
    (
        "registration",
        "顾客投诉处理登记表",
        "顧客投訴處理登記表",
        "registration form",
    ),
    ("slip", "转交签认单", "轉交簽認單", "transfer slip"),
    (
        "callback",
        "访问顾客记录表",
        "訪問顧客記錄表",
        "callback record",
    ),
    (
        "major_report",
        "重大投诉报告",
        "重大投訴報告",
        "major-complaint report",
    ),
    ("notice", "投诉公布", "投訴公佈", "complaints notice"),
    (
        "slips",
        "当日全部转交单",
        "當日全部轉交單",
        "the day's transfer slips",
    ),
    ("format", "格式", "格式", "format"),
    ("personal_data", "个人信息", "個人資料", "personal data"),
    ("included", "包含", "包含", "included"),
    ("anonymized", "已隐去", "已隱去", "anonymized"),
    ("from", "起", "起", "from"),
    ("to", "止", "止", "to"),
    ("staff", "员工", "員工", "staff"),
    ("action", "操作", "操作", "action"),
    ("all", "全部", "全部", "all"),
];

/// An access-log fact's name or word value in `lang`, or the text itself.
pub fn fact_label(word: &str, lang: Lang) -> String {
    static_find(ACCESS_FACTS, word, lang)
        .unwrap_or(word)
        .to_string()
}

/// The label of a stored word, or the word itself if it has none.
pub fn label(word: &str, lang: Lang) -> String {
    static_find(LABELS, word, lang).unwrap_or(word).to_string()
}

/// The name of a ledger field as the screens, forms and workbook head it, or the
/// field itself if it has none.
pub fn field_label(field: &str, lang: Lang) -> &str {
    static_find(FIELDS, field, lang).unwrap_or(field)
}

/// A table of words: (key, 简体, 繁體, English).
pub(crate) type Words = (&'static str, &'static str, &'static str, &'static str);

pub(crate) fn static_find(table: &'static [Words], key: &str, lang: Lang) -> Option<&'static str> {
    table.iter().find(|r| r.0 == key).map(|r| match lang {
        Lang::ZhCn => r.1,
        Lang::ZhTw => r.2,
        Lang::En => r.3,
    })
}

/// Whether `text` is a label of `word` in any language (so the CLI accepts 投诉 for complaint).
pub fn is_label_of(word: &str, text: &str) -> bool {
    LABELS
        .iter()
        .any(|r| r.0 == word && (r.1 == text || r.2 == text || r.3.eq_ignore_ascii_case(text)))
}
