import type { IrObjectType } from '../../ir/types.js'
import { jsDoc, typed, type Interface, type Property, type TypeAlias } from './declarations.js'
import { officialLink, safeDocLines, type Side } from './doc-comment.js'
import { Kind } from './structure-kinds.js'
import { typeNode, type PayloadType, type TypeContext } from './type-text.js'

export function newContext(side: Side, xmlReply: boolean, link: string | undefined, prefix: string): TypeContext {
  return { side, xmlReply, link, prefix, payloads: [] }
}

/**
 * An exported interface for an object, or a type alias when the object has variants (a oneOf cannot be an
 * interface).
 */
export function declareObject(name: string, object: IrObjectType, context: TypeContext, doc: string[]): Interface | TypeAlias {
  const docs = jsDoc(safeDocLines(withLink(doc, context.link)))
  const type = typeNode(object, context, [])
  if (object.variants?.length) return { kind: Kind.TypeAlias, isExported: true, name, docs, type: typed(type) }
  const properties: Property[] = type.kind === 'object' ? type.members : []
  return interfaceOf(name, docs, [], properties)
}

/** Type aliases for decoded payloads, in the order they were met. */
export function declarePayloads(payloads: PayloadType[]): TypeAlias[] {
  return payloads.map((p) => ({ kind: Kind.TypeAlias, isExported: true, name: p.name, docs: jsDoc(safeDocLines(p.doc)), type: typed(p.type) }))
}

/** An exported interface of properties. */
export function interfaceOf(name: string, docs: string[], heritage: string[], properties: Property[]): Interface {
  return { kind: Kind.Interface, isExported: true, name, docs, extends: heritage, callSignatures: [], properties, methods: [] }
}

function withLink(doc: string[], link: string | undefined): string[] {
  return link ? [...doc, officialLink(link)] : doc
}
