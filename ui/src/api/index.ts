// Typed calls into the shell. Every rule lives in the Rust core; these only carry data.
import { invoke } from '@tauri-apps/api/core'
import type * as T from './types'

export type * from './types'
// The core's word lists (generated with the types), for the screens' choices, and the
// most characters each free text may hold.
export { KINDS, STATUSES, LEVELS, VALIDITIES, RELATIONS, REPAIR_SIZES, ROLES, TEXT_SIZES, CALLBACK_METHODS, CALLBACK_OUTCOMES, SATISFACTIONS, SPAN_UNITS, TEXT_MAX, LIMITS } from './types'

/** A core error as the clerk should read it, with the form field it concerns. */
export class DeskError extends Error {
  kind: string
  field: string | null
  constructor(e: T.IpcError) {
    super(e.message)
    this.kind = e.kind
    this.field = e.field
  }
}

async function call<R>(cmd: string, args: Record<string, unknown> = {}): Promise<R> {
  try {
    return await invoke<R>(cmd, args)
  } catch (e) {
    if (e && typeof e === 'object' && 'kind' in e) throw new DeskError(e as T.IpcError)
    throw new DeskError({ kind: 'ipc', message: String(e), field: null })
  }
}

export const api = {
  appInfo: () => call<T.AppInfo>('app_info'),
  about: () => call<T.AboutInfo>('about'),
  openDataFolder: () => call<void>('open_data_folder'),
  initOffice: (company: string, office: string, staffCode: string, staffName: string) =>
    call<T.Staff>('init_office', { company, office, staffCode, staffName }),
  signIn: (code: string, pin: string | null = null) => call<T.Staff>('sign_in', { code, pin }),
  lockSession: () => call<void>('lock_session'),
  unlockSession: (pin: string | null) => call<T.Staff>('unlock_session', { pin }),
  setPin: (code: string, current: string | null, pin: string | null) =>
    call<T.Staff>('set_pin', { code, current, pin }),
  accessLog: (filter: T.AccessFilter) => call<T.AccessLogView>('access_log', { filter }),
  exportAccessLog: (filter: T.AccessFilter, path: string | null = null) =>
    call<string>('export_access_log', { filter, path }),
  listBackups: (folder: string | null = null) => call<T.BackupInfo[]>('list_backups', { folder }),
  backupNow: (folder: string | null = null) => call<T.BackupInfo>('backup_now', { folder }),
  restoreBackup: (file: string) => call<T.BackupInfo>('restore_backup', { file }),
  /** Tries the ledger again from the recovery screen; false while it still cannot be opened. */
  reopenLedger: () => call<boolean>('reopen_ledger'),
  signOut: () => call<void>('sign_out'),
  setLanguage: (lang: string) => call<void>('set_language', { lang }),
  setTextSize: (size: T.TextSize) => call<T.Staff>('set_text_size', { size }),
  saveDraft: (form: string, body: string) => call<void>('save_draft', { form, body }),
  loadDraft: (form: string) => call<string | null>('load_draft', { form }),
  discardDraft: (form: string) => call<void>('discard_draft', { form }),

  deskCounts: () => call<T.DeskCounts>('desk_counts'),
  officeToday: () => call<string>('office_today'),
  reportingMonth: () => call<string>('reporting_month'),
  monthFigures: (month = '') => call<T.Figures>('month_figures', { month }),
  dueList: (overdueOnly: boolean) => call<T.DueItem[]>('due_list', { overdueOnly }),

  registerCase: (input: T.NewCase) => call<T.Case>('register_case', { input }),
  listCases: (filter: T.CaseFilter) => call<T.CasePage>('list_cases', { filter }),
  caseView: (number: string) => call<T.CaseView>('case_view', { number }),
  relatedCases: (query: T.RelatedQuery) => call<T.Related>('related_cases', { query }),
  suggestLevel: (media: boolean, lawsuit: boolean, groupAction: boolean, amount: string) =>
    call<T.LevelSuggestion>('suggest_level', { media, lawsuit, groupAction, amount }),
  editCase: (number: string, edit: T.CaseEdit, reason: string) =>
    call<T.Case>('edit_case', { number, edit, reason }),
  setLevel: (number: string, level: string, reason: string) =>
    call<T.Case>('set_level', { number, level, reason }),
  transfer: (number: string, input: T.TransferInput) =>
    call<T.Slip>('transfer_case', { number, input }),
  signSlip: (slip: string, signedBy: string, signedAt: string | null) =>
    call<T.Slip>('sign_slip', { slip, signedBy, signedAt }),
  slipFeedback: (slip: string, feedback: string, at: string | null) =>
    call<T.Slip>('slip_feedback', { slip, feedback, at }),
  recordProgress: (number: string, action: string, result: string, at: string | null) =>
    call<T.Record>('record_progress', { number, action, result, at }),
  recordCallback: (number: string, input: T.CallbackInput) =>
    call<T.Callback>('record_callback', { number, input }),
  caseStep: (number: string, step: string, note: string) =>
    call<T.Case>('case_step', { number, step, note }),

  directory: (includeInactive = false) => call<T.Directory>('directory', { includeInactive }),
  findUnits: (query: string) => call<T.Unit[]>('find_units', { query }),
  saveUnit: (unit: T.NewUnit) => call<T.Unit>('save_unit', { unit }),
  addStaff: (code: string, name: string, role: string) => call<T.Staff>('add_staff', { code, name, role }),
  addDepartment: (code: string, name: string, external: boolean) =>
    call<T.Department>('add_department', { code, name, external }),
  addCategory: (code: string, name: string, kind: string, parent: string | null) =>
    call<T.Category>('add_category', { code, name, kind, parent }),
  addChannel: (code: string, name: string) => call<T.Channel>('add_channel', { code, name }),
  setActive: (table: string, code: string, active: boolean) =>
    call<void>('set_active', { table, code, active }),
  rename: (table: string, code: string, name: string) => call<void>('rename', { table, code, name }),
  setStaffRole: (code: string, role: string) => call<T.Staff>('set_staff_role', { code, role }),
  staffRights: () => call<T.StaffRights[]>('staff_rights'),
  listHistory: (table: string, code: string) => call<T.HistoryEntry[]>('list_history', { table, code }),
  settings: () => call<T.Setting[]>('settings'),
  setSetting: (key: string, value: string) => call<void>('set_setting', { key, value }),
  calendarYear: (year: number) => call<T.YearView>('calendar_year', { year }),
  deadlineRules: () => call<T.DeadlineRule[]>('deadline_rules'),
  setDeadlineRule: (step: string, amount: number, unit: string) =>
    call<T.DeadlineRule[]>('set_deadline_rule', { step, amount, unit }),
  setCalendarDay: (date: string, kind: string, name: string) =>
    call<T.YearView>('set_calendar_day', { date, kind, name }),
  confirmCalendarYear: (year: number) => call<T.YearView>('confirm_calendar_year', { year }),
  importCalendar: (path: string) => call<number>('import_calendar', { path }),
  setOfficeHours: (weekdays: number[], periods: string) =>
    call<void>('set_office_hours', { weekdays, periods }),

  suggestExportPath: (from: string, to: string, kind: string, anonymized: boolean) =>
    call<string>('suggest_export_path', { from, to, kind, anonymized }),
  exportPeriod: (from: string, to: string, kind: string, anonymized: boolean, path: string) =>
    call<string>('export_period', { from, to, kind, anonymized, path }),
  consolidateFiles: (files: string[], path: string) => call<string>('consolidate_files', { files, path }),
  previewUnits: (path: string, mapping: [string, number | null][]) =>
    call<T.UnitPreview>('preview_units', { path, mapping }),
  importUnits: (path: string, mapping: [string, number | null][]) =>
    call<T.ImportCounts>('import_units', { path, mapping }),
  revealFile: (path: string) => call<void>('reveal_file', { path }),

  attachFiles: (number: string, paths: string[], note: string) =>
    call<T.Attachment[]>('attach_files', { number, paths, note }),
  attachmentContent: (id: number) => call<ArrayBuffer>('attachment_content', { id }),
  attachmentThumbnail: (id: number) => call<ArrayBuffer>('attachment_thumbnail', { id }),
  filePreview: (path: string, large: boolean) => call<ArrayBuffer>('file_preview', { path, large }),
  openAttachment: (id: number) => call<void>('open_attachment', { id }),
  withdrawAttachment: (id: number, reason: string) => call<T.Attachment>('withdraw_attachment', { id, reason }),

  prepareForm: (form: string, subject: string) => call<T.FormMeta>('prepare_form', { form, subject }),
  formPdf: () => call<ArrayBuffer>('form_pdf'),
  printForm: () => call<T.Printed>('print_form'),
  saveForm: (path: string) => call<string>('save_form', { path }),
  saveMajorReport: (number: string, input: T.MajorReportInput) =>
    call<T.MajorReport>('save_major_report', { number, input }),
  approveMajorReport: (number: string) => call<T.MajorReport>('approve_major_report', { number }),
}
