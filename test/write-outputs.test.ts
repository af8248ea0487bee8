import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { StagedOutputs } from '../generator/run/staged-outputs.js'
import { writeOutputs, type Outputs } from '../generator/run/write-outputs.js'

const bytes = (text: string) => Buffer.from(text)
/** What is left in the staging folder of this process, files and folders. */
const foldersLeft = (out: string) => (readdirSync(join(out, `.wechatpay-codegen-staging-${process.pid}`), { recursive: true }) as string[]).sort()

describe('writeOutputs with outputs staged ahead', () => {
  const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-write-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  test('new folders move in whole, files in existing folders one by one; every file ends up with its content', async () => {
    const out = join(work, 'out')
    mkdirSync(join(out, 'types/a'), { recursive: true })
    writeFileSync(join(out, 'types/a/old.d.ts'), 'old')
    writeFileSync(join(out, 'types/a/same.d.ts'), 'same')
    const outputs: Outputs = new Map([
      ['types/a/old.d.ts', bytes('new')],
      ['types/a/same.d.ts', bytes('same')],
      ['types/b/c/one.d.ts', bytes('one')],
      ['types/b/two.d.ts', bytes('two')],
      ['docs/b/page.md', bytes('page')],
      // Staged with other content (a page made again at the merge): its folder cannot move whole.
      ['docs/c/remade.md', bytes('remade')],
      ['docs/c/other.md', bytes('other')],
    ])
    const staged = new StagedOutputs(out)
    for (const [path, content] of outputs) staged.stage(path, path === 'docs/c/remade.md' ? bytes('first') : (content as Uint8Array))
    await staged.settled()

    const changed = writeOutputs(out, outputs, ['types', 'docs'], new Set(), staged)
    expect(changed.sort()).toEqual(['docs/b/page.md', 'docs/c/other.md', 'docs/c/remade.md', 'types/a/old.d.ts', 'types/b/c/one.d.ts', 'types/b/two.d.ts'])
    // docs/b and types/b were new and held only files to write: they moved whole. docs/c holds a file staged with
    // other content, and types/a was there already: their files moved one by one, leaving behind the folders, the
    // file staged with other content (written anew) and the one already current on disk.
    expect(foldersLeft(out)).toEqual(['docs', 'docs/c', 'docs/c/remade.md', 'types', 'types/a', 'types/a/same.d.ts'])
    await staged.discard()
    for (const [path, content] of outputs) expect(readFileSync(join(out, path), 'utf8'), path).toBe(Buffer.from(content).toString())
    expect(readdirSync(out).sort()).toEqual(['docs', 'types'])
  })

  test('a run whose output folder is new moves each top folder in one rename', async () => {
    const out = join(work, 'fresh')
    const outputs: Outputs = new Map([
      ['types/x/a.d.ts', bytes('a')],
      ['docs/x/a.md', bytes('a')],
    ])
    const staged = new StagedOutputs(out)
    for (const [path, content] of outputs) staged.stage(path, content as Uint8Array)
    await staged.settled()
    expect(writeOutputs(out, outputs, [], new Set(), staged).sort()).toEqual(['docs/x/a.md', 'types/x/a.d.ts'])
    expect(foldersLeft(out)).toEqual([])
    await staged.discard()
    for (const [path, content] of outputs) expect(readFileSync(join(out, path), 'utf8'), path).toBe(Buffer.from(content).toString())
    expect(readdirSync(out).sort()).toEqual(['docs', 'types'])
  })
})
