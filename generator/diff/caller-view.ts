import type { IrEndpoint, IrOperation, IrWebhook } from '../ir/types.js'
import { xmlReply } from '../emit/types/declare-response.js'
import { assertNever } from '../emit/types/doc-comment.js'
import { quote } from '../emit/types/identifiers.js'
import { bodyObject, bodyOf, carriesBody, headersOf } from '../emit/types/request-shape.js'
import { ViewBuilder, type SideView } from './view-builder.js'

export type { Direction, SideView, ViewNode } from './view-builder.js'

/**
 * An operation as its caller sees it: every field at its dotted path, with the optionality and the TypeScript type
 * the declarations give it. The declarations' own rules apply (the APIv2 signer's `sign` and `nonce_str`, the
 * `Wechatpay-Serial` header an encrypted field needs, `params` and `headers` required only with a required member),
 * taken from the emitter's helpers so the diff and the declarations cannot disagree on them.
 */

export interface OperationView {
  request: SideView
  response: SideView
}

export function callerView(op: IrOperation): OperationView {
  return op.kind === 'endpoint' ? endpointView(op) : webhookView(op)
}

function endpointView(op: IrEndpoint): OperationView {
  const request = new ViewBuilder('write')
  const { root, name } = bodyOf(op)
  if (root || carriesBody(op.method)) {
    const object = bodyObject(op, root?.field, name === 'XmlDataRequest')
    const role = root?.role ?? 'json'
    request.object(role, undefined, object.fields, object.fields.some((f) => f.required), root?.field.description ?? '', 'request', false, true)
  }
  for (const segment of op.segments) {
    if (segment.kind !== 'parameter') continue
    const row = op.request.roots.find((r) => r.role === 'path' && (r.field.name === segment.name || r.value === segment.name))?.field
    request.field({ kind: 'field', name: segment.name, required: true, type: row?.type ?? { kind: 'scalar', name: 'string' }, description: row?.description ?? '', source: op.source }, 'path', 'request', false)
  }
  for (const [role, field] of [['query', op.request.roots.find((r) => r.role === 'query')?.field], ['headers', headersOf(op)]] as const) {
    if (!field) continue
    const fields = field.type.kind === 'object' ? field.type.fields : []
    // As `RequestConfig` has them: required when the row is and a member is.
    request.object(role, undefined, fields, field.required && fields.some((f) => f.required), field.description, 'request', false)
  }
  for (const r of op.request.roots) {
    if (r.role === 'security' || r.role === 'nonceless') request.field({ ...r.field, name: r.role }, undefined, 'request', false)
    if (r.role === 'timeout') request.field({ ...r.field, name: 'timeout', type: { kind: 'scalar', name: 'number' } }, undefined, 'request', false)
    if (r.role === 'base_uri') {
      const literal = r.value ? { literals: [quote(r.value)], ts: 'literal' } : undefined
      request.add({ path: 'base_uri', name: 'base_uri', parent: undefined, required: r.field.required, label: r.value ?? 'string', ts: 'string', ...literal, description: r.field.description })
    }
  }
  const response = new ViewBuilder('read')
  const empty = op.response.empty
  if (!empty) response.fields(op.response.fields, undefined, 'response', xmlReply(op))
  return { request: request.done('object'), response: response.done(bodyLabel(empty)) }
}

function webhookView(op: IrWebhook): OperationView {
  const notification = new ViewBuilder('read')
  for (const role of ['headers', 'body'] as const) {
    const field = op.request.roots.find((r) => r.role === role)?.field
    if (field?.type.kind !== 'object') continue
    notification.object(role, undefined, field.type.fields, true, field.description, 'response', role === 'body' && op.protocol === 'v2', true)
  }
  const ack = new ViewBuilder('write')
  ack.fields(op.response.fields, undefined, 'request', false)
  return { request: notification.done('object'), response: ack.done('object') }
}

function bodyLabel(empty: IrEndpoint['response']['empty']): string {
  if (!empty) return 'object'
  switch (empty.kind) {
    case 'file-stream':
      return 'file stream'
    case 'no-content':
      return `no content (HTTP ${empty.status ?? 204})`
    case 'redirect':
      return 'redirect'
    default:
      return assertNever(empty.kind)
  }
}
