// Small pieces the screens share.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api, type Category, type Directory } from './api'
import { fieldOf, showError } from './errors'

const cached = ref<Directory | null>(null)

/** The office's lists for pickers; loaded once, refreshed after Settings changes them. */
export async function useDirectory(fresh = false): Promise<Directory> {
  if (!cached.value || fresh) cached.value = await api.directory()
  return cached.value
}

/**
 * Whether a dialog, a message box, a drop-down or the picture viewer is open: then Esc
 * and the desk's shortcuts are theirs. (A dialog that was closed keeps its overlay, hidden.)
 */
export function overlayOpen(): boolean {
  return !!document.querySelector('.el-overlay:not([style*="display: none"]), .el-popper[aria-hidden="false"], .el-image-viewer__wrapper')
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
  let pending: A | null = null
  const call = (...a: A) => {
    window.clearTimeout(t)
    pending = a
    t = window.setTimeout(() => {
      pending = null
      f(...a)
    }, ms)
  }
  /** Runs a call still waiting now (a screen leaving must not drop the last keystrokes). */
  call.flush = () => {
    window.clearTimeout(t)
    const a = pending
    pending = null
    if (a) f(...a)
  }
  return call
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

/** A stored word (a status, a level, a history action) in the clerk's language; a word
 * the messages do not know shows as stored. */
export function useWord() {
  const { t, te } = useI18n()
  return (group: string, w: string | null | undefined) => (w ? (te(`${group}.${w}`) ? t(`${group}.${w}`) : w) : '')
}
