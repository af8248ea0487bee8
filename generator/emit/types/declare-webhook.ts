import type { IrObjectType, IrWebhook } from '../../ir/types.js'
import type { Namespace } from './declarations.js'
import { declareObject, declarePayloads, newContext } from './declare-object.js'
import { eventNamespace } from './identifiers.js'
import { Kind, NAMESPACE } from './structure-kinds.js'

/**
 * A notification WeChat Pay posts to the merchant: `WeChatPay.Webhook.V3.<EVENT>` with `RequestHeaders`, the body
 * (`JsonDataRequest`, or `XmlDataRequest` for APIv2) and `WellformedResponse`, the acknowledgement to reply with.
 */
export function declareWebhook(op: IrWebhook): Namespace {
  const link = op.links[0]?.url
  const objectOf = (role: string): IrObjectType | undefined => {
    const field = op.request.roots.find((r) => r.role === role)?.field
    return field?.type.kind === 'object' ? field.type : undefined
  }
  const statements: Namespace['statements'] = []
  const headers = objectOf('headers')
  if (headers) {
    const context = newContext('response', false, link, 'RequestHeaders')
    statements.push(declareObject('RequestHeaders', headers, context, [`The headers of ${op.title}.`]), ...declarePayloads(context.payloads))
  }
  const body = objectOf('body')
  if (body) {
    const name = webhookBodyName(op)
    // An APIv2 notification is XML: parsed without value conversion, every value is a string.
    const context = newContext('response', op.protocol === 'v2', link, name)
    statements.push(declareObject(name, body, context, [`The notification ${op.title}.`]), ...declarePayloads(context.payloads))
  }
  const context = newContext('request', false, link, 'WellformedResponse')
  const ack: IrObjectType = { kind: 'object', fields: op.response.fields }
  statements.push(declareObject('WellformedResponse', ack, context, [`The acknowledgement to reply to ${op.title}.`]), ...declarePayloads(context.payloads))
  return { kind: Kind.Module, name: webhookNamespace(op), declarationKind: NAMESPACE, hasDeclareKeyword: false, statements }
}

/** `WeChatPay.Webhook.V3.REFUND.SUCCESS`: where a notification's types are declared. */
export function webhookNamespace(op: Pick<IrWebhook, 'protocol' | 'event'>): string {
  return `WeChatPay.Webhook.${op.protocol === 'v2' ? 'V2' : 'V3'}.${eventNamespace(op.event)}`
}

/** The notification's interface: XML for APIv2, JSON for APIv3. */
export function webhookBodyName(op: Pick<IrWebhook, 'protocol'>): 'XmlDataRequest' | 'JsonDataRequest' {
  return op.protocol === 'v2' ? 'XmlDataRequest' : 'JsonDataRequest'
}
