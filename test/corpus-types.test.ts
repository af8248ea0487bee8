import { describe, expect, test } from 'vitest'
import { emitClient } from '../generator/emit/client/emit-client.js'
import { VALIDATION_RUNTIME, validationRuntimeText } from '../generator/emit/client/validation-runtime.js'
import { emitTypes } from '../generator/emit/types/emit-types.js'
import { eventNamespace, propertyName } from '../generator/emit/types/identifiers.js'
import { readDocs } from '../generator/read-docs.js'
import { corpusDir, hasCorpus } from './helpers.js'
import { typeCheck } from './type-check.js'

// The declarations of the whole corpus, merged into one tree, under `tsc --strict` (library files checked too).
// A probe file reaches every operation: each endpoint through the `Wechatpay` root's chain and verb, each webhook
// through its namespace, so a page whose tree did not merge fails here.
describe.skipIf(!hasCorpus)('declarations of the whole corpus', () => {
  test('type-check with zero errors, every operation reachable', async () => {
    const { document } = readDocs(corpusDir)
    const files = await emitTypes(document, 'corpus')
    files.set('client.ts', await emitClient('corpus'))
    files.set(VALIDATION_RUNTIME, validationRuntimeText('corpus'))
    const probes = document.operations.map((op) =>
      op.kind === 'endpoint'
        ? `w.${op.segments.map(propertyName).join('.')}.${op.method},`
        : `null as unknown as WeChatPay.Webhook.${op.protocol.toUpperCase()}.${eventNamespace(op.event)}.WellformedResponse,`,
    )
    files.set(
      'probe.ts',
      `import type { Wechatpay } from './client.js'\ndeclare const w: Wechatpay\nexport const probes = [\n${probes.join('\n')}\n]\n`,
    )
    const endpoints = document.operations.filter((op) => op.kind === 'endpoint').length
    const result = typeCheck(files, ['types/index.d.ts', 'client.ts', 'probe.ts'])
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
  })
})
