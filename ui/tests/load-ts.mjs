// Loads one of the UI's self-contained TypeScript modules (no imports of its own) for the
// node tests, transpiled as Vite would, without building the app.
import { readFileSync } from 'node:fs'
import ts from 'typescript'

/** The module `src/<name>.ts`, imported. */
export async function loadTs(name) {
  const src = readFileSync(new URL(`../src/${name}.ts`, import.meta.url), 'utf8')
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 } }).outputText
  return import('data:text/javascript;base64,' + Buffer.from(js).toString('base64'))
}
