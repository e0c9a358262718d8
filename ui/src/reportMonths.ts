// The months the Reports screen works on, kept while the window stays open (kept.ts):
// what the clerk set holds only while it is still the same reporting month and day.

/** The kept Reports state this rule reads and changes. */
export interface ReportMonths {
  /** The office's reporting month and day the months below were set in. */
  month: string
  today: string
  ex: { from: string; to: string }
  forms: { month: string; day: string }
}

/** Brings `s` to the office's reporting `month` and `today`: the first time, or once the
 * month (or the day) has moved on since, the export and the notice are for the reporting
 * month and the day's slips for today; otherwise what the clerk chose stays. */
export function freshenMonths(s: ReportMonths, month: string, today: string): void {
  if (s.month !== month) {
    s.ex.from = month
    s.ex.to = month
    s.forms.month = month
  }
  if (s.today !== today) s.forms.day = today
  s.month = month
  s.today = today
}
