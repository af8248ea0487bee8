import type { IrObjectType } from '../../ir/types.js'
import type { InterfaceDeclaration, PropertySignature, TypeAliasDeclaration } from './declarations.js'
import { safeDocLines, type Side } from './doc-comment.js'
import { typeNode, type PayloadType, type TypeContext } from './type-text.js'

export function newContext(side: Side, xmlReply: boolean, link: string | undefined, prefix: string): TypeContext {
  return { side, xmlReply, link, prefix, payloads: [] }
}

/**
 * An exported interface for an object, or a type alias when the object has variants (a oneOf cannot be an
 * interface).
 */
export function declareObject(name: string, object: IrObjectType, context: TypeContext, doc: string[]): InterfaceDeclaration | TypeAliasDeclaration {
  const docs = safeDocLines(withLink(doc, context.link))
  const type = typeNode(object, context, [])
  if (object.variants?.length) return { kind: 'type-alias', name, docs, type }
  const members: PropertySignature[] = type.kind === 'object' ? type.members : []
  return { kind: 'interface', name, docs, extends: [], members }
}

/** Type aliases for decoded payloads, in the order they were met. */
export function declarePayloads(payloads: PayloadType[]): TypeAliasDeclaration[] {
  return payloads.map((p) => ({ kind: 'type-alias', name: p.name, docs: safeDocLines(p.doc), type: p.type }))
}

function withLink(doc: string[], link: string | undefined): string[] {
  return link ? [...doc, `@link ${link}`] : doc
}
