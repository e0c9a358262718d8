// What a screen's user set on it (filters, months, files, the tab), kept for the
// session of the staff member who set it: back from another screen, or with the screen
// drawn afresh in another language (App.vue re-mounts it), it is as it was left.
// Another staff member signing in starts from the screen's blank state.
import { reactive } from 'vue'
import { session } from './session'

const kept = new Map<string, { by: string | null; state: object }>()

/** The kept state of `screen`, or `blank()` made reactive when there is none for the
 * staff member at the desk. */
export function keptFor<T extends object>(screen: string, blank: () => T): T {
  const me = session.staff?.code ?? null
  let k = kept.get(screen)
  if (!k || k.by !== me) {
    k = { by: me, state: reactive(blank()) }
    kept.set(screen, k)
  }
  return k.state as T
}
