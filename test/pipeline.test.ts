// The page pipeline through the compiled CLI: worker threads, the page cache, incremental runs, watch, and writes
// that survive being cut short. No timing asserts: times are printed, not checked.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { listPages } from '../generator/run/list-pages.js'
import { writeOutputs } from '../generator/run/write-outputs.js'
import { corpusDir, docsDir, hasCorpus, projectDir } from './helpers.js'

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

  test('an unchanged run makes nothing; an output edited, removed or added by hand is noticed', () => {
    const generate = (...extra: string[]) => run(['generate', '--out', 'same', '--cache-dir', 'cache', ...extra], work)
    expect(generate().status).toBe(0)
    const expected = snapshot(join(work, 'same'))
    const again = generate()
    expect(again.stderr).toContain('(pages and outputs as the last run left them); 0 file(s) written')
    expect(generate('--check').status).toBe(0)
    // Each hand change makes the next run a full one, which puts the generated files back.
    const changes = [
      () => writeFileSync(join(work, 'same/types/openapi/v3/profitsharing/orders.d.ts'), '// edited\n'),
      () => rmSync(join(work, 'same/ir.json')),
      () => writeFileSync(join(work, 'same/docs/stray.md'), 'not generated\n'),
    ]
    for (const change of changes) {
      change()
      const checked = generate('--check')
      expect(checked.status).toBe(1)
      expect(checked.stderr).toContain('stale:')
      const repaired = generate()
      expect(repaired.stderr).toMatch(/\(0 built, \d+ cached\); 1 file\(s\) written or removed/)
      expect(snapshot(join(work, 'same'))).toEqual(expected)
    }
  })

  test('a changed page changes exactly its outputs', () => {
    expect(run(['generate', '--out', 'inc', '--cache-dir', 'cache'], work).status).toBe(0)
    const before = snapshot(join(work, 'inc'))
    const page = join(work, 'docs/openapi/v3/profitsharing/orders.md')
    writeFileSync(page, readFileSync(page, 'utf8').replace('分账描述', '分账的描述'))
    const changed = run(['generate', '--out', 'inc', '--cache-dir', 'cache'], work)
    expect(changed.stderr).toMatch(/\(1 built, \d+ cached\); 3 file\(s\) written/)
    const after = snapshot(join(work, 'inc'))
    const differing = [...after.keys()].filter((path) => after.get(path) !== before.get(path)).sort()
    expect(differing).toEqual(['docs/openapi/v3/profitsharing/orders.md', 'ir.json', 'types/openapi/v3/profitsharing/orders.d.ts'])
  })

  test('a write cut short leaves every file whole, old or new', () => {
    const out = join(work, 'cut')
    const old = new Map([...Array(40).keys()].map((i) => [`types/p${i}.d.ts`, `old ${i}\n`.repeat(1000)]))
    writeOutputs(out, old)
    const next = new Map([...old.keys()].map((path, i) => [path, `new ${i}\n`.repeat(2000)]))
    // A directory in the way of one file's temporary copy makes the run fail part-way (files go in path order).
    mkdirSync(join(out, `types/p32.d.ts.${process.pid}.tmp`))
    expect(() => writeOutputs(out, next)).toThrow(/EISDIR/)
    rmSync(join(out, `types/p32.d.ts.${process.pid}.tmp`), { recursive: true })
    const left = snapshot(out)
    const states = [...next.keys()].map((path) => (left.get(path) === next.get(path) ? 'new' : left.get(path) === old.get(path) ? 'old' : 'torn'))
    expect(states).not.toContain('torn')
    expect(states).toContain('new')
    expect(states).toContain('old')
    expect([...left.keys()].filter((p) => p.endsWith('.tmp'))).toEqual([])
  })

  test('a run killed mid-write leaves every file whole, old or new', async () => {
    const out = join(work, 'killed')
    const paths = [...Array(400).keys()].map((i) => `types/f${i}.d.ts`)
    const old = new Map(paths.map((p, i) => [p, `old ${i}\n`.repeat(30_000)]))
    writeOutputs(out, old)
    const script = `import { writeOutputs } from ${JSON.stringify(join(projectDir, 'dist/generator/run/write-outputs.js'))}
const paths = ${JSON.stringify(paths)}
process.stdout.write('start\\n')
writeOutputs(${JSON.stringify(out)}, new Map(paths.map((p, i) => [p, \`new \${i}\\n\`.repeat(30_000)])))`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    await new Promise((resolve) => setTimeout(resolve, 150))
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const states = paths.map((path, i) => {
      const text = readFileSync(join(out, path), 'utf8')
      return text === old.get(path) ? 'old' : text === `new ${i}\n`.repeat(30_000) ? 'new' : 'torn'
    })
    console.log(`killed mid-write: ${states.filter((s) => s === 'new').length} new, ${states.filter((s) => s === 'old').length} old, ${states.filter((s) => s === 'torn').length} torn`)
    expect(states).not.toContain('torn')
  })

  test('a run killed while it builds leaves the previous output whole; the next run clears what it staged', async () => {
    const out = join(work, 'staged')
    expect(run(['generate', '--out', 'staged', '--no-cache'], work).status).toBe(0)
    const before = snapshot(out)
    // Under another label every output differs, so the run stages each page's outputs as the page is built.
    cpSync(join(work, 'docs'), join(work, 'relabelled'), { recursive: true })
    const child = spawn(process.execPath, [cli, 'generate', '--docs', 'relabelled', '--out', 'staged', '--no-cache'], { cwd: work, stdio: 'ignore' })
    const staging = join(out, `.wechatpay-codegen-staging-${child.pid}`)
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await new Promise<void>((resolve, reject) => {
      const started = Date.now()
      const poll = setInterval(() => {
        if (existsSync(staging) || Date.now() - started > 30_000) {
          clearInterval(poll)
          return existsSync(staging) ? resolve() : reject(new Error('the run staged nothing'))
        }
      }, 2)
    })
    child.kill('SIGKILL')
    await exited
    expect(existsSync(staging)).toBe(true)
    const left = snapshot(out)
    const stagedFiles = [...left.keys()].filter((path) => path.startsWith('.wechatpay-codegen-staging-'))
    console.log(`killed while building: ${stagedFiles.length} file(s) staged, none in place`)
    for (const path of stagedFiles) left.delete(path)
    expect(left).toEqual(before)
    expect(run(['generate', '--out', 'staged', '--no-cache'], work).status).toBe(0)
    expect(existsSync(staging)).toBe(false)
    expect(snapshot(out)).toEqual(before)
  })

  test('--watch regenerates a changed page, saved in place or by renaming a copy over it', async () => {
    const child = spawn(process.execPath, [cli, 'generate', '--out', 'watched', '--cache-dir', 'cache', '--watch'], { cwd: work })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    /** Resolves with the first match of `pattern` in what the child printed after `from`. */
    const waitFor = (pattern: RegExp, from = 0) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${stderr.slice(from)}`)), 30_000)
        const check = () => {
          const match = pattern.exec(stderr.slice(from))
          if (!match) return
          clearTimeout(timer)
          child.stderr.off('data', check)
          resolve(match)
        }
        child.stderr.on('data', check)
        check()
      })
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
        const from = stderr.length
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
      child.kill('SIGINT')
      await new Promise((resolve) => child.once('exit', resolve))
    }
    expect(existsSync(join(work, 'watched/ir.json'))).toBe(true)
  })
})
