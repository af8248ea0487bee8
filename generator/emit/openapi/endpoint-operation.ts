import type { IrEndpoint, IrField, IrOperation } from '../../ir/types.js'
import { xmlReply } from '../types/declare-response.js'
import { propertyName } from '../types/identifiers.js'
import { bodyObject, bodyOf, headersOf } from '../types/request-shape.js'
import { assertNever } from '../types/doc-comment.js'
import { objectOf, type JsonObject } from './json-schema.js'
import { fieldSchema, objectSchema, type SchemaOptions } from './schema-of.js'
import { securityOf } from './security-schemes.js'

/** The runtime's default `baseURL`, without its trailing slash (OpenAPI appends paths to it). */
export const DEFAULT_SERVER = 'https://api.mch.weixin.qq.com'

/** Headers OpenAPI describes elsewhere (the body's media type, the security scheme): never header parameters. */
const RESERVED_HEADERS = new Set(['accept', 'content-type', 'authorization'])

const annotated = (text: boolean): SchemaOptions => ({ text, annotate: true })

/** Where an endpoint is in `paths`: the URL the runtime calls (APIv2 drops `v2/`; a fixed segment is its value). */
export function pathOf(op: IrEndpoint): string {
  const segments = op.segments.map((s) => (s.kind === 'literal' ? s.name : s.kind === 'fixed' ? s.value : `{${s.name}}`))
  return `/${(op.protocol === 'v2' ? segments.slice(1) : segments).join('/')}`
}

/** The chain the client calls, as the operation id: `v3.pay.transactions.id._transaction_id_.get`. */
export function operationIdOf(op: IrOperation): string {
  if (op.kind === 'webhook') return `webhook.${op.protocol}.${op.event}`
  return [...op.segments.map(propertyName), op.method].join('.')
}

/** `v3/pay`: the protocol and first segment, to group operations in viewers. */
export function tagOf(op: IrOperation): string {
  return op.kind === 'webhook' ? `webhook/${op.protocol}` : `${op.protocol}/${op.segments[1]?.name ?? ''}`
}

/** What an endpoint and a webhook share: tags, summary, description, link, id. */
export function operationHead(op: IrOperation): JsonObject {
  const notices = op.notices.map((n) => n.text).filter((t) => t.trim() !== '')
  const description = [op.description, ...notices].filter((t) => t.trim() !== '').join('\n\n')
  const link = op.links[0]
  return objectOf([
    ['tags', [tagOf(op)]],
    ['summary', op.title],
    ['description', description === '' ? undefined : description],
    ['externalDocs', link ? { description: link.label, url: link.url } : undefined],
    ['operationId', operationIdOf(op)],
  ])
}

/** The OpenAPI Operation of an endpoint. */
export function endpointOperation(op: IrEndpoint): JsonObject {
  const roots = (role: string) => op.request.roots.filter((r) => r.role === role)
  const security = roots('security')[0]
  const operation: JsonObject = {
    ...operationHead(op),
    ...objectOf([
      ['parameters', parametersOf(op)],
      ['requestBody', requestBodyOf(op)],
      ['responses', responsesOf(op)],
      ['deprecated', op.notices.some((n) => n.status === 'deprecated') ? true : undefined],
      ['security', securityOf(op)],
      ['servers', serversOf(op)],
      ['x-wechatpay-security', security ? true : undefined],
      ['x-wechatpay-nonceless', roots('nonceless').length > 0 ? true : undefined],
    ]),
  }
  return operation
}

function parametersOf(op: IrEndpoint): JsonObject[] | undefined {
  const parameters: JsonObject[] = []
  const parameter = (where: string, field: IrField, required: boolean, name = field.name) => {
    const { description, ...schema } = fieldSchema(field, annotated(false))
    parameters.push(objectOf([['name', name], ['in', where], ['description', description], ['required', required], ['schema', schema]]))
  }
  for (const segment of op.segments) {
    if (segment.kind !== 'parameter') continue
    const root = op.request.roots.find((r) => r.role === 'path' && (r.field.name === segment.name || r.value === segment.name))
    const field: IrField = root?.field ?? { kind: 'field', name: segment.name, required: true, type: { kind: 'scalar', name: 'string' }, description: '', source: op.source }
    parameter('path', field, true, segment.name)
  }
  const query = op.request.roots.find((r) => r.role === 'query')?.field
  // As the declarations have it: `params` is required when its row is and a member is, and then its required members.
  const members = (field: IrField | undefined) => (field?.type.kind === 'object' ? field.type.fields : [])
  const queryRequired = query !== undefined && query.required && members(query).some((f) => f.required)
  for (const field of members(query)) parameter('query', field, queryRequired && field.required)
  const headers = headersOf(op)
  const headersRequired = headers !== undefined && headers.required && members(headers).some((f) => f.required)
  for (const field of members(headers)) {
    if (!RESERVED_HEADERS.has(field.name.toLowerCase())) parameter('header', field, headersRequired && field.required)
  }
  return parameters.length > 0 ? parameters : undefined
}

function requestBodyOf(op: IrEndpoint): JsonObject | undefined {
  const { root } = bodyOf(op)
  if (!root) return undefined
  const object = bodyObject(op, root.field, root.role === 'xml')
  const schema = objectSchema(object, annotated(false))
  const required = object.fields.some((f) => f.required)
  const description = root.field.description.trim() === '' ? undefined : root.field.description
  switch (root.role) {
    case 'json':
      return objectOf([['description', description], ['required', required], ['content', { 'application/json': { schema } }]])
    case 'xml':
      return objectOf([['description', description], ['required', required], ['content', { 'text/xml': { schema: { ...schema, xml: { name: 'xml' } } } }]])
    case 'body': {
      // A part that is a JSON string (an upload's `meta`) says so; file parts are sent as they are.
      const encoding = objectOf(object.fields.flatMap((f) => (f.type.kind === 'encoded' && f.type.via === 'json_encode' ? [[f.name, { contentType: 'application/json' }] as const] : [])))
      const media = objectOf([['schema', schema], ['encoding', Object.keys(encoding).length > 0 ? encoding : undefined]])
      return objectOf([['description', description], ['required', required], ['content', { 'multipart/form-data': media }]])
    }
    default:
      throw new Error(`Unexpected body role ${root.role}`)
  }
}

function responsesOf(op: IrEndpoint): JsonObject {
  const empty = op.response.empty
  const text = (fallback: string) => (empty?.text.trim() ? empty.text : fallback)
  if (empty) {
    switch (empty.kind) {
      case 'no-content':
        return { [String(empty.status ?? 204)]: { description: text('No content.') } }
      case 'redirect':
        return { '302': { description: text('A redirect.'), headers: { Location: { schema: { type: 'string' } } } } }
      case 'file-stream':
        return { '200': { description: text('The file.'), content: { 'application/octet-stream': {} } } }
      default:
        return assertNever(empty.kind)
    }
  }
  const xml = xmlReply(op)
  const schema = objectSchema({ kind: 'object', fields: op.response.fields }, annotated(xml))
  const content = xml ? { 'text/xml': { schema: { ...schema, xml: { name: 'xml' } } } } : { 'application/json': { schema } }
  return { '200': { description: `The reply of ${op.title}.`, content } }
}

/** A `base_uri` row: the operation's server, or an alternative to the default one when the row is optional. */
function serversOf(op: IrEndpoint): JsonObject[] | undefined {
  const base = op.request.roots.find((r) => r.role === 'base_uri')
  if (!base?.value) return undefined
  const server = objectOf([['url', base.value.replace(/\/+$/, '')], ['description', base.field.description.trim() || undefined]])
  return base.field.required ? [server] : [{ url: DEFAULT_SERVER }, server]
}
