import { ElMessage } from 'element-plus'
import { DeskError } from './api'

/** Shows an error from the core in the clerk's language (the core already translated it). */
export function showError(e: unknown) {
  const message = e instanceof DeskError ? e.message : String(e)
  ElMessage({ type: 'error', message, duration: 6000, showClose: true })
}

/** The form field an error is about, for putting the message under that field. */
export function fieldOf(e: unknown): string | null {
  return e instanceof DeskError ? e.field : null
}
