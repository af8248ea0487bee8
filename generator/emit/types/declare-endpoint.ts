import type { IrEndpoint, IrField, IrObjectType } from '../../ir/types.js'
import type { MethodSignature, NamespaceDeclaration, Parameter, TypeNode } from './declarations.js'
import { docText, safeDocLines } from './doc-comment.js'
import { methodNamespace, typeName } from './identifiers.js'
import { declareObject, declarePayloads, newContext } from './declare-object.js'
import type { PayloadType } from './type-text.js'
import { requestConfigOf } from './request-config.js'
import { bodyOf, carriesBody } from './request-shape.js'
import { declareResponse } from './declare-response.js'

/** What one endpoint contributes: its `<Verb>HttpMethod` namespace and the members of its leaf segment interface. */
export interface EndpointDeclarations {
  namespace: NamespaceDeclaration
  callSignature?: MethodSignature
  method: MethodSignature
}

export function declareEndpoint(op: IrEndpoint): EndpointDeclarations {
  const link = op.links[0]?.url
  const verb = methodNamespace(op.method)
  const statements: NamespaceDeclaration['body'] = []
  const payloads: PayloadType[] = []

  const withData = carriesBody(op.method)
  const { root: bodyRoot, name: bodyName } = bodyOf(op)
  let bodyRequired = false
  if (bodyRoot || withData) {
    const context = newContext('request', false, link, bodyName)
    const object = bodyObject(op, bodyRoot?.field, bodyRoot?.role === 'xml')
    statements.push(declareObject(bodyName, object, context, [`The request body of ${op.title.replace(/\n/g, ' ')}.`]))
    payloads.push(...context.payloads)
    bodyRequired = object.fields.some((f) => f.required)
  }

  const config = requestConfigOf(op, withData ? bodyName : undefined, link)
  statements.push(config.declaration)
  payloads.push(...config.payloads)

  statements.push(...declarePayloads(payloads), ...declareResponse(op, link))

  const leaf = typeName(op.segments[op.segments.length - 1]!)
  const ref = (name: string): TypeNode => ({ kind: 'reference', name: `${leaf}.${verb}.${name}` })
  const parameters: Parameter[] = []
  if (withData) {
    // A parameter may be optional only when every later one is.
    const dataOptional = !bodyRequired && !config.required
    parameters.push({ name: 'data', type: ref(bodyName), optional: dataOptional })
  }
  parameters.push({ name: 'config', type: ref('RequestConfig'), optional: !config.required })
  const returns: TypeNode = { kind: 'generic', name: 'AxiosPromise', args: [ref('WellformedResponse')] }
  const tags = link ? [`@link ${link}`] : []
  const deprecated = op.notices.filter((n) => n.status === 'deprecated').map((n) => `@deprecated ${docText(n.text)[0] ?? ''}`.trimEnd())
  const methodDoc = [...docText(op.title), ...config.notes, ...deprecated, ...tags]

  return {
    namespace: { kind: 'namespace', name: ['WeChatPay', 'OpenAPI', ...op.segments.map(typeName), verb].join('.'), ambient: false, body: statements },
    callSignature: op.method === 'post' ? { kind: 'method', docs: safeDocLines(['shortland', ...deprecated, ...tags]), parameters, returns } : undefined,
    method: { kind: 'method', name: op.method, docs: safeDocLines(methodDoc), parameters, returns },
  }
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