import type { HttpMethod, IrEndpoint, IrField, IrObjectType, IrRoot } from '../../ir/types.js'
import { walkFields } from '../../ir/walk-fields.js'

/**
 * Facts about an endpoint's request that both the declarations and the docs examples rely on, decided once here so
 * the example always fits the type.
 */

/** The name of the request body interface, from the row that carries the body. */
export type BodyName = 'JsonDataRequest' | 'XmlDataRequest' | 'BinaryDataRequest'

/** The runtime's post, put and patch take `(data, config)`; get and delete only `(config)`. */
export function carriesBody(method: HttpMethod): boolean {
  return method === 'post' || method === 'put' || method === 'patch'
}

/** The root row that carries the body, and the interface it becomes. */
export function bodyOf(op: IrEndpoint): { root: IrRoot | undefined; name: BodyName } {
  const root = op.request.roots.find((r) => r.role === 'json' || r.role === 'xml' || r.role === 'body')
  const name = root?.role === 'xml' ? 'XmlDataRequest' : root?.role === 'body' ? 'BinaryDataRequest' : 'JsonDataRequest'
  return { root, name }
}

/** The `meta` part of an APIv3 multipart upload: the signer signs `config.meta`, so the config repeats it. */
export function multipartMeta(op: IrEndpoint): IrField | undefined {
  const body = op.request.roots.find((r) => r.role === 'body')?.field
  if (op.protocol !== 'v3' || body?.type.kind !== 'object') return undefined
  return body.type.fields.find((f) => f.name === 'meta')
}

/**
 * The `headers` row, plus what the call cannot work without: `Wechatpay-Serial` when a field is encrypted with the
 * platform key, and `Content-Type: multipart/form-data` for uploads (axios builds the form only then).
 */
export function headersOf(op: IrEndpoint): IrField | undefined {
  const root = op.request.roots.find((r) => r.role === 'headers')?.field
  const fields: IrField[] = root?.type.kind === 'object' ? [...root.type.fields] : []
  const source = root?.source ?? op.request.source
  const add = (name: string, type: IrField['type'], description: string) => {
    if (!fields.some((f) => f.name.toLowerCase() === name.toLowerCase())) {
      fields.push({ kind: 'field', name, required: true, type, description, source })
    }
  }
  const bodies = op.request.roots.filter((r) => r.role === 'json' || r.role === 'body').map((r) => r.field)
  let encrypted = false
  walkFields(bodies, (f) => {
    if (f.encryption === 'rsa-pubkey') encrypted = true
  })
  if (encrypted) add('Wechatpay-Serial', { kind: 'scalar', name: 'string' }, 'The serial of the WeChat Pay public key or certificate that encrypted the fields.')
  if (multipartMeta(op)) add('Content-Type', { kind: 'scalar', name: 'string', enum: { kind: 'enum', values: ['multipart/form-data'] } }, 'Uploads are multipart.')
  if (fields.length === 0) return undefined
  const type: IrObjectType = { kind: 'object', fields }
  return { kind: 'field', name: 'headers', required: root?.required ?? true, type, description: root?.description ?? 'Request headers.', source }
}

/**
 * The body's members. APIv2's signer always computes `sign` and fills `nonce_str` unless the call is `nonceless`,
 * so both are optional, and `nonce_str` is offered where the table leaves it out.
 */
export function bodyObject(op: IrEndpoint, field: IrField | undefined, xml: boolean): IrObjectType {
  const type: IrObjectType = field?.type.kind === 'object' ? field.type : { kind: 'object', fields: [] }
  if (!xml || field === undefined || (field.type.kind === 'object' && field.type.variants?.length)) return type
  const nonceless = op.request.roots.some((r) => r.role === 'nonceless')
  const sdkFilled = (f: IrField) => f.name === 'sign' || (f.name === 'nonce_str' && !nonceless)
  const fields = type.fields.map((f) => (sdkFilled(f) ? { ...f, required: false } : f))
  if (!nonceless && !fields.some((f) => f.name === 'nonce_str')) {
    const description = 'Random string of up to 32 characters; the SDK fills it when absent.'
    fields.push({ kind: 'field', name: 'nonce_str', required: false, type: { kind: 'scalar', name: 'string' }, description, source: field.source })
  }
  return { ...type, fields }
}
