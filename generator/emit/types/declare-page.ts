import type { IrEndpoint, IrOperation, IrSegment } from '../../ir/types.js'
import { typed, type Interface, type Namespace, type Property } from './declarations.js'
import { assertNever } from './doc-comment.js'
import { declareEndpoint } from './declare-endpoint.js'
import { declareWebhook } from './declare-webhook.js'
import { propertyName, typeName } from './identifiers.js'
import { interfaceOf } from './declare-object.js'
import { Kind, NAMESPACE } from './structure-kinds.js'

/**
 * The declarations of one page, in the order of seed 000: each operation's `<Verb>HttpMethod` namespace, the leaf
 * segment interface with its verbs, then one interface per ancestor segment up to `WeChatPay.OpenAPI`. Pages merge
 * into one tree because namespaces and interfaces of the same name merge.
 */
export function declarePage(operations: IrOperation[]): Namespace[] {
  const namespaces: Namespace[] = []
  const byUri = new Map<string, IrEndpoint[]>()
  for (const op of operations) {
    switch (op.kind) {
      case 'webhook':
        namespaces.push(declareWebhook(op))
        break
      case 'endpoint':
        byUri.set(op.uri, [...(byUri.get(op.uri) ?? []), op])
        break
      default:
        assertNever(op)
    }
  }
  const chain: Namespace[] = []
  const seen = new Set<string>()
  for (const endpoints of byUri.values()) {
    const declared = endpoints.map(declareEndpoint)
    namespaces.push(...declared.map((d) => d.namespace))
    const segments = endpoints[0]!.segments
    const leaf: Interface = {
      ...interfaceOf(typeName(segments[segments.length - 1]!), [], [], []),
      callSignatures: declared.flatMap((d) => (d.callSignature ? [d.callSignature] : [])).slice(0, 1),
      methods: declared.map((d) => d.method),
    }
    chain.push(namespaceOf(segments.slice(0, -1), [leaf]))
    for (let i = segments.length - 2; i >= 0; i--) {
      const key = segments.slice(0, i + 2).map(typeName).join('.')
      if (seen.has(key)) continue
      seen.add(key)
      chain.push(namespaceOf(segments.slice(0, i), [parentInterface(segments[i]!, segments[i + 1]!)]))
    }
  }
  return [...namespaces, ...chain]
}

function namespaceOf(segments: IrSegment[], statements: Interface[]): Namespace {
  return { kind: Kind.Module, name: ['WeChatPay', 'OpenAPI', ...segments.map(typeName)].join('.'), declarationKind: NAMESPACE, hasDeclareKeyword: false, statements }
}

/** `interface Pay { profitsharingreturn: Pay.Profitsharingreturn }`: references are relative to the namespace. */
function parentInterface(parent: IrSegment, child: IrSegment): Interface {
  const name = typeName(parent)
  const member: Property = { kind: Kind.PropertySignature, name: propertyName(child), hasQuestionToken: false, type: typed({ kind: 'reference', name: `${name}.${typeName(child)}` }), docs: [] }
  return interfaceOf(name, [], [], [member])
}
