/**
 * A queue of writes: each starts once the one asked for before it has finished (or
 * failed). The shell serves commands side by side, so two writes sent back to back may
 * reach the ledger in either order; for drafts that would let a save still on its way
 * land after the discard that followed it, and bring a saved form's draft back.
 */
export function serial() {
  let last: Promise<unknown> = Promise.resolve()
  return <T>(write: () => Promise<T>): Promise<T> => {
    const next = last.then(write)
    last = next.catch(() => undefined)
    return next
  }
}
