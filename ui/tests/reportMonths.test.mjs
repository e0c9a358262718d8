// The months the Reports screen keeps: the clerk's choice holds within the reporting
// month; a window left open into the next month offers the new one.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadTs } from './load-ts.mjs'

const load = () => loadTs('reportMonths')

const blank = () => ({ month: '', today: '', ex: { from: '', to: '' }, forms: { month: '', day: '' } })

test('the first visit offers the reporting month and today', async () => {
  const { freshenMonths } = await load()
  const s = blank()
  freshenMonths(s, '2026-11', '2026-12-02')
  assert.deepEqual(s.ex, { from: '2026-11', to: '2026-11' })
  assert.deepEqual(s.forms, { month: '2026-11', day: '2026-12-02' })
})

test('within the same month and day the months the clerk chose stay', async () => {
  const { freshenMonths } = await load()
  const s = blank()
  freshenMonths(s, '2026-11', '2026-12-02')
  Object.assign(s.ex, { from: '2026-09', to: '2026-10' })
  Object.assign(s.forms, { month: '2026-10', day: '2026-11-30' })
  freshenMonths(s, '2026-11', '2026-12-02')
  assert.deepEqual(s.ex, { from: '2026-09', to: '2026-10' })
  assert.deepEqual(s.forms, { month: '2026-10', day: '2026-11-30' })
})

test('a new day offers its slips but keeps the chosen months', async () => {
  const { freshenMonths } = await load()
  const s = blank()
  freshenMonths(s, '2026-11', '2026-12-02')
  Object.assign(s.ex, { from: '2026-09', to: '2026-10' })
  freshenMonths(s, '2026-11', '2026-12-03')
  assert.deepEqual(s.ex, { from: '2026-09', to: '2026-10' })
  assert.equal(s.forms.day, '2026-12-03')
})

test('a window left open into the next reporting month offers the new month', async () => {
  const { freshenMonths } = await load()
  const s = blank()
  freshenMonths(s, '2026-11', '2026-12-02')
  Object.assign(s.ex, { from: '2026-09', to: '2026-10' })
  freshenMonths(s, '2026-12', '2027-01-03')
  assert.deepEqual(s.ex, { from: '2026-12', to: '2026-12' })
  assert.deepEqual(s.forms, { month: '2026-12', day: '2027-01-03' })
})
