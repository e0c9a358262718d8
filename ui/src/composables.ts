// Small pieces the screens share.
import { ref } from 'vue'
import { api, type Category, type Directory } from './api'
import { fieldOf, showError } from './errors'

const cached = ref<Directory | null>(null)

/** The office's lists for pickers; loaded once, refreshed after Settings changes them. */
export async function useDirectory(fresh = false): Promise<Directory> {
  if (!cached.value || fresh) cached.value = await api.directory()
  return cached.value
}

/**
 * Whether a dialog, a message box or a drop-down is open: then Esc and the desk's
 * shortcuts are theirs. (A dialog that was closed keeps its overlay, hidden.)
 */
export function overlayOpen(): boolean {
  return !!document.querySelector('.el-overlay:not([style*="display: none"]), .el-popper[aria-hidden="false"]')
}

// A type alias rather than an interface, so it fits the cascader's open option type.
export type CategoryOption = {
  value: string
  label: string
  children?: CategoryOption[]
}

/** First-level categories of a kind with their second-level items, for the cascader. */
export function categoryTree(all: Category[], kind: string | null): CategoryOption[] {
  return all
    .filter((c) => c.parent_code === null && (!kind || c.kind === kind))
    .map((p) => {
      const children = all
        .filter((c) => c.parent_code === p.code)
        .map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))
      return { value: p.code, label: `${p.code} ${p.name}`, children: children.length ? children : undefined }
    })
}

/** Runs `f` once typing has paused for `ms`. */
export function debounce<A extends unknown[]>(f: (...a: A) => void, ms: number) {
  let t: number | undefined
  return (...a: A) => {
    window.clearTimeout(t)
    t = window.setTimeout(() => f(...a), ms)
  }
}

/** A form's one write at a time: busy while it runs; a core error is shown and kept with
 * the field it names, for the form to put under that field (`err`). */
export function useSubmit() {
  const busy = ref(false)
  const errorField = ref<string | null>(null)
  const errorMessage = ref('')
  async function run(write: () => Promise<void>) {
    if (busy.value) return
    busy.value = true
    errorField.value = null
    try {
      await write()
    } catch (e) {
      errorField.value = fieldOf(e)
      errorMessage.value = e instanceof Error ? e.message : String(e)
      showError(e)
    } finally {
      busy.value = false
    }
  }
  /** The last error's message if it is about one of `fields` (the core's names). */
  const err = (...fields: string[]) => (errorField.value && fields.includes(errorField.value) ? errorMessage.value : '')
  return { busy, errorField, run, err }
}

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
      ;(c === null ? api.discardDraft(k) : api.saveDraft(k, JSON.stringify(c))).catch(showError)
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
    if (key) await api.discardDraft(key).catch(showError)
  }
  return { restored, open, changed, flush, discard }
}
