import ts from 'typescript'
import { describe, expect, test } from 'vitest'
import type { IrEndpoint } from '../generator/ir/types.js'
import { eventNamespace, propertyName } from '../generator/emit/types/identifiers.js'
import { corpusDir, generated, hasCorpus } from './helpers.js'
import { notificationProbe } from './notification-probe.js'
import { typeCheck, typeCheckEach } from './type-check.js'

// The declarations of the whole corpus, merged into one tree, under `tsc --strict` (library files checked too).
// A probe file reaches every operation: each endpoint through the `Wechatpay` root's chain and verb, each webhook
// through its namespace, so a page whose tree did not merge fails here.
describe.skipIf(!hasCorpus)('declarations of the whole corpus', () => {
  test('type-check with zero errors, every operation reachable', async () => {
    const { document, outputs: files } = await generated(corpusDir, ['types', 'client'])
    const probes = document.operations.map((op) =>
      op.kind === 'endpoint'
        ? `w.${op.segments.map(propertyName).join('.')}.${op.method},`
        : `null as unknown as WeChatPay.Webhook.${op.protocol.toUpperCase()}.${eventNamespace(op.event)}.WellformedResponse,`,
    )
    files.set(
      'probe.ts',
      `import type { Wechatpay } from './client.js'\ndeclare const w: Wechatpay\nexport const probes = [\n${probes.join('\n')}\n]\n`,
    )
    files.set('notifications-probe.ts', notificationProbe(document.operations.filter((op) => op.kind === 'webhook')))
    const endpoints = document.operations.filter((op) => op.kind === 'endpoint').length
    const result = typeCheck(files, ['types/index.d.ts', 'client.ts', 'probe.ts', 'notifications-probe.ts'])
    const bytes = [...files.values()].reduce((sum, text) => sum + text.length, 0)
    console.log(
      `corpus declarations: ${files.size} files, ${(bytes / 1e6).toFixed(1)} MB, ${endpoints} endpoints and ` +
        `${probes.length - endpoints} webhooks probed; tsc --strict ${result.files} source files in ` +
        `${(result.milliseconds / 1000).toFixed(1)} s, ${result.errors.length} errors`,
    )
    expect(result.errors.slice(0, 20)).toEqual([])
    expect(probes.length).toBe(document.operations.length)
    // Every page with operations has its declaration file.
    const pages = document.pages.filter((p) => p.role === 'operations').length
    expect([...files.keys()].filter((path) => path.endsWith('.d.ts') && path !== 'types/index.d.ts')).toHaveLength(pages)
  }, 600_000) // generation and a --strict check of 1,250 files: minutes on a loaded machine
})

// The package target's form of the same declarations: one bundled file, each namespace and interface declared once
// (a namespace opened by every page made a hover walk thousands of declarations), under the same probe.
describe.skipIf(!hasCorpus)('the package of the whole corpus', () => {
  test('its bundled declarations type-check with the compiled client, every operation reachable, each name declared once', async () => {
    const { document, outputs: files } = await generated(corpusDir, ['package'])
    const probes = document.operations.map((op) =>
      op.kind === 'endpoint'
        ? `w.${op.segments.map(propertyName).join('.')}.${op.method},`
        : `null as unknown as WeChatPay.Webhook.${op.protocol.toUpperCase()}.${eventNamespace(op.event)}.WellformedResponse,`,
    )
    files.set('probe.ts', `import type { Wechatpay, WeChatPay } from './index.js'\ndeclare const w: Wechatpay\nexport const probes = [\n${probes.join('\n')}\n]\n`)
    const result = typeCheck(files, ['index.d.ts', 'probe.ts'])
    expect(result.errors.slice(0, 20)).toEqual([])
    expect([...files.keys()].filter((path) => path.startsWith('types/'))).toEqual([])
    const declarations = [...files].filter(([path]) => path === 'declarations.d.ts' || (path.startsWith('groups/') && path.endsWith('.d.ts')))
    expect(declarations.length).toBeGreaterThan(1)
    const repeated = declarations.flatMap(([path, text]) => repeatedDeclarations(text).map((name) => `${path}: ${name}`))
    expect(repeated).toEqual([])
  }, 600_000)

  // A group is a module an app imports beside the core: it must type-check with the core alone (a type named from
  // another group would be `any` under skipLibCheck) and give the chain its own operations and no others.
  test('each operation group type-checks with the core alone, with its operations and only them on the chain', async () => {
    const { document, outputs: files } = await generated(corpusDir, ['package'])
    const exports = (JSON.parse(files.get('package.json')!) as { exports: Record<string, { types: string }> }).exports
    const groups = Object.entries(exports).flatMap(([subpath, entry]) => (/^\.\/v\d\//.test(subpath) ? [[subpath.slice(2), entry.types.slice(2)] as const] : []))
    const byGroup = new Map<string, IrEndpoint[]>()
    for (const op of document.operations) {
      if (op.kind !== 'endpoint') continue
      const group = op.segments.slice(0, 2).map(propertyName).join('/')
      byGroup.set(group, [...(byGroup.get(group) ?? []), op])
    }
    expect(groups.map(([group]) => group).sort()).toEqual([...byGroup.keys()].sort())
    const programs = [{ roots: ['core.ts'], only: ['core.ts', 'client.d.ts', 'declarations.d.ts'] }]
    files.set('core.ts', `import type { Wechatpay } from './client.js'\nexport const none: [keyof Wechatpay['v2'] | keyof Wechatpay['v3']] extends [never] ? true : false = true\n`)
    for (const [group, file] of groups) {
      const [version, name] = group.split('/') as [string, string]
      const calls = byGroup.get(group)!.map((op) => `  w.${op.segments.map(propertyName).join('.')}.${op.method},`)
      const probe = `probe-${group.replace('/', '-')}.ts`
      files.set(probe, [
        `import type { Wechatpay } from './client.js'`,
        `import './${file.replace(/\.d\.ts$/, '.js')}'`,
        `declare const w: Wechatpay`,
        `export const calls = [\n${calls.join('\n')}\n]`,
        `type Names = keyof Wechatpay['v2'] | keyof Wechatpay['v3']`,
        `export const only: [Names] extends ['${name}'] ? (['${name}'] extends [Names] ? true : false) : false = true`,
        `export const version: '${name}' extends keyof Wechatpay['${version}'] ? true : false = true`,
      ].join('\n'))
      programs.push({ roots: [probe], only: [probe, file] })
    }
    const results = typeCheckEach(files, programs)
    const errors = results.flatMap((result) => result.errors)
    console.log(`package groups: ${groups.length} groups, each checked with the core in ${(results.reduce((sum, r) => sum + r.milliseconds, 0) / 1000).toFixed(1)} s, ${errors.length} errors`)
    expect(errors.slice(0, 20)).toEqual([])
  }, 600_000)
})

/** Namespaces and interfaces declared more than once in a file, by their dotted path. */
function repeatedDeclarations(text: string): string[] {
  const source = ts.createSourceFile('declarations.d.ts', text, ts.ScriptTarget.Latest)
  const seen = new Map<string, number>()
  const visit = (statements: ts.NodeArray<ts.Statement>, path: string) => {
    for (const statement of statements) {
      if (ts.isInterfaceDeclaration(statement)) seen.set(`${path}${statement.name.text}`, (seen.get(`${path}${statement.name.text}`) ?? 0) + 1)
      if (!ts.isModuleDeclaration(statement)) continue
      let name = statement.name.text
      let body = statement.body
      for (; body && ts.isModuleDeclaration(body); body = body.body) name += `.${body.name.text}`
      seen.set(`${path}${name}/`, (seen.get(`${path}${name}/`) ?? 0) + 1)
      if (body && ts.isModuleBlock(body)) visit(body.statements, `${path}${name}.`)
    }
  }
  visit(source.statements, '')
  return [...seen].filter(([, count]) => count > 1).map(([name]) => name)
}
