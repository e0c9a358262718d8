// Small pieces the screens share.
import { ref } from 'vue'
import { api, type Category, type Directory } from './api'

const cached = ref<Directory | null>(null)

/** The office's lists for pickers; loaded once, refreshed after Settings changes them. */
export async function useDirectory(fresh = false): Promise<Directory> {
  if (!cached.value || fresh) cached.value = await api.directory()
  return cached.value
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
