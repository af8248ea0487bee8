import {
  StructureKind,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type TypeAliasDeclarationStructure,
} from 'ts-morph'
import type { IrField, IrObjectType } from '../../ir/types.js'
import { fieldDoc, safeDocLines, type Side } from './doc-comment.js'
import { propertyKey } from './identifiers.js'
import { payloadNameOf, typeText, type PayloadType, type TypeContext } from './type-text.js'

export function newContext(side: Side, xmlReply: boolean, link: string | undefined, prefix: string): TypeContext {
  return { side, xmlReply, link, prefix, payloads: [] }
}

/**
 * An exported interface for an object, or a type alias when the object has variants (a oneOf cannot be an
 * interface).
 */
export function declareObject(
  name: string,
  object: IrObjectType,
  context: TypeContext,
  doc: string[],
): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const docs = [safeDocLines(withLink(doc, context.link)).join('\n')]
  if (object.variants?.length) {
    return { kind: StructureKind.TypeAlias, name, isExported: true, docs, type: typeText(object, context, []) }
  }
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs,
    properties: object.fields.map((field) => propertyOf(field, context, [field.name])),
  }
}

/** An interface member for a field, its type written out in full with nested member docs. */
export function propertyOf(field: IrField, context: TypeContext, path: string[]): OptionalKind<PropertySignatureStructure> {
  const type = typeText(field.type, context, path)
  const payload = payloadNameOf(field.type, context, path)
  return {
    name: propertyKey(field.name),
    hasQuestionToken: !field.required,
    type,
    docs: [safeDocLines(fieldDoc(field, context.side, context.link, payload)).join('\n')],
  }
}

/** Type aliases for decoded payloads, in the order they were met. */
export function declarePayloads(payloads: PayloadType[]): TypeAliasDeclarationStructure[] {
  return payloads.map((p) => ({
    kind: StructureKind.TypeAlias,
    name: p.name,
    isExported: true,
    docs: [safeDocLines(p.doc).join('\n')],
    type: p.text,
  }))
}

function withLink(doc: string[], link: string | undefined): string[] {
  return link ? [...doc, `@link ${link}`] : doc
}
