// The programmatic API build scripts call, the config file it shares with the CLI, and subsets of operations.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { generate } from '../../generator/index.js'
import type { IrDocument } from '../../generator/ir/types.js'
import { listPages } from '../../generator/run/list-pages.js'
import { docsDir } from '../helpers.js'
import { typeCheck } from '../type-check.js'

const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-api-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
const files = (dir: string) => (readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)) as string[]).sort()
const irOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'ir.json'), 'utf8')) as IrDocument

describe('generate()', () => {
  test('writes what the CLI writes and returns the diagnostics and a summary', async () => {
    const summary = await generate({ docs: docsDir, out: join(work, 'all'), cacheDir: false })
    expect(summary).toMatchObject({ ok: true, pages: listPages(docsDir).length, unchanged: false })
    expect(summary.operations).toBe(irOf(join(work, 'all')).operations.length)
    expect(summary.changed).toEqual(files(join(work, 'all')))
    expect(summary.diagnostics.every((d) => d.severity === 'info')).toBe(true)
    const again = await generate({ docs: docsDir, out: join(work, 'all'), cacheDir: false, check: true })
    expect(again).toMatchObject({ ok: true, changed: [] })
  })

  test('reads the config file of its folder; what it is given wins', async () => {
    const cwd = mkdtempSync(join(work, 'config-'))
    writeFileSync(join(cwd, 'wechatpay-codegen.config.yaml'), `docs: ${docsDir}\nout: from-config\ntargets: [ir]\ncacheDir: false\n`)
    await generate({ cwd })
    expect(files(join(cwd, 'from-config'))).toEqual(['.wechatpay-codegen/manifest.json', 'ir.json'])
    await generate({ cwd, targets: ['types'] })
    expect(files(join(cwd, 'from-config'))).toEqual(expect.arrayContaining(['types/index.d.ts']))
    writeFileSync(join(cwd, 'wechatpay-codegen.config.yaml'), 'output: x\n')
    await expect(generate({ cwd })).rejects.toThrow('Unexpected key `output`')
    await expect(generate({ cwd, config: false, docs: docsDir, out: 'x', targets: ['client'] })).rejects.toThrow('needs the types target')
    // A misspelt option is refused, as a misspelt key of the config file is, not dropped for its default.
    await expect(generate({ cwd, config: false, docs: docsDir, out: 'x', targts: ['ir'] } as Parameters<typeof generate>[0])).rejects.toThrow('Unexpected option `targts` of generate()')
  })
  test.each([
    ['a misspelt key', 'wechatpay-codegen.config.yaml', 'docs: docs\ntargts: [ir]\n', /wechatpay-codegen\.config\.yaml:2:1: Unexpected key `targts`, expected docs, out, targets/],
    ['a value of the wrong kind (at the value)', 'wechatpay-codegen.config.yaml', 'docs: docs\n  # note\ntargets: ir\n', /wechatpay-codegen\.config\.yaml:3:10: Unexpected `targets`, expected a list of strings \(config-shape\)/],
    ['YAML that does not parse', 'wechatpay-codegen.config.yaml', 'docs: docs\ntargets: [ir\nout: x\n', /wechatpay-codegen\.config\.yaml:3:1: Unexpected .*\(config-syntax\)$/],
    ['JSON that does not parse', 'wechatpay-codegen.config.json', '{ "docs": "docs",\n  "out": "x" "targets": [] }', /wechatpay-codegen\.config\.json:2:\d+: Unexpected .*\(config-syntax\)$/],
    ['a value of JSON (at the value)', 'wechatpay-codegen.config.json', '{\n  "docs": "docs",\n  "cacheDir": 3\n}', /wechatpay-codegen\.config\.json:3:15: Unexpected `cacheDir`, expected a folder or false/],
    ['a list, not an object', 'wechatpay-codegen.config.yaml', '- docs\n', /wechatpay-codegen\.config\.yaml:1:1: Unexpected config file: expected an object of options/],
    ['a list item of the wrong kind', 'wechatpay-codegen.config.yaml', 'docs: docs\ninclude:\n  - a\n  - 5\n', /wechatpay-codegen\.config\.yaml:4:5: Unexpected `include`, expected a list of strings/],
    ['aliases nested to blow up', 'wechatpay-codegen.config.yaml', ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n'), /wechatpay-codegen\.config\.yaml:1:1: Unexpected Excessive alias count.*\(config-syntax\)$/],
  ])('a config file with %s is refused at its line and column', async (_, name, text, want) => {
    const cwd = mkdtempSync(join(work, 'bad-config-'))
    writeFileSync(join(cwd, name), text)
    await expect(generate({ cwd })).rejects.toThrow(want)
    expect(readdirSync(cwd)).toEqual([name])
  })

  test('a config file that starts with a byte order mark is read; a folder named like one is refused', async () => {
    const cwd = mkdtempSync(join(work, 'bom-'))
    writeFileSync(join(cwd, 'wechatpay-codegen.config.json'), `\uFEFF${JSON.stringify({ docs: docsDir, out: 'out', targets: ['ir'], cacheDir: false })}`)
    expect((await generate({ cwd })).ok).toBe(true)
    expect(files(join(cwd, 'out'))).toEqual(['.wechatpay-codegen/manifest.json', 'ir.json'])
    const folder = mkdtempSync(join(work, 'folder-'))
    mkdirSync(join(folder, 'wechatpay-codegen.config.yaml'))
    await expect(generate({ cwd: folder })).rejects.toThrow(/wechatpay-codegen\.config\.yaml:1:1: Unexpected config file: EISDIR.*\(config-read\)$/)
  })

  type Case = [name: string, given: { file?: string; flags?: { name?: string; version?: string } }, want: string | string[]]
  const cases: Case[] = [
    ['no name or version: refused, naming both ways to give them', {}, 'needs a name and a version: --package-name and --package-version'],
    ['a name npm refuses', { flags: { name: 'Acme Pay', version: '1.0.0' } }, 'Unexpected package name `Acme Pay`'],
    ['a version that is not semver', { flags: { name: 'acme-pay', version: 'v1' } }, 'Unexpected package version `v1`'],
    ['a package key of the wrong shape', { file: 'package: acme-pay\n' }, 'Unexpected `package`'],
    ['the file names it, a flag gives the version', { file: 'package: { name: acme-pay, version: 1.0.0 }\n', flags: { version: '2.0.0' } }, ['acme-pay', '2.0.0']],
  ]
  test.each(cases)('the package target: %s', async (_, given, want) => {
    const cwd = mkdtempSync(join(work, 'package-'))
    if (given.file) writeFileSync(join(cwd, 'wechatpay-codegen.config.yaml'), given.file)
    const run = generate({ cwd, docs: docsDir, out: 'pkg', targets: ['package'], cacheDir: false, ...(given.flags && { package: given.flags }) })
    if (typeof want === 'string') return void (await expect(run).rejects.toThrow(want))
    expect((await run).ok).toBe(true)
    const json = JSON.parse(readFileSync(join(cwd, 'pkg/package.json'), 'utf8')) as { name: string; version: string; peerDependencies: object; peerDependenciesMeta?: object }
    expect([json.name, json.version]).toEqual(want)
    // The declarations need Node's types: a peer that npm installs, not an optional one it leaves out.
    expect([json.peerDependencies, json.peerDependenciesMeta]).toEqual([{ '@types/node': '*' }, undefined])
  })
})

describe('subsets', () => {
  test('--include and --exclude keep only the chosen operations, their types and the chain to them', async () => {
    const out = join(work, 'subset')
    const summary = await generate({ docs: docsDir, out, cacheDir: false, include: ['v3/profitsharing/**', 'openapi/v2/**'], exclude: ['v3/*/orders/*#get'] })
    expect(summary.ok).toBe(true)
    const all = irOf(join(work, 'all')).operations.map((op) => op.id)
    const kept = irOf(out).operations.map((op) => op.id)
    expect(kept).toEqual(all.filter((id) => (id.startsWith('v3/profitsharing/') || id.startsWith('v2/')) && !/^v3\/profitsharing\/orders\/[^/]+#get$/.test(id)))
    expect(kept.length).toBeGreaterThan(1)
    expect(summary.operations).toBe(kept.length)
    // Declarations only of the pages that keep an operation.
    const pages = [...new Set(irOf(out).operations.map((op) => `types/${op.source.file.replace(/\.md$/, '.d.ts')}`))]
    expect(files(out).filter((f) => f.startsWith('types/'))).toEqual(['types/index.d.ts', ...pages].sort())
    expect(files(out)).not.toContain('types/openapi/v3/merchant/media/upload.d.ts')
    // The subset's client type-checks, reaches a kept call, and has no chain to a left-out one.
    const texts = new Map(files(out).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(join(out, f), 'utf8')]))
    texts.set('probe.ts', "import type { Wechatpay } from './client.js'\ndeclare const w: Wechatpay\nw.v3.profitsharing.orders.post\n// @ts-expect-error: left out\nw.v3.merchant.media.upload.post\n")
    expect(typeCheck(texts, ['types/index.d.ts', 'client.ts', 'probe.ts']).errors).toEqual([])
  })
})

describe('a subset that cannot be what the user meant is refused, and the output folder is left as it was', () => {
  const before = join(work, 'refused')
  type Case = [name: string, subset: { include?: string[]; exclude?: string[] }, want: string]
  const cases: Case[] = [
    ['an include glob that matches nothing', { include: ['v9/nothing/**', 'v3/**'] }, 'Unexpected include glob(s) `v9/nothing/**`: no operation of the'],
    ['an invalid glob', { include: ['['] }, 'Unexpected include glob(s) `[`'],
    ['an exclude glob whose `*` would have to cross a `/`', { exclude: ['*#delete'] }, 'Unexpected exclude glob(s) `*#delete`'],
    ['a subset that leaves no operation', { include: ['v3/**'], exclude: ['v3/**'] }, 'Unexpected subset: it leaves none of the'],
    ['an empty glob', { include: [''] }, 'Unexpected empty include glob'],
    ['a negation, which the page path would always satisfy', { include: ['!v3/**'] }, 'Unexpected include glob `!v3/**`: a negation, expected `exclude`'],
  ]
  test.each(cases)('%s', async (_, subset, want) => {
    await generate({ docs: docsDir, out: before, cacheDir: false })
    const listing = files(before)
    const ir = readFileSync(join(before, 'ir.json'), 'utf8')
    await expect(generate({ docs: docsDir, out: before, cacheDir: false, ...subset })).rejects.toThrow(want)
    expect(files(before)).toEqual(listing)
    expect(readFileSync(join(before, 'ir.json'), 'utf8')).toBe(ir)
  })

  test('each glob counts when it matches some operation, by id, id without its method, or page path', async () => {
    const { subsetHits } = await import('../../generator/run/select-operations.js')
    const ops = [['v3/pay/transactions/jsapi#post', 'openapi/v3/pay/transactions/jsapi.md'], ['v2/pay/micropay#post', 'openapi/v2/pay/micropay.md']] as const
    expect(subsetHits({ include: ['v3/pay/**', 'openapi/v2/**', 'v3/pay/transactions/jsapi', 'x/**', '**/*#post', '*#post'], exclude: ['**#get'] }, ops)).toEqual({ include: [0, 1, 2, 4], exclude: [] })
  })
})
