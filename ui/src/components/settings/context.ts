// What Settings' tabs share: the lists as last read, one way to save (say so, read the
// lists anew) and the change-log drawer, provided by SettingsView.
import { inject, type InjectionKey, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessageBox } from 'element-plus'
import { api, type Directory } from '../../api'

export interface HistoryOf {
  table: string
  code: string
  name: string
  /** Only these kinds of change (the calendar's log also holds the deadline rules'). */
  actions?: string[]
}

export interface SettingsContext {
  /** The directory with retired entries, as last read. */
  dir: Ref<Directory | null>
  /** Saves, says so and reads the lists anew; false when the core refused (its error shown). */
  run: (f: () => Promise<unknown>) => Promise<boolean>
  /** Opens the change-log drawer on one entry, the office's settings or the calendar. */
  history: (of: HistoryOf) => void
}

export const SETTINGS: InjectionKey<SettingsContext> = Symbol('settings')

export function useSettings(): SettingsContext {
  const ctx = inject(SETTINGS)
  if (!ctx) throw new Error('a Settings tab outside SettingsView')
  return ctx
}

export type ListRow = { code: string; name: string; active: boolean }
export type ListAct = 'toggle' | 'rename' | 'history'

/** What a list row's buttons (ListActions) do: retire or restore, rename, show its log. */
export function useListActs() {
  const { run, history } = useSettings()
  const { t } = useI18n()
  /** A list entry's new name, asked for over the old one. */
  async function rename(table: string, row: ListRow) {
    let name: string
    try {
      ;({ value: name } = await ElMessageBox.prompt(t('settings.renameHint'), `${t('common.rename')} · ${row.code}`, { inputValue: row.name }))
    } catch {
      return
    }
    await run(() => api.rename(table, row.code, name))
  }
  return (table: string, row: ListRow, what: ListAct) => {
    if (what === 'toggle') run(() => api.setActive(table, row.code, !row.active))
    else if (what === 'rename') rename(table, row)
    else history({ table, code: row.code, name: row.name })
  }
}
