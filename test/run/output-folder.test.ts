import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { hashContent } from '../../generator/run/hash.js'
import { MANIFEST, manifestText, readManifest } from '../../generator/run/manifest.js'
import type { Outputs } from '../../generator/run/merge-pages.js'
import { commitOutputs, recoverCommit, STAGING } from '../../generator/run/output-commit.js'
import { planOutputs } from '../../generator/run/output-plan.js'
import { StagedOutputs } from '../../generator/run/staged-outputs.js'

const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-out-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
let folders = 0
/** A fresh output folder holding `files`. */
function folderWith(files: Record<string, string>): string {
  const out = join(work, `out-${folders++}`)
  mkdirSync(out)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(out, path)), { recursive: true })
    writeFileSync(join(out, path), text)
  }
  return out
}

type Case = [name: string, given: { disk?: string; manifest?: string; output?: string; force?: boolean }, want: { action?: 'write' | 'remove'; rule?: string }]

// One path, `types/a.d.ts`: what is on disk, what the manifest says was written there, what the run makes of it.
const cases: Case[] = [
  ['missing: written', { output: 'new' }, { action: 'write' }],
  ['already the output: left alone', { disk: 'new', output: 'new' }, {}],
  ['as the generator wrote it: replaced', { disk: 'old', manifest: 'old', output: 'new' }, { action: 'write' }],
  ['edited since it was written: refused', { disk: 'edited', manifest: 'old', output: 'new' }, { rule: 'output-edited' }],
  ['not in the manifest: refused', { disk: 'mine', output: 'new' }, { rule: 'output-not-owned' }],
  ['not in the manifest, with --force: taken over', { disk: 'mine', output: 'new', force: true }, { action: 'write', rule: 'output-taken-over' }],
  ['edited, with --force: taken over', { disk: 'edited', manifest: 'old', output: 'new', force: true }, { action: 'write', rule: 'output-taken-over' }],
  ['written before, no longer an output: removed', { disk: 'old', manifest: 'old' }, { action: 'remove' }],
  ['written before, edited, no longer an output: kept', { disk: 'edited', manifest: 'old' }, { rule: 'output-edited' }],
  ['written before, edited, no longer an output, with --force: removed', { disk: 'edited', manifest: 'old', force: true }, { action: 'remove', rule: 'output-taken-over' }],
  ['written before, gone already: nothing', { manifest: 'old' }, {}],
  ['a file nobody named: never touched', { disk: 'mine' }, {}],
]

describe('planOutputs: only files the manifest has, as it has them, are replaced or removed', () => {
  test.each(cases)('%s', (_, given, want) => {
    const path = 'types/a.d.ts'
    const out = folderWith(given.disk === undefined ? {} : { [path]: given.disk })
    const outputs: Outputs = new Map(given.output === undefined ? [] : [[path, given.output]])
    const manifest = given.manifest === undefined ? new Map<string, string>() : new Map([[path, hashContent(given.manifest)]])
    const plan = planOutputs(out, outputs, manifest, { force: given.force ?? false, label: 'out' })
    expect({ write: plan.write, remove: plan.remove }).toEqual({ write: want.action === 'write' ? [path] : [], remove: want.action === 'remove' ? [path] : [] })
    expect(plan.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(want.rule ? [`out/${path}:1:1 ${want.rule}`] : [])
  })

  test('a path through a symlink, or not plain, is refused even with --force', () => {
    const out = folderWith({})
    const elsewhere = folderWith({ 'x.md': 'theirs' })
    symlinkSync(elsewhere, join(out, 'docs'))
    const outputs: Outputs = new Map([['docs/x.md', 'ours'], ['../escaped.md', 'ours'], ['a/./b.md', 'ours']])
    const manifest = new Map([['docs/x.md', hashContent('theirs')]])
    const plan = planOutputs(out, outputs, manifest, { force: true, label: 'out' })
    expect(plan.write).toEqual([])
    expect(plan.diagnostics.map((d) => d.ruleId)).toEqual(['output-unsafe', 'output-unsafe', 'output-unsafe'])
    expect(readFileSync(join(elsewhere, 'x.md'), 'utf8')).toBe('theirs')
  })

  test('a damaged manifest, or one naming unsafe paths, owns nothing of them', () => {
    const out = folderWith({ [MANIFEST]: '{"files": {"../x": "' + 'a'.repeat(64) + '", "types/a.d.ts": "' + hashContent('old') + '"}}' })
    expect([...readManifest(out)!.keys()]).toEqual(['types/a.d.ts'])
    writeFileSync(join(out, MANIFEST), '{"files": ')
    expect(readManifest(out)).toBeUndefined()
  })
})

describe('staged outputs and the commit', () => {
  test('new folders move in whole, files in existing folders one by one; every file ends up with its content', async () => {
    const out = folderWith({ 'types/a/old.d.ts': 'old', 'types/a/same.d.ts': 'same' })
    const outputs: Outputs = new Map([
      ['types/a/old.d.ts', Buffer.from('new')],
      ['types/a/same.d.ts', Buffer.from('same')],
      ['types/b/c/one.d.ts', Buffer.from('one')],
      ['types/b/two.d.ts', Buffer.from('two')],
      ['docs/b/page.md', Buffer.from('page')],
      // Staged with other content (a page made again at the merge): its folder cannot move whole.
      ['docs/c/remade.md', Buffer.from('remade')],
      ['docs/c/other.md', Buffer.from('other')],
    ])
    const staged = new StagedOutputs(join(out, STAGING))
    for (const [path, content] of outputs) staged.stage(path, path === 'docs/c/remade.md' ? Buffer.from('first') : (content as Uint8Array))
    await staged.settled()
    const plan = planOutputs(out, outputs, readManifest(out), { label: 'out' })
    expect(plan.write).toEqual(['docs/b/page.md', 'docs/c/other.md', 'docs/c/remade.md', 'types/a/old.d.ts', 'types/b/c/one.d.ts', 'types/b/two.d.ts'].filter((p) => p !== 'types/a/old.d.ts'))
    expect(plan.diagnostics.map((d) => d.ruleId)).toEqual(['output-not-owned'])
    const writes = [...plan.write, 'types/a/old.d.ts'].sort()
    const moves = staged.moves(out, writes, outputs)
    // docs/ and types/b were new and hold only files to write (the file staged with other content is staged again
    // first): they move whole; types/ holds a file already current, so types/a/old.d.ts moves alone.
    expect(moves).toEqual([['docs', 'docs'], ['types/b', 'types/b'], ['types/a/old.d.ts', 'types/a/old.d.ts']])
    commitOutputs(out, { moves, removes: [] })
    for (const [path, content] of outputs) expect(readFileSync(join(out, path), 'utf8'), path).toBe(Buffer.from(content).toString())
    expect(readdirSync(join(out, '.wechatpay-codegen'))).toEqual([])
  })

  test('a commit cut short is carried out to the end by the next run', () => {
    const out = folderWith({ 'types/a.d.ts': 'old a', 'types/gone.d.ts': 'gone', 'docs/keep.md': 'keep' })
    const outputs: Outputs = new Map([['types/a.d.ts', 'new a'], ['types/b.d.ts', 'new b']])
    const staged = new StagedOutputs(join(out, STAGING))
    const moves = staged.moves(out, ['types/a.d.ts', 'types/b.d.ts'], outputs)
    // The record is written, then the run is killed after its first rename.
    writeFileSync(join(out, '.wechatpay-codegen/commit.json'), JSON.stringify({ moves, removes: ['types/gone.d.ts', '../../outside'] }))
    const [[from, to]] = moves as [[string, string]]
    rmSync(join(out, to))
    writeFileSync(join(out, to), readFileSync(join(out, STAGING, from)))
    rmSync(join(out, STAGING, from))
    expect(recoverCommit(out)).toBe(true)
    expect(readFileSync(join(out, 'types/a.d.ts'), 'utf8')).toBe('new a')
    expect(readFileSync(join(out, 'types/b.d.ts'), 'utf8')).toBe('new b')
    expect(existsSync(join(out, 'types/gone.d.ts'))).toBe(false)
    expect(readFileSync(join(out, 'docs/keep.md'), 'utf8')).toBe('keep')
    expect(readdirSync(join(out, '.wechatpay-codegen'))).toEqual([])
  })

  test('the manifest lists every output with the hash of its content, sorted, and reads back', () => {
    const out = folderWith({})
    const outputs: Outputs = new Map<string, string | Uint8Array>([['types/b.d.ts', 'b'], ['client.ts', Buffer.from('c')]])
    mkdirSync(join(out, '.wechatpay-codegen'))
    writeFileSync(join(out, MANIFEST), manifestText(outputs))
    expect([...readManifest(out)!]).toEqual([['client.ts', hashContent('c')], ['types/b.d.ts', hashContent('b')]])
  })
})
