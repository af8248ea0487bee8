import type { IrField, IrType, IrWebhook } from '../../ir/types.js'
import { newContext } from '../types/declare-object.js'
import { webhookBodyName, webhookNamespace } from '../types/declare-webhook.js'
import { reference, typed, type TypeNode } from '../types/declarations.js'
import { Kind } from '../types/structure-kinds.js'
import { quote } from '../types/identifiers.js'
import { payloadNameOf } from '../types/type-text.js'

/** How an APIv2 notification is checked and decrypted: the `V2Rules` of notification-receiver.ts, from its page. */
export interface V2Rules {
  sign?: { field: string; fallback: SignType }
  eventTypes?: string[]
  encrypted?: { field: string; via: 'aes-ecb' } | { field: string; via: 'aes-gcm'; nonce: string; aad: string }
}

type SignType = 'MD5' | 'HMAC-SHA256'
const SIGN_TYPES: readonly string[] = ['MD5', 'HMAC-SHA256']

/** What the receiver needs of a webhook page, and the type names of what it returns for it. */
export type NotificationShape =
  | { protocol: 'v3'; event: string; eventTypes: string[]; body: string; resource: string }
  | { protocol: 'v2'; event: string; rules: V2Rules; body: string; decrypted: string }

/**
 * The shape of a page's notification, or undefined when it cannot be received: no body table, or (APIv2) neither a
 * `sign` nor an encrypted field, so that nothing would show it came from WeChat Pay.
 */
export function notificationShape(op: IrWebhook): NotificationShape | undefined {
  const fields = bodyFields(op)
  if (fields.length === 0) return undefined
  const namespace = webhookNamespace(op)
  const body = `${namespace}.${webhookBodyName(op)}`
  const payload = (type: IrType, path: string[]) => {
    const name = payloadNameOf(type, newContext('response', op.protocol === 'v2', undefined, webhookBodyName(op)), path)
    return name && `${namespace}.${name}`
  }
  if (op.protocol === 'v3') {
    const resource = fieldOf(fields, 'resource')
    const ciphertext = resource?.type.kind === 'object' ? fieldOf(resource.type.fields, 'ciphertext') : undefined
    // A page without an enum on `event_type` is still told apart by its own event, the page's name.
    const eventTypes = stringEnum(fieldOf(fields, 'event_type')) ?? [op.event]
    return { protocol: 'v3', event: op.event, eventTypes, body, resource: (ciphertext && payload(ciphertext.type, ['resource', 'ciphertext'])) || 'unknown' }
  }
  const rules: V2Rules = {}
  if (fieldOf(fields, 'sign')) rules.sign = signRule(fields)
  const eventTypes = stringEnum(fieldOf(fields, 'event_type'))
  if (eventTypes) rules.eventTypes = eventTypes
  const encrypted = fields.find((f) => f.encryption === 'aes-ecb' || (f.encryption === 'aes-gcm' && gcmSiblings(fields, f.name)))
  if (encrypted) rules.encrypted = encrypted.encryption === 'aes-ecb' ? { field: encrypted.name, via: 'aes-ecb' } : { field: encrypted.name, via: 'aes-gcm', ...gcmSiblings(fields, encrypted.name)! }
  if (!rules.sign && !rules.encrypted) return undefined
  const decrypted = encrypted ? payload(encrypted.type, [encrypted.name]) || 'Record<string, string>' : 'undefined'
  return { protocol: 'v2', event: op.event, rules, body, decrypted }
}

/** The received value's type, as notification-receiver.ts's `ReceivedV3`/`ReceivedV2` of these arguments. */
export function receivedType(shape: NotificationShape): TypeNode {
  const literals = (values: string[]): TypeNode =>
    values.length === 1 ? { kind: 'literal', text: quote(values[0]!) } : { kind: 'union', types: values.map((v) => ({ kind: 'literal', text: quote(v) })) }
  return shape.protocol === 'v3'
    ? { kind: 'generic', name: 'ReceivedV3', args: [literals(shape.eventTypes), reference(shape.body), reference(shape.resource)] }
    : { kind: 'generic', name: 'ReceivedV2', args: [literals([shape.event]), reference(shape.body), reference(shape.decrypted)] }
}

/** The same type written out as an object, for a twoslash virtual.ts that cannot import the receiver's types. */
export function receivedObject(shape: NotificationShape): TypeNode {
  const generic = receivedType(shape) as Extract<TypeNode, { kind: 'generic' }>
  const names = shape.protocol === 'v3' ? ['event_type', 'notification', 'resource'] : ['name', 'notification', 'decrypted']
  return { kind: 'object', members: names.map((key, i) => ({ kind: Kind.PropertySignature, name: key, hasQuestionToken: false, type: typed(generic.args[i]!), docs: [] })) }
}

/** The fields of the notification's body table. */
export function bodyFields(op: IrWebhook): IrField[] {
  const root = op.request.roots.find((r) => r.role === 'body')?.field
  return root?.type.kind === 'object' ? root.type.fields : []
}

/** The decoded fields of the encrypted field at `path` in the body (`resource.ciphertext`, `req_info`). */
export function payloadFields(op: IrWebhook, path: string[]): IrField[] {
  let fields = bodyFields(op)
  let field: IrField | undefined
  for (const name of path) {
    field = fieldOf(fields, name)
    fields = field?.type.kind === 'object' ? field.type.fields : []
  }
  return field?.type.kind === 'encoded' ? field.type.payload.fields : []
}

const fieldOf = (fields: IrField[], name: string) => fields.find((f) => f.name === name)

function stringEnum(field: IrField | undefined): string[] | undefined {
  const values = field?.type.kind === 'scalar' ? field.type.enum?.values : undefined
  return values && values.length > 0 ? values.map(String) : undefined
}

/**
 * The sign type is read from `sign_type`, or from `algorithm` where a page names it so (the 用户确认 notifications);
 * when the field is absent, the type its enum allows, else MD5 (the APIv2 default).
 */
function signRule(fields: IrField[]): { field: string; fallback: SignType } {
  const typed = (name: string) => {
    const values = stringEnum(fieldOf(fields, name))
    return values !== undefined && values.every((v) => SIGN_TYPES.includes(v)) ? values : undefined
  }
  const field = !fieldOf(fields, 'sign_type') && typed('algorithm') ? 'algorithm' : 'sign_type'
  const values = typed(field)
  return { field, fallback: values?.length === 1 ? (values[0] as SignType) : 'MD5' }
}

/** `event_ciphertext` → `event_nonce` and `event_associated_data`, when the page has the nonce. */
function gcmSiblings(fields: IrField[], name: string): { nonce: string; aad: string } | undefined {
  if (!name.endsWith('ciphertext')) return undefined
  const stem = name.slice(0, -'ciphertext'.length)
  return fieldOf(fields, `${stem}nonce`) ? { nonce: `${stem}nonce`, aad: `${stem}associated_data` } : undefined
}
