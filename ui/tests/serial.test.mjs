// Draft writes reach the ledger in the order they were made, however long each takes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadTs } from './load-ts.mjs'

const load = () => loadTs('serial')

const after = (ms, what, done) => () => new Promise((ok) => setTimeout(() => ok(done.push(what)), ms))

test('a slow save asked for first lands before the discard that follows it', async () => {
  const { serial } = await load()
  const inOrder = serial()
  const done = []
  await Promise.all([inOrder(after(30, 'save', done)), inOrder(after(1, 'discard', done))])
  assert.deepEqual(done, ['save', 'discard'])
})

test('a write that fails does not hold up the next, and its caller hears of it', async () => {
  const { serial } = await load()
  const inOrder = serial()
  const done = []
  const failed = inOrder(() => Promise.reject(new Error('disk full')))
  const next = inOrder(after(1, 'discard', done))
  await assert.rejects(failed, /disk full/)
  await next
  assert.deepEqual(done, ['discard'])
})
