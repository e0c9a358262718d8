// Picking photos and scans for a case, the same on the case's 附件 tab and on the
// registration form: the system's open dialog, or files dragged onto the window.
import { onBeforeUnmount, onMounted, ref, shallowReactive, watch } from 'vue'
import { open as openDialog } from '@tauri-apps/plugin-dialog'
import { getCurrentWebview } from '@tauri-apps/api/webview'
import { i18n } from './i18n'
import type { Attachment } from './api'
import { session } from './session'
import { showError } from './errors'

/** Pictures the app shows as thumbnails, by extension, with their MIME types. */
export const PICTURES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp' }
const SCANS = ['pdf', 'tif', 'tiff']

/** Whether a file's name says it is a picture the app shows as a thumbnail. */
export const isPicture = (name: string) => (name.split('.').pop()?.toLowerCase() ?? '') in PICTURES

/**
 * Thumbnails for the pictures among `items()` (each a key and its file name), by key:
 * blob URLs of the small JPEGs `load` fetches from the core, fetched as items appear and
 * released when they go or the screen closes. One that cannot be made has none (the
 * screen shows the file's kind or name instead).
 */
export function useThumbnails<K extends string | number>(items: () => { key: K; name: string }[], load: (key: K) => Promise<ArrayBuffer>) {
  const urls = shallowReactive(new Map<K, string>())
  const asked = new Set<K>() // being fetched, so a change meanwhile does not ask again
  let gone = false
  watch(
    items,
    async (list) => {
      const keys = new Set(list.map((i) => i.key))
      for (const [k, url] of [...urls]) {
        if (keys.has(k)) continue
        URL.revokeObjectURL(url)
        urls.delete(k)
      }
      for (const { key, name } of list) {
        if (!isPicture(name) || urls.has(key) || asked.has(key)) continue
        asked.add(key)
        try {
          const bytes = await load(key)
          if (!gone && items().some((i) => i.key === key)) urls.set(key, URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' })))
        } catch {
          // Not a picture after all, or the file is gone: saving or opening says why.
        } finally {
          asked.delete(key)
        }
      }
    },
    { immediate: true },
  )
  onBeforeUnmount(() => {
    gone = true
    urls.forEach((u) => URL.revokeObjectURL(u))
  })
  return urls
}

/**
 * Pictures opened large in the in-app viewer (`el-image-viewer`), for the case's 附件 list
 * and the registration form alike. `pictures()` lists each one's key and thumbnail URL;
 * the thumbnail stands in until `load` has fetched the picture at full size, which is
 * asked only for the one shown, and every full-size one is released when the viewer
 * closes or the screen goes. `show(key)` opens it; bind `viewing`, `large`, `loadAt`
 * (on `switch`) and `close` to the viewer.
 */
export function useLargeViewer<K>(pictures: () => { key: K; thumb: string }[], load: (key: K) => Promise<Blob>) {
  const viewing = ref(-1)
  const large = ref<string[]>([])
  let keys: K[] = []
  async function show(key: K) {
    const list = pictures()
    keys = list.map((p) => p.key)
    large.value = list.map((p) => p.thumb)
    viewing.value = keys.indexOf(key)
    await loadAt(viewing.value)
  }
  async function loadAt(index: number) {
    const key = keys[index]
    const thumb = pictures().find((p) => p.key === key)?.thumb
    if (key === undefined || large.value[index] !== thumb) return // fetched already
    try {
      const url = URL.createObjectURL(await load(key))
      if (viewing.value < 0) URL.revokeObjectURL(url)
      else large.value = large.value.map((u, i) => (i === index ? url : u))
    } catch (e) {
      showError(e)
    }
  }
  function release() {
    const small = new Set(pictures().map((p) => p.thumb))
    large.value.filter((u) => !small.has(u)).forEach((u) => URL.revokeObjectURL(u))
    large.value = []
  }
  function close() {
    viewing.value = -1
    release()
  }
  onBeforeUnmount(release)
  return { viewing, large, show, loadAt, close }
}

/** The attachments a case shows and counts: all but those withdrawn as added by mistake. */
export const inUse = (all: Attachment[]) => all.filter((a) => !a.withdrawn_at)

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

/**
 * Files dragged from the file manager (or a chat program's folder) onto the window are
 * handed to `dropped` as if picked, while `here()` says the screen taking them is the one
 * shown and the lock screen does not cover it. `dragging` is true while files are held
 * over the window, for a drop hint.
 */
export function useFileDrop(here: () => boolean, dropped: (paths: string[]) => void) {
  const dragging = ref(false)
  let unlisten: (() => void) | null = null
  let gone = false
  onMounted(async () => {
    try {
      const stop = await getCurrentWebview().onDragDropEvent((e) => {
        const p = e.payload
        if (session.locked || !here()) {
          dragging.value = false
          return
        }
        if (p.type === 'enter' || p.type === 'over') dragging.value = true
        else if (p.type === 'leave') dragging.value = false
        else {
          dragging.value = false
          dropped(p.paths)
        }
      })
      if (gone) stop()
      else unlisten = stop
    } catch {
      // No drag and drop here: the button still adds files.
    }
  })
  onBeforeUnmount(() => {
    gone = true
    unlisten?.()
  })
  return dragging
}
