import { eventNamespace, quote } from '../generator/emit/types/identifiers.js'
import type { IrWebhook } from '../generator/ir/types.js'

/**
 * Narrowing the corpus's `Notification` by each page's own event reaches that page's notification and resource
 * types: exactly, where no other page shares the event type, else as one member of the narrowed union. Each APIv2
 * page's receiver returns that page's notification type.
 */
export function notificationProbe(webhooks: IrWebhook[]): string {
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
