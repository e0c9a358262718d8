// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.

export type Kind = "complaint" | "request";

export type Status = "registered" | "transferred" | "in_progress" | "paused" | "awaiting_callback" | "reopened" | "closed" | "voided";

export type Level = "general" | "important" | "major";

export type Validity = "valid" | "invalid" | "coordination";

export type Relation = "owner" | "resident" | "tenant" | "shop_tenant" | "other";

export type RepairSize = "minor_repair" | "medium_repair" | "major_repair";

export type Role = "clerk" | "supervisor" | "admin";

export type TextSize = "standard" | "large" | "larger";

export type SlipStatus = "issued" | "signed" | "feedback";

export type CallbackMethod = "phone" | "visit";

export type CallbackOutcome = "reached" | "unreachable" | "declined";

export type Satisfaction = "very_satisfied" | "satisfied" | "neutral" | "dissatisfied" | "very_dissatisfied";

export type RecordKind = "progress" | "pause" | "resume" | "finish" | "reopen";

export type Staff = { id: number, code: string, name: string, role: Role, active: boolean, has_pin: boolean, text_size: TextSize, };

export type Department = { id: number, code: string, name: string, 
/**
 * An outside party (developer's service centre, municipal utilities).
 */
external: boolean, active: boolean, };

export type Category = { id: number, code: string, kind: Kind, parent_code: string | null, name: string, description: string, active: boolean, };

export type Channel = { id: number, code: string, name: string, active: boolean, };

export type Unit = { id: number, building: string, unit: string, room: string, owner_name: string, phones: string, status: string, active: boolean, };

export type NewUnit = { building: string, unit: string, room: string, owner_name: string, phones: string, status: string, };

export type Case = { id: number, number: string, kind: Kind, received_at: string, channel: string, received_by: string, complainant_name: string, complainant_phones: string, relation: Relation, anonymous: boolean, building: string, unit: string, room: string, public_area: string, content: string, demand: string, category_code: string | null, category_name: string | null, category_parent: string | null, validity: Validity | null, judgement: string, level: Level | null, level_reason: string, major_since: string | null, escalated_at: string | null, amount_fen: number, media: boolean, lawsuit: boolean, group_action: boolean, repair_size: RepairSize | null, complex: boolean, department: string | null, department_name: string | null, handler: string, status: Status, paused_from: Status | null, followups: number, result: string, finished_at: string | null, closed_at: string | null, voided_at: string | null, void_reason: string, revision: number, created_at: string, next_due: string | null, next_step: string | null, 
/**
 * Where, as the ledger names it (`location_of`): the screens show this, not their own.
 */
location: string, 
/**
 * The complainant's name as the screens may show it; None for one who asked not to
 * be named (the screens say 匿名 in the clerk's language).
 */
complainant_shown: string | null, };

export type Slip = { id: number, number: string, case_number: string, from_department: string | null, from_person: string, to_department: string, to_department_name: string, to_external: boolean, to_person: string, transferred_at: string, summary: string, requirement: string, reply_due: string | null, status: SlipStatus, signed_by: string, signed_at: string | null, feedback: string, feedback_at: string | null, revision: number, };

export type Record = { id: number, at: string, recorded_by: string, kind: RecordKind, action: string, result: string, };

export type Callback = { id: number, at: string, method: CallbackMethod, by_staff: string, person_reached: string, relation: string, outcome: CallbackOutcome, satisfaction: Satisfaction | null, comments: string, };

export type FieldChange = { field: string, old: string | null, new: string | null, };

export type HistoryEntry = { id: number, at: string, actor: string | null, entity: string, entity_id: number, action: string, changes: Array<FieldChange>, reason: string, 
/**
 * The action in the reader's words, and what it changed a line each; made for the
 * reader's language by `HistoryWords` (empty as stored).
 */
title: string, lines: Array<HistoryLine>, };

export type HistoryLine = { 
/**
 * The stored field (or `day0`…`day6` for a weekday's office hours).
 */
field: string, label: string, 
/**
 * "old → new", or just the value where there was none before.
 */
value: string, };

export type Attachment = { id: number, file_name: string, 
/**
 * Relative to the data directory.
 */
stored_path: string, size: number, added_by: string, added_at: string, note: string, 
/**
 * Set when it was withdrawn as added by mistake (kept, no longer shown or opened).
 */
withdrawn_at: string | null, withdrawn_by: string | null, withdrawn_reason: string, };

export type CaseFile = { case: Case, slips: Array<Slip>, records: Array<Record>, callbacks: Array<Callback>, attachments: Array<Attachment>, history: Array<HistoryEntry>, 
/**
 * The major-complaint report, once one is written (docs/levels-and-escalation.md).
 */
major_report: MajorReport | null, };

export type MajorReport = { case_number: string, 
/**
 * 产生原因
 */
cause: string, 
/**
 * 处理过程及结果
 */
process: string, 
/**
 * 经验教训
 */
lessons: string, 
/**
 * 纠正预防措施
 */
measures: string, status: ReportStatus, submitted_at: string | null, approved_by: string | null, approved_at: string | null, revision: number, };

export type MajorReportInput = { cause: string, process: string, lessons: string, measures: string, 
/**
 * Submit to the quality department now (otherwise kept as a draft).
 */
submit: boolean, };

export type ReportStatus = "draft" | "submitted" | "approved";

export type NewCase = { kind: string, received_at: string | null, channel: string, complainant_name: string, phones: string, relation: string | null, anonymous: boolean, building: string, unit: string, room: string, public_area: string, content: string, demand: string, category: string | null, validity: string | null, judgement: string, level: string | null, amount: string, media: boolean, lawsuit: boolean, group_action: boolean, repair_size: string | null, complex: boolean, department: string | null, handler: string, 
/**
 * Files that came with the complaint (photos, scans), copied in with the case in the
 * same write: the case is not registered without them, nor they without it.
 */
attachments: Array<string>, };

export type CaseEdit = { received_at: string | null, channel: string | null, complainant_name: string | null, 
/**
 * The customer asked not to be named (then the name may be left empty).
 */
anonymous: boolean | null, phones: string | null, relation: string | null, building: string | null, unit: string | null, room: string | null, public_area: string | null, content: string | null, demand: string | null, category: string | null, validity: string | null, judgement: string | null, amount: string | null, media: boolean | null, lawsuit: boolean | null, group_action: boolean | null, repair_size: string | null, complex: boolean | null, department: string | null, handler: string | null, };

export type CaseFilter = { kind: string | null, status: string | null, 
/**
 * A first-level code includes its second-level items.
 */
category: string | null, level: string | null, 
/**
 * "2026-11"
 */
month: string | null, department: string | null, text: string | null, 
/**
 * Only cases whose next deadline has passed.
 */
overdue: boolean, 
/**
 * Only cases received on this day ("2026-11-23").
 */
day: string | null, 
/**
 * Only cases not yet closed or voided.
 */
open: boolean, 
/**
 * Only cases with a transfer slip still awaiting signature.
 */
awaiting_signature: boolean, 
/**
 * Only cases awaiting their callback: Some(false) those still to be called (none
 * made since handling ended, or the last one did not confirm the result),
 * Some(true) those called back and left to close.
 */
called_back: boolean | null, sort: string | null, descending: boolean | null, page: number, page_size: number, };

export type CasePage = { total: number, 
/**
 * The search matched more than `total` cases; they were not all counted.
 */
total_capped: boolean, page: number, page_size: number, rows: Array<Case>, 
/**
 * The numbers of the rows whose next deadline has passed, on the office's clock
 * (the same judgement as the `overdue` filter).
 */
overdue: Array<string>, };

export type Related = { cases: Array<Case>, recurring: number, };

export type RelatedQuery = { phone: string, building: string, unit: string, room: string, public_area: string, category: string, };

export type TransferInput = { to_department: string, to_person: string, from_department: string | null, summary: string, requirement: string, transferred_at: string | null, };

export type CallbackInput = { at: string | null, method: string, person_reached: string, relation: string, outcome: string, satisfaction: string | null, comments: string, };

export type Deadline = { step: string, label: string, start: string, due: string, met_at: string | null, state: DeadlineState, explanation: string, 
/**
 * Years without holiday data that the computation crossed.
 */
uncovered_years: Array<number>, };

export type DeadlineState = "pending" | "overdue" | "on_time" | "late";

export type DueItem = { number: string, status: Status, level: Level | null, department: string | null, received_by: string, step: string, label: string, due: string, overdue: boolean, explanation: string, };

export type DeskCounts = { 
/**
 * The office's date the counts are of (its time zone, not the computer's): the
 * day the "today's new" tile lists.
 */
today: string, today_new: number, due_soon: number, overdue: number, 
/**
 * Everything the due list holds: overdue and due soon.
 */
due_total: number, awaiting_signature: number, 
/**
 * Handled and still to be called back (none made yet, or the last one did not
 * confirm the result).
 */
awaiting_callback: number, 
/**
 * Called back with the result confirmed: left to close.
 */
called_back: number, open_major: number, 
/**
 * A year deadlines run into whose holidays are not entered (see `calendar_gap`).
 */
calendar_gap: number | null, };

export type Figures = { from: string, to: string, total: number, complaints: number, requests: number, closed: number, rates: Array<Rate>, };

export type Rate = { 
/**
 * entered_in_time, on_time, overdue, closed, classified, callback, satisfaction,
 * resolved_satisfied
 */
key: string, numerator: number, denominator: number, 
/**
 * None when there is nothing to count yet.
 */
value: number | null, target: number | null, 
/**
 * false for rates that should stay below their target (overdue).
 */
higher_is_better: boolean, meets_target: boolean | null, };

export type Period = { start: string, end: string, };

export type OfficeHours = { days: [Array<Period>, Array<Period>, Array<Period>, Array<Period>, Array<Period>, Array<Period>, Array<Period>], };

export type DayKind = "holiday" | "workday";

export type SpecialDay = { date: string, kind: DayKind, name_zh: string, name_en: string, };

export type YearView = { year: number, covered: boolean, hours: OfficeHours, days: Array<SpecialDay>, working_days: number, };

export type Rights = { 
/**
 * Read the access log (查阅记录).
 */
view_access_log: boolean, 
/**
 * Change the office's settings, lists, unit directory and working calendar.
 */
edit_settings: boolean, 
/**
 * Add staff, give roles, retire and rename them, set or clear anyone's PIN.
 */
manage_staff: boolean, 
/**
 * Put a backup back in place of the ledger (while the ledger is sound).
 */
restore: boolean, 
/**
 * Open a withdrawn attachment (to check what was withdrawn and why), logged.
 */
open_withdrawn_attachment: boolean, };

export type StaffRights = { code: string, rename: boolean, 
/**
 * Give another role. Not one's own: an administrator who demoted or retired
 * themselves could leave the office without one.
 */
change_role: boolean, retire: boolean, restore: boolean, 
/**
 * Set a new PIN: one's own, or anyone's for an administrator.
 */
set_pin: boolean, 
/**
 * Take a PIN away (picking the name is then enough to sign in), on the same terms.
 */
clear_pin: boolean, 
/**
 * Changing one's own PIN asks for the current one first, unless an administrator
 * (who could clear it anyway).
 */
current_pin_needed: boolean, };

export type SpanUnit = "minutes" | "hours" | "working_hours" | "working_days" | "calendar_days";

export type StepRule = { amount: number, unit: SpanUnit, };

export type DeadlineRule = { step: string, label: string, rule: StepRule, shown: string, default: StepRule, default_shown: string, };

export type IpcError = { 
/**
 * invalid, not_found, transition, forbidden, busy, disk_full, read_only, damaged,
 * storage, calendar, not_signed_in, locked, upgrading
 */
kind: string, message: string, 
/**
 * The core's field name (e.g. "phones"), when the error is about one field.
 */
field: string | null, };

export type AppInfo = { version: string, data_dir: string, initialised: boolean, office_name: string, company_name: string, 
/**
 * The development build keeps its own identifier and says so in the title.
 */
dev_build: boolean, signed_in: Staff | null, 
/**
 * The desk's language (zh-CN, zh-TW, en), kept in the ledger's settings.
 */
language: string, 
/**
 * The screen is locked after the idle time; the signed-in staff member unlocks it.
 */
locked: boolean, 
/**
 * Minutes without input before the screen locks (0: never).
 */
idle_lock_minutes: number, 
/**
 * Why the ledger could not be opened: the app shows the way back.
 */
problem: string | null, 
/**
 * Whether that way back is restoring a backup; otherwise the file is unchanged and
 * the clerk deals with the cause (a newer version, a full disk) and reopens.
 */
problem_restorable: boolean, 
/**
 * What the signed-in staff member may do beyond a clerk's work (the core's rules);
 * all false when no one is signed in.
 */
rights: Rights, 
/**
 * An older ledger is being upgraded: the app shows a waiting screen until it is done.
 */
upgrading: Upgrading | null, };

export type About = { version: string, 
/**
 * The ledger schema this program writes.
 */
schema: number, 
/**
 * The schema of the ledger file in the data directory as it is now, read without
 * opening it for writing; None when there is no ledger there yet or it cannot be
 * read (a damaged file says so when it is opened).
 */
ledger_schema: number | null, data_dir: string, ledger_file: string, logs_dir: string, backups_dir: string, };

export type AboutInfo = { about: About, 
/**
 * The form font in use, or why there is none (in the desk's language).
 */
font: string | null, font_problem: string | null, };

export type Upgrading = { 
/**
 * The file's schema version and the one it is brought to.
 */
from: number, to: number, 
/**
 * Another program is writing the file: the upgrade waits for it, trying again.
 */
waiting_for_file: boolean, };

export type CaseView = { file: CaseFile, deadlines: Array<Deadline>, actions: Array<string>, 
/**
 * The forms that can be printed for this case (registration, slip, …).
 */
printable: Array<string>, 
/**
 * Whether the signed-in staff member may approve the major-complaint report now.
 */
may_approve_report: boolean, 
/**
 * The stored level reason in the clerk's words.
 */
level_reason: string, 
/**
 * Called back and confirmed: only closing is left (see `CaseFile::called_back`).
 */
called_back: boolean, 
/**
 * Whether the signed-in staff member may correct the category and department now.
 */
may_reclassify: boolean, };

export type LevelSuggestion = { level: string, reasons: Array<string>, };

export type Directory = { staff: Array<Staff>, departments: Array<Department>, categories: Array<Category>, channels: Array<Channel>, };

export type Setting = { key: string, value: string, };

export type UnitPreview = { headers: Array<string>, 
/**
 * [field, column index or null]
 */
mapping: Array<[string, number | null]>, rows: number, 
/**
 * [row, column, reason]
 */
problems: Array<[number, string, string]>, };

export type FormMeta = { form: string, subject: string, revision: number, pages: number, 
/**
 * Characters the font lacks, printed as 〓 (empty when none).
 */
missing: string, 
/**
 * Where "save as" suggests putting it.
 */
suggested_path: string, };

export type Printed = { 
/**
 * Nothing on the computer prints a PDF directly: it was opened in the PDF reader
 * for the clerk to print from there.
 */
opened_in_reader: boolean, };

export type ImportCounts = { added: number, updated: number, unchanged: number, };

export type BackupInfo = { file: string, 
/**
 * `2026-11-23 17:05:09`
 */
made_at: string, 
/**
 * daily, manual or migration (taken before an upgrade)
 */
reason: string, bytes: number, integrity_ok: boolean, cases: number, slips: number, history: number, schema_version: number, };

export type AccessEntry = { id: number, at: string, 
/**
 * Staff code and name; empty for the automatic backup or the unnamed command line.
 */
staff_code: string, staff_name: string, 
/**
 * The operating-system account the program ran under (who sat at the computer).
 */
account: string, action: string, subject: string, detail: string, };

export type AccessFilter = { 
/**
 * First and last day, `YYYY-MM-DD`, both included.
 */
from: string | null, to: string | null, 
/**
 * A staff code or name.
 */
staff: string | null, action: string | null, 
/**
 * Newest first; 0 means 200.
 */
limit: number, offset: number, };

export type AccessLogView = { total: number, rows: Array<AccessEntry>, 
/**
 * Each row's action in words, by row position.
 */
row_labels: Array<string>, 
/**
 * Every action the filter offers: [code, words].
 */
actions: Array<[string, string]>, };

export const KINDS: readonly Kind[] = ["complaint", "request"]

export const STATUSES: readonly Status[] = ["registered", "transferred", "in_progress", "paused", "awaiting_callback", "reopened", "closed", "voided"]

export const LEVELS: readonly Level[] = ["general", "important", "major"]

export const VALIDITIES: readonly Validity[] = ["valid", "invalid", "coordination"]

export const RELATIONS: readonly Relation[] = ["owner", "resident", "tenant", "shop_tenant", "other"]

export const REPAIR_SIZES: readonly RepairSize[] = ["minor_repair", "medium_repair", "major_repair"]

export const ROLES: readonly Role[] = ["clerk", "supervisor", "admin"]

export const TEXT_SIZES: readonly TextSize[] = ["standard", "large", "larger"]

export const CALLBACK_METHODS: readonly CallbackMethod[] = ["phone", "visit"]

export const CALLBACK_OUTCOMES: readonly CallbackOutcome[] = ["reached", "unreachable", "declined"]

export const SATISFACTIONS: readonly Satisfaction[] = ["very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied"]

export const SPAN_UNITS: readonly SpanUnit[] = ["minutes", "hours", "working_hours", "working_days", "calendar_days"]

export const TEXT_MAX = {
  complainant_name: 50,
  building: 30,
  unit: 30,
  room: 30,
  public_area: 100,
  content: 5000,
  demand: 1000,
  judgement: 500,
  handler: 50,
  reason: 500,
  summary: 1000,
  requirement: 1000,
  to_person: 50,
  signed_by: 50,
  feedback: 2000,
  action: 2000,
  result: 2000,
  person_reached: 50,
  relation: 30,
  comments: 2000,
  cause: 5000,
  process: 5000,
  lessons: 5000,
  measures: 5000,
  note: 200,
} as const

export type TextField = keyof typeof TEXT_MAX

// The ranges the core accepts for the numbers typed into settings.
export const LIMITS = {
  calendar_years: [2000, 2100],
  deadline_amounts: [1, 10000],
  pin_digits: [4, 12],
} as const
