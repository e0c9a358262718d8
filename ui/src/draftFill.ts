/**
 * A kept draft put back under what the clerk has typed since the form opened: each field
 * still at its blank value takes the draft's, a typed one keeps what was typed. Fields the
 * form does not have (a draft kept by an older version) are left out.
 */
export function fillBlanks(form: object, blank: object, draft: object) {
  const now = form as Record<string, unknown>
  const empty = blank as Record<string, unknown>
  for (const [k, v] of Object.entries(draft)) {
    if (k in empty && JSON.stringify(now[k]) === JSON.stringify(empty[k])) now[k] = v
  }
}
