import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { MANIFEST, manifestText, readManifest } from '../../generator/run/manifest.js'
import type { Outputs } from '../../generator/run/merge-pages.js'
import { loadRecord, recordedOutputs, saveRecord } from '../../generator/run/run-record.js'

const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-record-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

type Case = [
  name: string,
  given: { output?: string; key?: string; edit?: 'file' | 'manifest' },
  want: { state: 'current' | 'owned' | 'read by the plan' },
]

// The last run wrote `a.d.ts` = 'old' from a page with key 'k1' and recorded it; what this run knows of it unread.
const cases: Case[] = [
  ['same page key, file as recorded: current', { key: 'k1' }, { state: 'current' }],
  ['another page key, same content: current', { key: 'k2' }, { state: 'current' }],
  ['another content, file as recorded: owned, replaced unread', { key: 'k2', output: 'new' }, { state: 'owned' }],
  ['a merged output (no page) with another content: owned', { output: 'new' }, { state: 'owned' }],
  ['the file edited since: left to the plan', { key: 'k1', output: 'new', edit: 'file' }, { state: 'read by the plan' }],
  ['the manifest edited since: its hashes are not trusted', { key: 'k2', output: 'new', edit: 'manifest' }, { state: 'read by the plan' }],
]

test.each(cases)('%s', (name, given, want) => {
  const out = join(work, name.replace(/\W+/g, '-'))
  mkdirSync(join(out, '.wechatpay-codegen'), { recursive: true })
  const last: Outputs = new Map([['a.d.ts', 'old']])
  last.set(MANIFEST, manifestText(last))
  for (const [path, text] of last) writeFileSync(join(out, path), text)
  const recordFile = join(out, 'record.json')
  saveRecord(recordFile, out, { run: 'r', pages: 1, operations: 1, diagnostics: [] }, last, new Map([['a.d.ts', 'k1']]))
  // A later write, with the times put back, still changes ctime: the edit is seen.
  const edited = given.edit === 'file' ? 'a.d.ts' : given.edit === 'manifest' ? MANIFEST : undefined
  if (edited) {
    writeFileSync(join(out, edited), `${edited === MANIFEST ? manifestText(new Map([['a.d.ts', 'new']])) : 'new'}`)
    utimesSync(join(out, edited), new Date(0), new Date(0))
  }
  const output = given.output ?? 'old'
  const origins = new Map(given.key ? [['a.d.ts', given.key]] : [])
  const found = recordedOutputs(out, new Map([['a.d.ts', output]]), origins, loadRecord(recordFile), readManifest(out))
  const state = found.current.has('a.d.ts') ? 'current' : found.owned.has('a.d.ts') ? 'owned' : 'read by the plan'
  expect(state).toBe(want.state)
  expect(found.hashes.get('a.d.ts')).toBe(readManifestOf(output))
})

/** The hash a manifest records for content `text`. */
function readManifestOf(text: string): string {
  return /"a\.d\.ts": "([0-9a-f]{64})"/.exec(manifestText(new Map([['a.d.ts', text]])))![1]!
}
