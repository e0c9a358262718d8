// Who is at the desk, and the office: shown on every screen, sent with every write.
import { reactive } from 'vue'
import { api, type AppInfo, type Staff } from './api'

export const session = reactive<{ info: AppInfo | null; staff: Staff | null }>({
  info: null,
  staff: null,
})

export async function loadInfo(): Promise<AppInfo> {
  const info = await api.appInfo()
  session.info = info
  session.staff = info.signed_in
  return info
}
