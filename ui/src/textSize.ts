// Each staff member's text size (the core keeps it with them): how much the window zooms,
// and the step the keyboard takes from one size to the next.
import type { TextSize } from './api/types'

/** The window's zoom for each size: the whole page scales, so tables and dialogs keep
 * their proportions (a larger font alone would break their columns). */
export const ZOOM: Record<TextSize, number> = { standard: 1, large: 1.15, larger: 1.3 }

/** The size `step` (+1 larger, -1 smaller) away from `current` in `sizes`, kept within
 * them; 0 goes back to the first (standard). */
export function stepSize(sizes: readonly TextSize[], current: TextSize, step: -1 | 0 | 1): TextSize {
  if (step === 0) return sizes[0]
  const at = Math.max(0, sizes.indexOf(current))
  return sizes[Math.min(sizes.length - 1, Math.max(0, at + step))]
}
