import ts from 'typescript'
import { describe, expect, test } from 'vitest'
import { eventNamespace, propertyName } from '../generator/emit/types/identifiers.js'
import { corpusDir, generated, hasCorpus } from './helpers.js'
import { notificationProbe } from './notification-probe.js'
import { typeCheck } from './type-check.js'

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
    files.set('probe.ts', `import type { Wechatpay, WeChatPay } from './client.js'\ndeclare const w: Wechatpay\nexport const probes = [\n${probes.join('\n')}\n]\n`)
    const result = typeCheck(files, ['client.d.ts', 'probe.ts'])
    expect(result.errors.slice(0, 20)).toEqual([])
    expect([...files.keys()].filter((path) => path.startsWith('types/'))).toEqual([])
    const repeated = repeatedDeclarations(files.get('declarations.d.ts')!)
    expect(repeated).toEqual([])
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
