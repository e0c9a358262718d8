// A kept registration draft that arrives after the clerk started typing fills the rest of
// the form and leaves what was typed alone.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadTs } from './load-ts.mjs'

const load = () => loadTs('draftFill')

const blank = () => ({ complainant_name: '', content: '', media: false, category: null, kind: 'complaint' })

test('a draft loaded late fills only the fields still blank', async () => {
  const { fillBlanks } = await load()
  const form = { ...blank(), complainant_name: '陈女士' }
  fillBlanks(form, blank(), {
    complainant_name: '王先生', content: '地下车库B2层积水', media: true, category: 'A01', kind: 'request', gone: 1,
  })
  assert.deepEqual(form, {
    complainant_name: '陈女士', content: '地下车库B2层积水', media: true, category: 'A01', kind: 'request',
  })
})

test('on a form nobody has typed in yet the whole draft comes back', async () => {
  const { fillBlanks } = await load()
  const form = blank()
  const draft = { complainant_name: '王先生', content: '电梯异响', media: false, category: 'B01', kind: 'complaint' }
  fillBlanks(form, blank(), draft)
  assert.deepEqual(form, draft)
})
