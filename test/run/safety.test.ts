// Issue 12's fifteen findings, one test each (or a row of one): the generator is safe to point at any folder.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { lockFolder } from '../../generator/run/folder-lock.js'
import { docsDir, projectDir } from '../helpers.js'

const cli = join(projectDir, 'dist/generator/cli.js')
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })
const ORDERS = 'openapi/v3/profitsharing/orders.md'

/** Every file under `dir` by relative path, without the generator's own folder. */
function snapshot(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map()
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() || e.isSymbolicLink())
  return new Map(files.map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), e.isFile() ? readFileSync(join(e.parentPath, e.name), 'utf8') : 'symlink']).filter(([path]) => !path!.startsWith('.wechatpay-codegen')) as Array<[string, string]>)
}

describe('safe to point at any folder', () => {
  let work: string
  let n = 0
  /** A fresh folder in `work` holding a copy of docs/. */
  const project = () => {
    const dir = join(work, `p${n++}`)
    cpSync(docsDir, join(dir, 'docs'), { recursive: true })
    return dir
  }
  beforeAll(() => void (work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-safety-'))))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  test('1. --out equal to, above or inside --docs, or empty, is refused in one line, and nothing is touched', () => {
    const dir = project()
    writeFileSync(join(dir, 'docs/README.md'), 'mine\n')
    const before = snapshot(dir)
    for (const out of ['.', '', 'docs', 'docs/', './docs/generated', dir]) {
      const result = run(['generate', '--docs', 'docs', '--out', out, '--no-cache'], dir)
      expect(result.status, out).toBe(2)
      expect(result.stderr, out).toMatch(/^wechatpay-codegen: Unexpected (empty )?--out.*\(see wechatpay-codegen --help\)\n$/)
    }
    expect(snapshot(dir)).toEqual(before)
  })

  test('2. files the generator did not write, in its folders, survive every run, also when a page goes', () => {
    const dir = project()
    const mine = { 'out/types/custom/augment.d.ts': 'declare const mine: 1\n', 'out/docs/NOTES.md': 'notes\n', 'out/types/openapi/v3/extra.d.ts': 'x\n' }
    for (const [path, text] of Object.entries(mine)) {
      mkdirSync(join(dir, path, '..'), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    expect(run(['generate', '--out', 'out', '--no-cache'], dir).status).toBe(0)
    rmSync(join(dir, 'docs/openapi/v3/merchant/media/upload.md'))
    expect(run(['generate', '--out', 'out', '--no-cache'], dir).status).toBe(0)
    expect(existsSync(join(dir, 'out/types/openapi/v3/merchant/media/upload.d.ts'))).toBe(false)
    for (const [path, text] of Object.entries(mine)) expect(readFileSync(join(dir, path), 'utf8')).toBe(text)
  })

  test('3. an output folder reached through a symlink is refused; nothing where the link leads is touched', () => {
    const dir = project()
    mkdirSync(join(dir, 'elsewhere/openapi/v3/profitsharing'), { recursive: true })
    writeFileSync(join(dir, 'elsewhere/openapi/v3/profitsharing/orders.md'), 'theirs\n')
    writeFileSync(join(dir, 'elsewhere/unrelated.md'), 'theirs\n')
    expect(run(['generate', '--out', 'out', '--no-cache'], dir).status).toBe(0)
    rmSync(join(dir, 'out/docs'), { recursive: true })
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out/docs'))
    const before = snapshot(join(dir, 'elsewhere'))
    for (const force of [[], ['--force']]) {
      const result = run(['generate', '--out', 'out', '--no-cache', ...force], dir)
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(/^out\/docs\/openapi\/v3\/profitsharing\/orders\.md:1:1: error .* output-unsafe$/m)
    }
    expect(snapshot(join(dir, 'elsewhere'))).toEqual(before)
  })

  test('4. symlinks in --docs that loop or lead out are not followed, and say so', () => {
    const dir = project()
    const plain = run(['check', '--docs', 'docs', '--format', 'json'], dir)
    symlinkSync('.', join(dir, 'docs/openapi/v3/a'))
    symlinkSync('.', join(dir, 'docs/openapi/v3/b'))
    symlinkSync(tmpdir(), join(dir, 'docs/openapi/v3/out'))
    const started = performance.now()
    const looped = run(['check', '--docs', 'docs', '--format', 'json', '--level', 'info'], dir)
    expect(performance.now() - started).toBeLessThan(30_000)
    const json = JSON.parse(looped.stdout) as { operations: number; diagnostics: Array<{ file: string; ruleId: string }> }
    expect(json.operations).toBe(JSON.parse(plain.stdout).operations)
    expect(json.diagnostics.filter((d) => d.ruleId === 'docs-symlink').map((d) => d.file)).toEqual(['docs/openapi/v3/a', 'docs/openapi/v3/b', 'docs/openapi/v3/out'])
  })

  test('5. a cache entry that names a path outside --out, or another page, is not used', () => {
    const dir = project()
    expect(run(['generate', '--out', 'out', '--cache-dir', 'cache'], dir).status).toBe(0)
    const entries = readdirSync(join(dir, 'cache'), { recursive: true, encoding: 'utf8' }).filter((f) => /^[0-9a-f]{2}\//.test(f))
    // Every entry becomes the first page's, with one more output that leaves --out.
    const [first, ...rest] = entries.map((entry) => join(dir, 'cache', entry))
    const bytes = readFileSync(first!)
    const newline = bytes.indexOf(10)
    const head = JSON.parse(bytes.subarray(0, newline).toString())
    head.outputs.push('../../ESCAPED.md')
    head.sizes.push(3)
    const forged = Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), bytes.subarray(newline + 1), Buffer.from('x\n\n')])
    for (const file of [first!, ...rest]) writeFileSync(file, forged)
    rmSync(join(dir, 'out'), { recursive: true })
    const result = run(['generate', '--out', 'out', '--cache-dir', 'cache'], dir)
    expect(result.status).toBe(0)
    expect(result.stderr).toContain(`(${entries.length} built, 0 cached)`)
    expect(existsSync(join(dir, 'ESCAPED.md'))).toBe(false)
    expect(existsSync(join(work, 'ESCAPED.md'))).toBe(false)
    expect(run(['generate', '--out', 'out', '--check', '--no-cache'], dir).status).toBe(0)
  })

  test('7. a second run into the same --out waits for the first; a lock still held is one line naming its holder', async () => {
    const dir = project()
    const runs = [0, 1].map(() => spawn(process.execPath, [cli, 'generate', '--out', 'out', '--no-cache'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] }))
    const codes = await Promise.all(runs.map((child) => new Promise((resolve) => child.once('exit', resolve))))
    expect(codes).toEqual([0, 0])
    expect(run(['generate', '--out', 'out', '--check', '--no-cache'], dir).status).toBe(0)
    // In this process: the folder held by one lock, a second gives up with the holder's name.
    const control = join(dir, 'out/.wechatpay-codegen')
    const release = await lockFolder(control, { label: 'out', command: 'wechatpay-codegen generate --out out' })
    await expect(lockFolder(control, { label: 'out', command: 'second', waitMs: 300 })).rejects.toThrow(`out is being written by pid ${process.pid} (wechatpay-codegen generate --out out)`)
    await release()
  })

  test('8. --check compares contents: a same-size edit with its time put back is stale, and is not overwritten', () => {
    const dir = project()
    expect(run(['generate', '--out', 'out', '--cache-dir', 'cache'], dir).status).toBe(0)
    const file = join(dir, 'out/types/openapi/v3/profitsharing/orders.d.ts')
    const { atime, mtime, size } = statSync(file)
    writeFileSync(file, readFileSync(file, 'utf8').replace('sub_mchid', 'sub_mchiD'))
    utimesSync(file, atime, mtime)
    expect(statSync(file).size).toBe(size)
    const checked = run(['generate', '--out', 'out', '--cache-dir', 'cache', '--check'], dir)
    expect(checked.status).toBe(1)
    expect(checked.stderr).toContain('stale: out/types/openapi/v3/profitsharing/orders.d.ts')
    const next = run(['generate', '--out', 'out', '--cache-dir', 'cache'], dir)
    expect(next.status).toBe(1)
    expect(next.stderr).toMatch(/output-edited$/m)
    expect(run(['generate', '--out', 'out', '--cache-dir', 'cache', '--force'], dir).status).toBe(0)
    expect(run(['generate', '--out', 'out', '--cache-dir', 'cache', '--check'], dir).status).toBe(0)
  })

  test('9. a page whose name makes no identifier is an error naming it, and nothing is written', () => {
    const names = ['a b', 'a.b', '1abc', '{}', "a'b", 'a"b', 'a*b', 'a#b', '${x}', 'a%20b', 'a\u200bb', 'a.', 'a`b', 'a\nb', 'a\u2028b', 'a\\b', 'a-->b']
    const dir = project()
    for (const name of names) {
      mkdirSync(join(dir, 'docs/openapi/v3/odd'), { recursive: true })
      writeFileSync(join(dir, 'docs/openapi/v3/odd', `${name}.md`), readFileSync(join(docsDir, ORDERS)))
    }
    const result = run(['generate', '--out', 'out', '--no-cache'], dir)
    expect(result.status).toBe(1)
    const named = result.stderr.split('\n').filter((line) => line.endsWith('page-name'))
    expect(named).toHaveLength(names.length)
    for (const line of named) expect(line).toMatch(/^docs\/openapi\/v3\/odd\/.*\.md:1:1: error Unexpected page name/)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  test('10. docs text that is inert on the page stays inert on the docs site', () => {
    const dir = project()
    const path = 'openapi/v3/merchant-service/complaint-notifications.md'
    const page = join(dir, 'docs', path)
    const hostile = '`<script>alert(1)</script>` \\<img src=x onerror=alert(2)\\> `{{ constructor.constructor("alert(3)")() }}`'
    writeFileSync(page, readFileSync(page, 'utf8').replace('## 创建投诉通知回调地址 {#post}', '## 创建 `<img src=x onerror=alert(4)>` {#post}').replace('服务商通过此接口设置投诉通知的回调地址。', hostile))
    expect(run(['generate', '--out', 'out', '--no-cache', '--targets', 'docs'], dir).status).toBe(0)
    const text = readFileSync(join(dir, 'out/docs', path), 'utf8')
    // The frontmatter is data (YAML), shown by Vue's text interpolation; the page body is markdown and a template.
    const body = text.slice(text.indexOf('\n---\n') + 5)
    const outsideCode = body.replace(/^```[\s\S]*?^```$/gm, '')
    expect(text).toContain('&lt;img src=x onerror=alert(2)&gt;')
    expect(text).toContain('&lt;img src=x onerror=alert(4)&gt;')
    expect(outsideCode).not.toMatch(/<(script|img)/i)
    expect(outsideCode).not.toContain('{{')
  })

  test('11. the same docs give the same bytes however --docs is spelled and wherever it lies; the stale hint names the command', () => {
    const dir = project()
    cpSync(join(dir, 'docs'), join(dir, 'elsewhere/pages'), { recursive: true })
    const spellings = ['docs', 'docs/', './docs', join(dir, 'docs'), 'elsewhere/pages']
    spellings.forEach((docs, i) => expect(run(['generate', '--docs', docs, '--out', `out${i}`, '--no-cache'], dir).status).toBe(0))
    const first = snapshot(join(dir, 'out0'))
    for (const i of spellings.keys()) expect(snapshot(join(dir, `out${i}`))).toEqual(first)
    expect(run(['generate', '--docs', 'elsewhere/pages', '--out', 'out0', '--check', '--no-cache'], dir).status).toBe(0)
    writeFileSync(join(dir, 'out0/ir.json'), '{}\n')
    expect(run(['generate', '--docs', 'docs', '--out', 'out0', '--check', '--no-cache'], dir).stderr).toContain('Run `wechatpay-codegen generate --docs docs --out out0 --no-cache` to update.')
  })

  test('12. --targets is honoured when the cache holds a fuller run', () => {
    const dir = project()
    expect(run(['generate', '--out', 'full', '--cache-dir', 'cache'], dir).status).toBe(0)
    expect(run(['generate', '--out', 'some', '--cache-dir', 'cache', '--targets', 'types,client'], dir).status).toBe(0)
    expect(readdirSync(join(dir, 'some')).sort()).toEqual(['.wechatpay-codegen', 'client.ts', 'notification-receiver.ts', 'types'])
  })

  test('13. an --out that cannot be made fails in one line, at once', () => {
    const dir = project()
    const started = performance.now()
    const result = run(['generate', '--out', '/proc/wechatpay-codegen-test', '--no-cache'], dir)
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^wechatpay-codegen: .*\/proc\/wechatpay-codegen-test'?\n$/)
  })

  test('14. bytes that are not UTF-8, deep nesting and huge pages are diagnostics naming the page', () => {
    const dir = project()
    const pages = join(dir, 'docs/openapi/v3/limits')
    mkdirSync(pages, { recursive: true })
    const orders = readFileSync(join(docsDir, ORDERS), 'utf8')
    const bad = Buffer.from(orders.replace('分账描述', 'BAD'))
    bad[bad.indexOf('BAD')] = 0xff
    writeFileSync(join(pages, 'bad-bytes.md'), bad)
    const deep = Array.from({ length: 1000 }, (_, i) => `| f${i} {data-indent=${i + 1}} | object | 层 ${i}`).join('\n')
    writeFileSync(join(pages, 'deep.md'), orders.replace(/^(\| sub_mchid .*)$/m, `$1\n| nest {data-indent=1} | object | 深\n${deep.replace(/data-indent=(\d+)/g, (_, d) => `data-indent=${Number(d) + 1}`)}`))
    writeFileSync(join(pages, 'huge-paragraph.md'), `${orders}\n${'长'.repeat(22_000_000)}\n`)
    writeFileSync(join(pages, 'huge-table.md'), `${orders.replace(/^(\| sub_mchid .*)$/m, `$1\n${'| row {data-indent=1} | string | 行\n'.repeat(100_000)}`)}`)
    const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'check', '--docs', 'docs'], { cwd: dir, encoding: 'utf8' })
    const lines = result.stderr.split('\n')
    const line = (page: string, rule: string) => lines.find((l) => l.startsWith(`docs/openapi/v3/limits/${page}.md:`) && l.endsWith(rule))
    expect(line('bad-bytes', 'invalid-utf8')).toMatch(/^docs\/openapi\/v3\/limits\/bad-bytes\.md:\d+:\d+: warning/)
    expect(line('deep', 'nesting-too-deep')).toMatch(/:\d+:\d+: error/)
    expect(line('huge-paragraph', 'page-too-large')).toMatch(/:1:1: error/)
    expect(line('huge-table', 'page-too-large')).toMatch(/:1:1: error/)
    const peakMb = Number(lines.filter((l) => /^\d+$/.test(l)).pop()) / 1024
    console.log(`limits: check over a 66 MB and a 3 MB page peaked at ${peakMb.toFixed(0)} MB`)
    expect(peakMb).toBeLessThan(1024)
  })

  test('15. a killed run’s staging and a lock whose pid lives again are cleared; usage errors are one line', () => {
    const dir = project()
    expect(run(['generate', '--out', 'out', '--no-cache'], dir).status).toBe(0)
    const control = join(dir, 'out/.wechatpay-codegen')
    mkdirSync(join(control, 'staging/types'), { recursive: true })
    writeFileSync(join(control, 'staging/types/left.d.ts'), 'left\n')
    // A lock a killed run left, not renewed for a minute, whose owner's pid is now another live process (this one).
    mkdirSync(join(control, 'lock'))
    const old = new Date(Date.now() - 60_000)
    utimesSync(join(control, 'lock'), old, old)
    writeFileSync(join(control, 'owner.json'), JSON.stringify({ pid: process.pid, host: 'elsewhere', command: 'killed' }))
    const result = run(['generate', '--out', 'out', '--no-cache'], dir)
    expect(result.status).toBe(0)
    expect(readdirSync(control).sort()).toEqual(['manifest.json'])
    for (const args of [['frobnicate'], ['generate', '--nope'], ['generate', '--targets', 'ir,nope'], ['generate', '--targets', 'client'], []]) {
      const usage = run(args, dir)
      expect(usage.status, args.join(' ')).toBe(2)
      expect(usage.stderr, args.join(' ')).toMatch(/^wechatpay-codegen: [^\n]*\(see wechatpay-codegen --help\)\n$/)
    }
  })
})
