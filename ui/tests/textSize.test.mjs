// The keyboard's text-size steps: Ctrl+= larger, Ctrl+- smaller, Ctrl+0 standard, never
// past the largest or below the standard size.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadTs } from './load-ts.mjs'

const SIZES = ['standard', 'large', 'larger']

test('steps go up and down one size and stop at either end', async () => {
  const { stepSize } = await loadTs('textSize')
  assert.equal(stepSize(SIZES, 'standard', 1), 'large')
  assert.equal(stepSize(SIZES, 'large', 1), 'larger')
  assert.equal(stepSize(SIZES, 'larger', 1), 'larger')
  assert.equal(stepSize(SIZES, 'large', -1), 'standard')
  assert.equal(stepSize(SIZES, 'standard', -1), 'standard')
  assert.equal(stepSize(SIZES, 'larger', 0), 'standard')
})

test('every size zooms more than the one before it', async () => {
  const { ZOOM } = await loadTs('textSize')
  const zooms = SIZES.map((s) => ZOOM[s])
  assert.equal(zooms[0], 1)
  assert.deepEqual([...zooms].sort((a, b) => a - b), zooms)
  assert.equal(new Set(zooms).size, zooms.length)
})
