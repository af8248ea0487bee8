import type { IrEndpoint } from '../../ir/types.js'
import { jsDoc, typed, type CallSignature, type Method, type Namespace, type Parameter, type TypeNode } from './declarations.js'
import { docText, officialLink, safeDocLines } from './doc-comment.js'
import { endpointNamespace, methodNamespace, typeName } from './identifiers.js'
import { declareObject, declarePayloads, newContext } from './declare-object.js'
import type { PayloadType } from './type-text.js'
import { optionalRootNote, requestConfigOf } from './request-config.js'
import { bodyObject, bodyOf, carriesBody } from './request-shape.js'
import { declareResponse } from './declare-response.js'
import { Kind, NAMESPACE } from './structure-kinds.js'

/** What one endpoint contributes: its `<Verb>HttpMethod` namespace and the members of its leaf segment interface. */
export interface EndpointDeclarations {
  namespace: Namespace
  callSignature?: CallSignature
  method: Method
}

export function declareEndpoint(op: IrEndpoint): EndpointDeclarations {
  const link = op.links[0]?.url
  const verb = methodNamespace(op.method)
  const statements: Namespace['statements'] = []
  const payloads: PayloadType[] = []

  const withData = carriesBody(op.method)
  const { root: bodyRoot, name: bodyName } = bodyOf(op)
  let bodyRequired = false
  if (bodyRoot || withData) {
    // The page's link stands on the verbs, where a call is hovered, not again on each declaration.
    const context = newContext('request', false, undefined, bodyName)
    const object = bodyObject(op, bodyRoot?.field, bodyRoot?.role === 'xml')
    statements.push(declareObject(bodyName, object, context, [`The request body of ${op.title.replace(/\n/g, ' ')}.`]))
    payloads.push(...context.payloads)
    bodyRequired = object.fields.some((f) => f.required)
  }

  const config = requestConfigOf(op, withData ? bodyName : undefined)
  statements.push(config.declaration)
  payloads.push(...config.payloads)

  statements.push(...declarePayloads(payloads), ...declareResponse(op))

  const leaf = typeName(op.segments[op.segments.length - 1]!)
  const ref = (name: string): TypeNode => ({ kind: 'reference', name: `${leaf}.${verb}.${name}` })
  const parameters: Parameter[] = []
  const notes = [...config.notes]
  if (withData) {
    // A parameter may be optional only when every later one is.
    const dataOptional = !bodyRequired && !config.required
    parameters.push({ kind: Kind.Parameter, name: 'data', type: typed(ref(bodyName)), hasQuestionToken: dataOptional })
    if (dataOptional && bodyRoot?.field.required) notes.push(optionalRootNote('data', bodyRoot.field.name))
  }
  parameters.push({ kind: Kind.Parameter, name: 'config', type: typed(ref('RequestConfig')), hasQuestionToken: !config.required })
  const returnType = typed({ kind: 'generic', name: 'AxiosPromise', args: [ref('WellformedResponse')] })
  // The link goes before the tags: a line after a tag would continue that tag.
  const linkLine = link ? [officialLink(link)] : []
  const deprecated = op.notices.filter((n) => n.status === 'deprecated').map((n) => `@deprecated ${docText(n.text)[0] ?? ''}`.trimEnd())
  // TypeScript's message for a missing argument cannot be changed; the hint shows where the call is typed.
  const security = op.request.roots.some((r) => r.role === 'security' && r.field.required)
  const params = security ? ['@param config needs `security: true`: this call presents the merchant certificate (mutual TLS).'] : []
  const title = docText(op.title)
  const methodDoc = [...title, ...linkLine, ...notes, ...deprecated, ...params]
  const shortlandDoc = [`${title[0] ?? ''} (shortland of \`post\`)`.trimStart(), ...linkLine, ...notes, ...deprecated, ...params]

  return {
    namespace: { kind: Kind.Module, name: endpointNamespace(op), declarationKind: NAMESPACE, hasDeclareKeyword: false, statements },
    callSignature: op.method === 'post' ? { kind: Kind.CallSignature, docs: jsDoc(safeDocLines(shortlandDoc)), parameters, returnType } : undefined,
    method: { kind: Kind.MethodSignature, name: op.method, docs: jsDoc(safeDocLines(methodDoc)), parameters, returnType },
  }
}
