import type { IrEndpoint, IrOperation, IrSegment } from '../../ir/types.js'
import type { InterfaceDeclaration, NamespaceDeclaration, PropertySignature } from './declarations.js'
import { assertNever } from './doc-comment.js'
import { declareEndpoint } from './declare-endpoint.js'
import { declareWebhook } from './declare-webhook.js'
import { propertyName, typeName } from './identifiers.js'

/**
 * The declarations of one page, in the order of seed 000: each operation's `<Verb>HttpMethod` namespace, the leaf
 * segment interface with its verbs, then one interface per ancestor segment up to `WeChatPay.OpenAPI`. Pages merge
 * into one tree because namespaces and interfaces of the same name merge.
 */
export function declarePage(operations: IrOperation[]): NamespaceDeclaration[] {
  const namespaces: NamespaceDeclaration[] = []
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
  const chain: NamespaceDeclaration[] = []
  const seen = new Set<string>()
  for (const endpoints of byUri.values()) {
    const declared = endpoints.map(declareEndpoint)
    namespaces.push(...declared.map((d) => d.namespace))
    const segments = endpoints[0]!.segments
    const leaf: InterfaceDeclaration = {
      kind: 'interface',
      name: typeName(segments[segments.length - 1]!),
      docs: [],
      extends: [],
      members: [...declared.flatMap((d) => (d.callSignature ? [d.callSignature] : [])).slice(0, 1), ...declared.map((d) => d.method)],
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

function namespaceOf(segments: IrSegment[], body: InterfaceDeclaration[]): NamespaceDeclaration {
  return { kind: 'namespace', name: ['WeChatPay', 'OpenAPI', ...segments.map(typeName)].join('.'), ambient: false, body }
}

/** `interface Pay { profitsharingreturn: Pay.Profitsharingreturn }`: references are relative to the namespace. */
function parentInterface(parent: IrSegment, child: IrSegment): InterfaceDeclaration {
  const name = typeName(parent)
  const member: PropertySignature = { kind: 'property', key: propertyName(child), optional: false, type: { kind: 'reference', name: `${name}.${typeName(child)}` }, docs: [] }
  return { kind: 'interface', name, docs: [], extends: [], members: [member] }
}
