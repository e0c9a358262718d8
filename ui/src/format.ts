// Dates as the clerks read them: 2026年11月22日 14:30 in Chinese, 2026-11-22 14:30 in English.
import { i18n } from './i18n'

/** Stored times are "YYYY-MM-DD HH:MM[:SS]" in the office's own clock. */
export function fmtTime(s: string | null | undefined): string {
  if (!s) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(s)
  if (!m) return s
  const [, y, mo, d, h, mi] = m
  const time = h ? ` ${h}:${mi}` : ''
  if (i18n.global.locale.value === 'en') return `${y}-${mo}-${d}${time}`
  return `${y}年${Number(mo)}月${Number(d)}日${time}`
}

export function fmtPercent(v: number | null | undefined): string {
  return v == null ? '—' : `${(v * 100).toFixed(1)}%`
}

/** An amount the ledger keeps in fen, in yuan as the clerk types it (500.00). */
export const yuan = (fen: number) => (fen / 100).toFixed(2)

/** Office-hours periods as the clerk types them ("08:30-12:00, 13:30-17:30"); — for a day off. */
export const periodsText = (ps: { start: string; end: string }[] | undefined) =>
  ps?.length ? ps.map((p) => `${p.start.slice(0, 5)}-${p.end.slice(0, 5)}`).join(', ') : '—'

/** A file's size as a file manager shows it: 820 B, 56 KB, 3.4 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The file name a path ends in, whichever separator the computer uses (Windows or Linux). */
export const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path
