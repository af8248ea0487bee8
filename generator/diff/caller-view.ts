import type { IrEndpoint, IrField, IrOperation, IrType, IrWebhook } from '../ir/types.js'
import { newContext } from '../emit/types/declare-object.js'
import { xmlReply } from '../emit/types/declare-response.js'
import type { TypeNode } from '../emit/types/declarations.js'
import { assertNever, type Side } from '../emit/types/doc-comment.js'
import { quote } from '../emit/types/identifiers.js'
import { bodyObject, bodyOf, carriesBody, headersOf } from '../emit/types/request-shape.js'
import { typeNode } from '../emit/types/type-text.js'

/**
 * An operation as its caller sees it: every field at its dotted path, with the optionality and the TypeScript type
 * the declarations give it. The declarations' own rules apply (the APIv2 signer's `sign` and `nonce_str`, the
 * `Wechatpay-Serial` header an encrypted field needs, `params` and `headers` required only with a required member),
 * taken from the emitter's helpers so the diff and the declarations cannot disagree on them.
 */

/** `write`: the caller builds the value (a request; a webhook's acknowledgement). `read`: the caller reads it. */
export type Direction = 'write' | 'read'

export interface ViewNode {
  path: string
  name: string
  parent: string | undefined
  required: boolean
  /** A body root's optionality follows from its members, so only they report it. */
  derived?: boolean
  /** The IR type as a report shows it: `integer`, `object[]`, `string (json_encode)`. */
  label: string
  /** The TypeScript type of the node without its members: `string`, `number`, `object`, `array`, or literals. */
  ts: string
  literals?: string[]
  description: string
}

export interface SideView {
  direction: Direction
  /** What the body is: `object`, `file stream`, `no content (HTTP 204)`, `redirect`. */
  body: string
  nodes: Map<string, ViewNode>
}

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

class ViewBuilder {
  readonly nodes = new Map<string, ViewNode>()

  constructor(readonly direction: Direction) {}

  add(node: ViewNode): void {
    // A name twice under one parent is a docs error reported by `check`; the first row is what the type holds.
    if (!this.nodes.has(node.path)) this.nodes.set(node.path, node)
  }

  object(name: string, parent: string | undefined, fields: IrField[], required: boolean, description: string, side: Side, xml: boolean, derived = false): void {
    const path = join(parent, name)
    this.add({ path, name, parent, required, derived, label: 'object', ts: 'object', description })
    this.fields(fields, path, side, xml)
  }

  fields(fields: IrField[], parent: string | undefined, side: Side, xml: boolean): void {
    for (const field of fields) this.field(field, parent, side, xml)
  }

  field(field: IrField, parent: string | undefined, side: Side, xml: boolean): void {
    const path = join(parent, field.name)
    const description = [field.description, field.tooltip ?? ''].join('\n').trim()
    this.add({ path, name: field.name, parent, required: field.required, ...this.typeOf(field.type, side, xml), label: labelOf(field), description })
    this.members(field.type, path, side, xml)
  }

  /** The members of a type: object fields, array items (`[]`), decoded payloads (`<decoded>`), variants. */
  private members(type: IrType, path: string, side: Side, xml: boolean): void {
    switch (type.kind) {
      case 'object':
        this.fields(type.fields, path, side, xml)
        type.variants?.forEach((fields, i) => {
          const variant = `${path}<variant ${i + 1}>`
          this.add({ path: variant, name: `<variant ${i + 1}>`, parent: path, required: true, label: 'object', ts: 'object', description: '' })
          this.fields(fields, variant, side, xml)
        })
        return
      case 'array': {
        const items = `${path}[]`
        this.add({ path: items, name: '[]', parent: path, required: true, ...this.typeOf(type.items, side, xml), label: labelOfType(type.items), description: '' })
        this.members(type.items, items, side, xml)
        return
      }
      case 'encoded': {
        const decoded = `${path}<decoded>`
        this.add({ path: decoded, name: '<decoded>', parent: path, required: true, label: `object (${type.shape})`, ts: `payload ${type.shape}`, description: '' })
        this.members(type.payload, decoded, side, xml)
        return
      }
      case 'scalar':
      case 'true':
      case 'opaque':
        return
      default:
        assertNever(type)
    }
  }

  private typeOf(type: IrType, side: Side, xml: boolean): Pick<ViewNode, 'ts' | 'literals'> {
    if (type.kind === 'object') return { ts: 'object' }
    if (type.kind === 'array') return { ts: 'array' }
    const node = typeNode(type, newContext(side, xml, undefined, ''), [])
    return tsOf(node)
  }

  done(body: string): SideView {
    return { direction: this.direction, body, nodes: this.nodes }
  }
}

/** A scalar's TypeScript type: a name, or the literals of an enum. */
function tsOf(node: TypeNode): Pick<ViewNode, 'ts' | 'literals'> {
  switch (node.kind) {
    case 'literal':
      return { ts: 'literal', literals: [node.text] }
    case 'union':
      if (node.types.every((t) => t.kind === 'literal')) return { ts: 'literal', literals: node.types.map((t) => (t.kind === 'literal' ? t.text : '')) }
      return { ts: 'union' }
    case 'reference':
      return { ts: node.name }
    case 'object':
      return { ts: node.index ? 'record' : 'object' }
    default:
      return { ts: node.kind }
  }
}

const join = (parent: string | undefined, name: string) => (parent === undefined ? name : `${parent}.${name}`)

function labelOf(field: IrField): string {
  // An encoded type names its encryption already: `string (aes-gcm)`.
  const encryption = field.type.kind === 'encoded' && field.type.via === field.encryption ? undefined : field.encryption
  const notes = [encryption && `encrypted ${encryption}`, field.signed && `signed ${field.signed}`].filter(Boolean)
  const label = labelOfType(field.type)
  return notes.length ? `${label} (${notes.join(', ')})` : label
}

function labelOfType(type: IrType): string {
  switch (type.kind) {
    case 'scalar':
      return type.written ?? type.name
    case 'true':
      return 'true'
    case 'object':
      return 'object'
    case 'array':
      return `${labelOfType(type.items)}[]`
    case 'encoded':
      return `string (${type.via})`
    case 'opaque':
      return type.file ? 'file' : 'object (undocumented)'
    default:
      return assertNever(type)
  }
}
