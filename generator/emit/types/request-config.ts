import type { IrEndpoint, IrField, IrRoot } from '../../ir/types.js'
import { jsDoc, reference, typed, type Interface, type Property, type TypeNode } from './declarations.js'
import { docText, safeDocLines } from './doc-comment.js'
import { interfaceOf, newContext } from './declare-object.js'
import { Kind } from './structure-kinds.js'
import { quote } from './identifiers.js'
import { propertyOf, typeNode, type PayloadType } from './type-text.js'
import { headersOf, multipartMeta, type BodyName } from './request-shape.js'

export interface RequestConfigDeclaration {
  declaration: Interface
  payloads: PayloadType[]
  /** True when a member other than `data` is required, so the `config` argument is. */
  required: boolean
  /** Notes for the verb's JSDoc. */
  notes: string[]
}

type Member = Property

/**
 * `RequestConfig extends AxiosRequestConfig`, members in the runtime's terms: `data`, path parameters (own keys of
 * config), `params`, `headers`, `security`, `nonceless`, `baseURL`, download and multipart settings.
 */
export function requestConfigOf(op: IrEndpoint, dataName: BodyName | undefined): RequestConfigDeclaration {
  const context = newContext('request', false, undefined, 'RequestConfig')
  const members: Member[] = []
  const notes: string[] = []
  const roots = (role: IrRoot['role']) => op.request.roots.filter((r) => r.role === role)
  const member = (name: string, type: TypeNode, required: boolean, doc: string[]): Member => ({
    kind: Kind.PropertySignature,
    name,
    type: typed(type),
    hasQuestionToken: !required,
    docs: jsDoc(safeDocLines(doc)),
  })
  const literal = (text: string): TypeNode => ({ kind: 'literal', text })

  if (dataName) members.push(member('data', reference(dataName), false, ['The request body.']))
  const jsonBody = roots('json')[0]
  if (op.method === 'delete' && jsonBody) {
    const how = `wxpay.client.v3.request({ method: 'delete', url: '${op.uri}', data })`
    members.push(member('data', reference('never'), false, [`\`delete(config)\` drops a body; send {@link JsonDataRequest} with \`${how}\`.`]))
    notes.push(`The runtime sends no body with \`delete(config)\`: send {@link JsonDataRequest} with \`${how}\`.`)
  }

  for (const segment of op.segments) {
    if (segment.kind === 'literal') continue
    const root = roots('path').find((r) => r.field.name === segment.name || r.value === segment.name)
    if (segment.kind === 'fixed') {
      members.push(member(segment.name, literal(quote(segment.value)), true, [`Fills \`{${segment.name}}\` in the URL: always \`${segment.value}\`.`]))
    } else if (root) {
      members.push({ ...propertyOf({ ...root.field, required: true }, context, [segment.name]), name: segment.name })
    } else {
      members.push(member(segment.name, reference('string'), true, [`Fills \`{${segment.name}}\` in the URL.`]))
    }
  }

  const query = roots('query')[0]
  if (query) members.push(objectMember('params', query.field, context))
  const headers = headersOf(op)
  if (headers) members.push(objectMember('headers', headers, context))

  for (const root of [...roots('security'), ...roots('nonceless')]) members.push(propertyOf(root.field, context, [root.field.name]))
  const baseUri = roots('base_uri')[0]
  if (baseUri) {
    const doc = docText(baseUri.field.description)
    members.push(member('baseURL', baseUri.value ? literal(quote(baseUri.value)) : reference('string'), baseUri.field.required, doc))
  }
  if (op.response.empty?.kind === 'file-stream') {
    members.push(member('responseType', literal("'stream'"), true, ['The reply is a file: read it as a stream.']))
    if (op.protocol === 'v3') members.push(member('transformResponse', literal('[]'), true, ['No JSON parsing or signature check of the file.']))
  }
  const meta = multipartMeta(op)
  if (meta) members.push(member('meta', metaType(meta), true, ['The `meta` part again, unencoded: the APIv3 signature covers it.']))
  const timeout = roots('timeout')[0]
  if (timeout) members.push(member('timeout', reference('number'), timeout.field.required, docText(timeout.field.description)))

  const docs = jsDoc(['The request config: axios options plus what the runtime reads.'])
  const declaration = interfaceOf('RequestConfig', docs, ['AxiosRequestConfig'], members)
  const required = members.some((m) => !m.hasQuestionToken && m.name !== 'data')
  return { declaration, payloads: context.payloads, required, notes }
}

function objectMember(name: string, field: IrField, context: ReturnType<typeof newContext>): Member {
  const object = field.type.kind === 'object' ? field.type : { kind: 'object' as const, fields: [] }
  const required = field.required && object.fields.some((f) => f.required)
  // The docs mark the root required even when none of its members is; say why the member is optional anyway.
  const description = field.required && !required ? [field.description, optionalRootNote(name, field.name)].join('\n') : field.description
  return { ...propertyOf({ ...field, required, type: object, description }, context, [name]), name }
}

/** Why `data` or a config member is optional although its root row is `data-required`. */
export function optionalRootNote(member: string, root: string): string {
  return `\`${member}\` is optional: the docs mark \`${root}\` required, but none of its members is.`
}

/** The type of the `meta` the signer signs: the decoded payload type when the part is an encoded string. */
function metaType(meta: IrField): TypeNode {
  return meta.type.kind === 'encoded' ? reference('BinaryDataRequestMeta') : typeNode(meta.type, newContext('request', false, undefined, ''), [])
}
