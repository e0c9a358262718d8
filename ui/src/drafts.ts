// Drafts of the dialogs on a case (the registration form keeps its own, RegisterView).
import { onBeforeUnmount, ref } from 'vue'
import { ElMessageBox } from 'element-plus'
import { api } from './api'
import { showError } from './errors'
import { i18n } from './i18n'
import { serial } from './serial'

/** Every draft write, the registration form's and the dialogs', in the order made. */
export const draftWrite = serial()

/**
 * What was typed into a dialog on a case, kept as a draft in the ledger: a dialog closed
 * by a stray click or Esc, the window closed or a crash loses nothing, and opening the
 * same dialog on the same case again brings it back. `changes()` is what differs from
 * the dialog's starting values (null: nothing, and no draft is kept); `restore` puts a
 * kept draft back on top of them.
 */
export function useDialogDraft<T>(changes: () => T | null, restore: (draft: T) => void) {
  const restored = ref(false)
  // Changes are kept only once the dialog's draft has been looked for (`key`), so that
  // filling in the starting values cannot discard it first.
  let key: string | null = null
  let opening: string | null = null
  let pending: (() => void) | null = null
  let timer: number | undefined

  async function open(k: string) {
    opening = k
    key = null
    restored.value = false
    try {
      const body = await api.loadDraft(k)
      if (opening !== k) return
      if (body) {
        restore(JSON.parse(body) as T)
        restored.value = true
      }
    } catch (e) {
      showError(e)
    }
    if (opening === k) key = k
  }
  /** After each change: written once typing pauses. */
  function changed() {
    if (!key) return
    const k = key
    window.clearTimeout(timer)
    pending = () => {
      pending = null
      const c = changes()
      draftWrite(() => (c === null ? api.discardDraft(k) : api.saveDraft(k, JSON.stringify(c)))).catch(showError)
    }
    timer = window.setTimeout(pending, 400)
  }
  /** The dialog closes unsaved: what was typed is written now, not lost with the timer. */
  function flush() {
    window.clearTimeout(timer)
    pending?.()
    key = null
    opening = null
  }
  /** Saved (or deliberately started afresh): the draft is done with. */
  async function discard() {
    window.clearTimeout(timer)
    pending = null
    restored.value = false
    const k = key
    if (k) await draftWrite(() => api.discardDraft(k)).catch(showError)
  }
  /**
   * 取消, said on purpose: what was typed is thrown away once the clerk confirms it (as
   * on the registration form). False when they choose to go on typing.
   */
  async function abandon(): Promise<boolean> {
    if (changes() !== null) {
      try {
        await ElMessageBox.confirm(i18n.global.t('register.confirmCancel'), { type: 'warning' })
      } catch {
        return false
      }
    }
    await discard()
    return true
  }
  // The screen goes (another language, another case) while the dialog is open: what was
  // typed in the last moment is written, not lost with the timer.
  onBeforeUnmount(flush)
  return { restored, open, changed, flush, discard, abandon }
}
