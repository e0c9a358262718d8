// The three message files must have the same keys: no screen shows an untranslated label.
// The files are plain object literals, so Node loads them as JavaScript modules as they are.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'

async function load(name) {
  const src = readFileSync(new URL(`../src/i18n/${name}.ts`, import.meta.url), 'utf8')
  const url = 'data:text/javascript;base64,' + Buffer.from(src).toString('base64')
  return (await import(url)).default
}

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

test('zh-TW and en have exactly the keys of zh-CN', async () => {
  const base = keys(await load('zh-CN')).sort()
  for (const other of ['zh-TW', 'en']) {
    assert.deepEqual(keys(await load(other)).sort(), base, `${other} differs from zh-CN`)
  }
})

test('no message is left empty or copied untranslated into English', async () => {
  const zh = await load('zh-CN')
  const en = await load('en')
  const flat = (o) => Object.fromEntries(keys(o).map((k) => [k, k.split('.').reduce((a, p) => a[p], o)]))
  const z = flat(zh)
  for (const [k, v] of Object.entries(flat(en))) {
    assert.ok(String(v).length > 0, `en ${k} is empty`)
    assert.ok(!/[\u4e00-\u9fff]/.test(String(v)), `en ${k} still has Chinese: ${v}`)
    assert.ok(String(z[k]).length > 0, `zh-CN ${k} is empty`)
  }
})

// The core names fields in its error messages, the printed forms, the workbook and the
// timeline; a form label that names the same field otherwise leaves the clerk guessing
// which box the message means. So each `fields.*` label the screens share with the core
// reads the same, in every language.
test('the screens name each field as the core does', async () => {
  const rust = readFileSync(new URL('../../src-tauri/crates/ledger/src/i18n.rs', import.meta.url), 'utf8')
  const start = rust.indexOf('const FIELDS')
  const table = rust.slice(start, rust.indexOf('\n];', start))
  const core = [...table.matchAll(/\(\s*"([^"]+)",\s*"([^"]+)",\s*"([^"]+)",\s*"([^"]+)",?\s*\)/g)]
  assert.ok(core.length > 50, 'the core field table was not found')
  const ui = { 'zh-CN': await load('zh-CN'), 'zh-TW': await load('zh-TW'), en: await load('en') }
  let shared = 0
  for (const [, key, cn, tw, en] of core) {
    if (!(key in ui['zh-CN'].fields)) continue
    shared++
    for (const [lang, want] of [['zh-CN', cn], ['zh-TW', tw], ['en', en]]) {
      assert.equal(ui[lang].fields[key], want, `${lang} fields.${key}`)
    }
  }
  assert.ok(shared > 30, `only ${shared} fields shared with the core`)
})
