import { describe, expect, test } from 'vitest'
import { eventNamespace, propertyName, quote } from '../generator/emit/types/identifiers.js'
import type { IrWebhook } from '../generator/ir/types.js'
import { corpusDir, generated, hasCorpus } from './helpers.js'
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
  })
})

/**
 * Narrowing the corpus's `Notification` by each page's own event reaches that page's notification and resource
 * types: exactly, where no other page shares the event type, else as one member of the narrowed union. Each APIv2
 * page's receiver returns that page's notification type.
 */
function notificationProbe(webhooks: IrWebhook[]): string {
  const eventTypesOf = (op: IrWebhook) => {
    const body = op.request.roots.find((r) => r.role === 'body')?.field
    const field = body?.type.kind === 'object' ? body.type.fields.find((f) => f.name === 'event_type') : undefined
    return field?.type.kind === 'scalar' && field.type.enum ? field.type.enum.values.map(String) : [op.event]
  }
  const v3 = webhooks.filter((op) => op.protocol === 'v3')
  const pagesOf = new Map<string, number>()
  for (const op of v3) for (const type of eventTypesOf(op)) pagesOf.set(type, (pagesOf.get(type) ?? 0) + 1)
  const lines = v3.map((op) => {
    const types = eventTypesOf(op)
    const own = types.includes(op.event) ? op.event : types[0]!
    const ns = `WeChatPay.Webhook.V3.${eventNamespace(op.event)}`
    const received = `Received<${types.map(quote).join(' | ')}, ${ns}.JsonDataRequest, ${ns}.JsonDataRequestResourceCiphertext>`
    return pagesOf.get(own) === 1
      ? `if (n.event_type === ${quote(own)}) { const exact: Same<typeof n, ${received}> = true; void exact }`
      : `if (n.event_type === ${quote(own)}) { const member: typeof n = null as unknown as ${received}; void member }`
  })
  const v2 = webhooks.filter((op) => op.protocol === 'v2').map((op) => {
    const ns = `WeChatPay.Webhook.V2.${eventNamespace(op.event)}`
    return `receive.v2(${quote(op.event)}, body).then((r) => { const notification: ${ns}.XmlDataRequest = r.notification; void notification })`
  })
  return `import type { Notification, ReceivedV3 as Received } from './client.js'
import { createNotificationReceiver } from './client.js'
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
export function probe(n: Notification, body: Buffer) {
  const receive = createNotificationReceiver({})
${[...lines, ...v2].map((line) => `  ${line}`).join('\n')}
}
`
}
