// The page pipeline through the compiled CLI: worker threads, the page cache, incremental runs, watch, and writes
// that survive being cut short. No timing asserts: times are printed, not checked.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { listPages } from '../../generator/run/list-pages.js'
import { corpusDir, docsDir, hasCorpus, projectDir } from '../helpers.js'

const cli = join(projectDir, 'dist/generator/cli.js')
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' })

/** Every file under `dir`, by relative path. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  return new Map(files.map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')]))
}

describe('page pipeline', () => {
  let work: string
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-pipeline-'))
    cpSync(docsDir, join(work, 'docs'), { recursive: true })
    // Sixty corpus pages beside the project's own, for a run that spreads over the workers.
    if (hasCorpus) for (const page of listPages(corpusDir).filter((_, i) => i % 18 === 0)) cpSync(join(corpusDir, page), join(work, 'docs', page))
  })
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  test('uncached, cold-cache and warm-cache runs give byte-identical output', () => {
    const plain = run(['generate', '--out', 'plain', '--no-cache'], work)
    const cold = run(['generate', '--out', 'cold', '--cache-dir', 'cache'], work)
    const warm = run(['generate', '--out', 'warm', '--cache-dir', 'cache'], work)
    for (const r of [plain, cold, warm]) expect(r.status).toBe(0)
    const pages = listPages(join(work, 'docs')).length
    expect(cold.stderr).toContain(`(${pages} built, 0 cached)`)
    expect(warm.stderr).toContain(`(0 built, ${pages} cached)`)
    const expected = snapshot(join(work, 'plain'))
    expect(expected.size).toBeGreaterThan(pages)
    expect(snapshot(join(work, 'cold'))).toEqual(expected)
    expect(snapshot(join(work, 'warm'))).toEqual(expected)
    // Not a terminal: no progress line.
    expect(cold.stderr).not.toContain('\r')
  })

  test('damaged cache entries are built again, to the same output', () => {
    expect(run(['generate', '--out', 'whole', '--cache-dir', 'damaged-cache'], work).status).toBe(0)
    const root = join(work, 'damaged-cache')
    const entries = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json') && !f.startsWith('runs'))
    const damaged = entries.filter((_, i) => i % 3 === 0)
    for (const [i, entry] of damaged.entries()) {
      const file = join(root, entry)
      // Cut short, lengthened, or not an entry at all.
      const bytes = readFileSync(file)
      writeFileSync(file, [bytes.subarray(0, bytes.length >> 1), Buffer.concat([bytes, Buffer.from('\n')]), Buffer.from('{}\n')][i % 3]!)
    }
    const again = run(['generate', '--out', 'rebuilt', '--cache-dir', 'damaged-cache'], work)
    expect(again.status).toBe(0)
    expect(again.stderr).toContain(`(${damaged.length} built, ${entries.length - damaged.length} cached)`)
    expect(snapshot(join(work, 'rebuilt'))).toEqual(snapshot(join(work, 'whole')))
  })

  test('an unchanged run makes nothing; an output edited or removed by hand is noticed, a file added is not touched', () => {
    const generate = (...extra: string[]) => run(['generate', '--out', 'same', '--cache-dir', 'cache', ...extra], work)
    expect(generate().status).toBe(0)
    const expected = snapshot(join(work, 'same'))
    const again = generate()
    expect(again.stderr).toContain('(pages and outputs as the last run left them); 0 file(s) written')
    expect(generate('--check').status).toBe(0)
    // A removed output is put back by the next run.
    rmSync(join(work, 'same/ir.json'))
    expect(generate('--check').stderr).toContain('stale: same/ir.json')
    expect(generate().stderr).toMatch(/\(0 built, \d+ cached\); 1 file\(s\) written or removed/)
    expect(snapshot(join(work, 'same'))).toEqual(expected)
    // An edited one is stale, and the next run refuses to overwrite it without --force.
    writeFileSync(join(work, 'same/types/openapi/v3/profitsharing/orders.d.ts'), '// edited\n')
    expect(generate('--check').stderr).toContain('stale: same/types/openapi/v3/profitsharing/orders.d.ts')
    const refused = generate()
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/^same\/types\/openapi\/v3\/profitsharing\/orders\.d\.ts:1:1: error .*output-edited$/m)
    expect(generate('--force').stderr).toMatch(/\(0 built, \d+ cached\); 1 file\(s\) written or removed/)
    expect(snapshot(join(work, 'same'))).toEqual(expected)
    // A file of the user's own is neither stale nor touched.
    writeFileSync(join(work, 'same/docs/stray.md'), 'mine\n')
    expect(generate('--check').status).toBe(0)
    expect(generate().status).toBe(0)
    expect(readFileSync(join(work, 'same/docs/stray.md'), 'utf8')).toBe('mine\n')
  })

  test('a changed page changes exactly its outputs', () => {
    expect(run(['generate', '--out', 'inc', '--cache-dir', 'cache'], work).status).toBe(0)
    const before = snapshot(join(work, 'inc'))
    const page = join(work, 'docs/openapi/v3/profitsharing/orders.md')
    writeFileSync(page, readFileSync(page, 'utf8').replace('分账描述', '分账的描述'))
    const changed = run(['generate', '--out', 'inc', '--cache-dir', 'cache'], work)
    expect(changed.stderr).toMatch(/\(1 built, \d+ cached\); 4 file\(s\) written/)
    const after = snapshot(join(work, 'inc'))
    const differing = [...after.keys()].filter((path) => after.get(path) !== before.get(path)).sort()
    expect(differing).toEqual(['.wechatpay-codegen/manifest.json', 'docs/openapi/v3/profitsharing/orders.md', 'ir.json', 'types/openapi/v3/profitsharing/orders.d.ts'])
  })

  /** A `generate --watch` child of the CLI, and a wait for what it prints. */
  const watching = (args: string[]) => {
    const child = spawn(process.execPath, [cli, 'generate', ...args, '--watch'], { cwd: work })
    const printed = { stderr: '' }
    child.stderr.on('data', (chunk: Buffer) => (printed.stderr += chunk.toString()))
    /** Resolves with the first match of `pattern` in what the child printed after `from`. */
    const waitFor = (pattern: RegExp, from = 0) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${printed.stderr.slice(from)}`)), 30_000)
        const check = () => {
          const match = pattern.exec(printed.stderr.slice(from))
          if (!match) return
          clearTimeout(timer)
          child.stderr.off('data', check)
          resolve(match)
        }
        child.stderr.on('data', check)
        check()
      })
    const stop = async () => {
      child.kill('SIGINT')
      await new Promise((resolve) => child.once('exit', resolve))
    }
    return { child, printed, waitFor, stop }
  }

  test('--watch regenerates a changed page, saved in place or by renaming a copy over it', async () => {
    const { printed, waitFor, stop } = watching(['--out', 'watched', '--cache-dir', 'cache'])
    const regenerated = /\(1 built, \d+ cached\); \d+ file\(s\)[^\n]*\nregenerated in (\d+) ms/
    const page = join(work, 'docs/openapi/v3/merchant/media/upload.md')
    const output = join(work, 'watched/docs/openapi/v3/merchant/media/upload.md')
    try {
      await waitFor(/watching/)
      // Saved as many editors save, a copy renamed over the page (twice: Node 20's recursive fs.watch loses the page
      // after the first), then in place.
      const saves = ['renamed over', 'renamed over again', 'saved in place']
      const times: string[] = []
      for (const [i, save] of saves.entries()) {
        const from = printed.stderr.length
        const text = readFileSync(page, 'utf8').replace(/图片上传(\d*)/, `图片上传${i}`)
        if (save === 'saved in place') writeFileSync(page, text)
        else {
          writeFileSync(`${page}.swp`, text)
          renameSync(`${page}.swp`, page)
        }
        const [, ms] = await waitFor(regenerated, from)
        times.push(`${ms} ms (${save})`)
        expect(readFileSync(output, 'utf8')).toContain(`图片上传${i}`)
      }
      console.log(`watch: one page regenerated in ${times.join(', ')}`)
    } finally {
      await stop()
    }
    expect(existsSync(join(work, 'watched/ir.json'))).toBe(true)
  })

  test('--watch says when a change leaves an --include glob matching nothing, writes nothing, and keeps watching', async () => {
    cpSync(join(work, 'docs'), join(work, 'docs-include'), { recursive: true })
    const { child, printed, waitFor, stop } = watching(['--docs', 'docs-include', '--out', 'watched-include', '--no-cache', '--include', 'v3/merchant/media/**'])
    const page = join(work, 'docs-include/openapi/v3/merchant/media/upload.md')
    try {
      await waitFor(/watching/)
      const manifest = readFileSync(join(work, 'watched-include/.wechatpay-codegen/manifest.json'), 'utf8')
      let from = printed.stderr.length
      renameSync(page, join(work, 'upload.md.away'))
      await waitFor(/^wechatpay-codegen: Unexpected include glob\(s\) `v3\/merchant\/media\/\*\*`: no operation .*; nothing written, waiting for the next change$/m, from)
      expect(readFileSync(join(work, 'watched-include/.wechatpay-codegen/manifest.json'), 'utf8')).toBe(manifest)
      from = printed.stderr.length
      renameSync(join(work, 'upload.md.away'), page)
      await waitFor(/^1 operations from \d+ pages/m, from)
      expect(child.exitCode).toBe(null)
    } finally {
      await stop()
    }
  })
})
