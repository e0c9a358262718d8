// Who is at the desk, and the office: shown on every screen, sent with every write.
import { computed, reactive } from 'vue'
import { api, type AppInfo, type Rights, type Staff } from './api'

/** `lang`: the language the core answers in (its explanations, refusals and the change
 * log's words), set once the shell has taken the clerk's choice; screens showing such
 * text fetch it again when it changes. `locked`: the lock screen covers the window, so
 * nothing under it takes input (not even files dropped onto it). */
export const session = reactive<{ info: AppInfo | null; staff: Staff | null; lang: string | null; locked: boolean }>({
  info: null,
  staff: null,
  lang: null,
  locked: false,
})

const NONE: Rights = { view_access_log: false, edit_settings: false, manage_staff: false, restore: false, open_withdrawn_attachment: false }
/** What the staff member at the desk may do beyond a clerk's work: the core's answer, so
 * the screens offer only what it would allow. Nothing while no one is signed in. */
export const rights = computed<Rights>(() => (session.staff && session.info?.rights) || NONE)

export async function loadInfo(): Promise<AppInfo> {
  const info = await api.appInfo()
  session.info = info
  session.staff = info.signed_in
  session.locked = info.locked
  return info
}
