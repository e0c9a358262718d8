// Picking photos and scans for a case: one open dialog, the same on the case's 附件 tab
// and on the registration form (for the case just saved).
import { open as openDialog } from '@tauri-apps/plugin-dialog'
import { i18n } from './i18n'

/** Pictures the app shows as thumbnails, by extension, with their MIME types. */
export const PICTURES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp' }
const SCANS = ['pdf', 'tif', 'tiff']

/** The files picked in the system's open dialog (none when it was cancelled). */
export async function pickFiles(): Promise<string[]> {
  const t = i18n.global.t
  const picked = await openDialog({
    multiple: true,
    filters: [
      { name: t('attachments.picturesAndScans'), extensions: [...Object.keys(PICTURES), ...SCANS] },
      { name: t('attachments.anyFile'), extensions: ['*'] },
    ],
  })
  return picked == null ? [] : Array.isArray(picked) ? picked : [picked]
}
