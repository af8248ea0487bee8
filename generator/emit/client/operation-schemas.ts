import type { IrEndpoint, IrField, IrOperation, IrPage } from '../../ir/types.js'
import { generatedBy } from '../header.js'
import { schemasPath } from './schema-paths.js'
import { objectOf, setOwn, type JsonObject } from '../openapi/json-schema.js'
import { fieldSchema, objectSchema, typeSchema, type SchemaOptions } from '../openapi/schema-of.js'
import { xmlReply } from '../types/declare-response.js'
import { bodyObject, bodyOf, carriesBody, headersOf, multipartMeta } from '../types/request-shape.js'

const BARE: SchemaOptions = { text: false, annotate: false }

/**
 * The JSON Schemas the client's validators compile for one endpoint, from the builder the OpenAPI document uses,
 * without descriptions: `data` (the body `post`, `put` and `patch` send; none for a multipart form, whose `meta` the
 * config repeats), `config` (what the declarations' `RequestConfig` requires) and `reply` (the verified `data`).
 */
export function operationSchemas(op: IrEndpoint): JsonObject {
  const { root } = bodyOf(op)
  const data = carriesBody(op.method) && root && root.role !== 'body' ? objectSchema(bodyObject(op, root.field, root.role === 'xml'), BARE) : undefined
  const reply = op.response.empty ? undefined : objectSchema({ kind: 'object', fields: op.response.fields }, { text: xmlReply(op), annotate: false })
  return objectOf([['data', data], ['config', configSchema(op)], ['reply', reply]])
}

/** The page's schema files, one per endpoint, each with its header. */
export function pageSchemaFiles(page: IrPage, operations: IrOperation[]): Array<[path: string, text: string]> {
  return operations.flatMap((op) => {
    if (op.kind !== 'endpoint') return []
    const file = { $comment: generatedBy(page.source.file), operation: op.id, ...operationSchemas(op) }
    return [[schemasPath(op), `${JSON.stringify(file, null, 2)}\n`]]
  })
}

/** `RequestConfig` as a schema: path parameters (own keys), `params`, `headers`, `security` … as the declarations have them. */
function configSchema(op: IrEndpoint): JsonObject {
  const properties: JsonObject = {}
  const required: string[] = []
  const member = (key: string, schema: JsonObject, isRequired: boolean) => {
    setOwn(properties, key, schema)
    if (isRequired && !required.includes(key)) required.push(key)
  }
  const roots = (role: string) => op.request.roots.filter((r) => r.role === role)
  for (const segment of op.segments) {
    if (segment.kind === 'fixed') member(segment.name, { const: segment.value }, true)
    if (segment.kind !== 'parameter') continue
    const root = roots('path').find((r) => r.field.name === segment.name || r.value === segment.name)
    member(segment.name, root ? fieldSchema(root.field, BARE) : { type: 'string' }, true)
  }
  const object = (field: IrField | undefined, key: string) => {
    if (field?.type.kind !== 'object') return
    member(key, objectSchema(field.type, BARE), field.required && field.type.fields.some((f) => f.required))
  }
  object(roots('query')[0]?.field, 'params')
  object(headersOf(op), 'headers')
  for (const root of [...roots('security'), ...roots('nonceless')]) member(root.field.name, fieldSchema(root.field, BARE), root.field.required)
  const base = roots('base_uri')[0]
  if (base) member('baseURL', base.value ? { const: base.value } : { type: 'string' }, base.field.required)
  if (op.response.empty?.kind === 'file-stream') {
    member('responseType', { const: 'stream' }, true)
    if (op.protocol === 'v3') member('transformResponse', { type: 'array', maxItems: 0 }, true)
  }
  const meta = multipartMeta(op)
  if (meta) member('meta', meta.type.kind === 'encoded' ? objectSchema(meta.type.payload, BARE) : typeSchema(meta.type, BARE), true)
  const timeout = roots('timeout')[0]
  if (timeout) member('timeout', { type: 'number' }, timeout.field.required)
  return objectOf([['type', 'object'], ['properties', properties], ['required', required.length > 0 ? required : undefined]])
}
