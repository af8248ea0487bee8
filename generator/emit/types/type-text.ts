import { numberedKey } from '../../ir/numbered-key.js'
import type { IrEncodedType, IrEnum, IrField, IrObjectType, IrScalarType, IrType } from '../../ir/types.js'
import { jsDoc, reference, typed, type Property, type TypeNode } from './declarations.js'
import { assertNever, fieldDoc, safeDocLines, type Side } from './doc-comment.js'
import { pascalName, propertyKey, quote } from './identifiers.js'
import { Kind } from './structure-kinds.js'

/** A named type for a decoded payload, declared next to the interface that holds the encoded field. */
export interface PayloadType {
  name: string
  type: TypeNode
  doc: string[]
}

/** What the type writer needs besides the type: which way it travels, the page link, and where payload types go. */
export interface TypeContext {
  side: Side
  /** APIv2 replies are XML parsed without value conversion, so every scalar arrives as a string. */
  xmlReply: boolean
  link: string | undefined
  /** Name prefix of payload types (`JsonDataRequest`), extended by the field path. */
  prefix: string
  payloads: PayloadType[]
}

/** The TypeScript type of an IR type; decoded payloads are pushed to `context.payloads` and referenced by name. */
export function typeNode(type: IrType, context: TypeContext, path: string[]): TypeNode {
  switch (type.kind) {
    case 'scalar':
      return scalarNode(type, context)
    case 'true':
      return { kind: 'literal', text: 'true' }
    case 'object':
      return objectNode(type, context, path)
    case 'array': {
      const items = typeNode(type.items, context, path)
      const plain = items.kind === 'reference' || (items.kind === 'literal' && /^[\w$.]+$/.test(items.text)) || (items.kind === 'object' && type.items.kind === 'object' && !type.items.variants?.length)
      return plain ? { kind: 'array', items } : { kind: 'generic', name: 'Array', args: [items] }
    }
    case 'encoded':
      return encodedNode(type, context, path)
    case 'opaque':
      return type.file ? reference('ReadStream') : { kind: 'object', members: [], index: '[key: string]: unknown' }
    default:
      return assertNever(type)
  }
}

/** Members of an object type, one per field, each with its JSDoc. */
export function membersOf(fields: IrField[], context: TypeContext, path: string[]): Property[] {
  return fields.map((field) => propertyOf(field, context, [...path, field.name]))
}

/** An object member for a field, its type written out in full with nested member docs. */
export function propertyOf(field: IrField, context: TypeContext, path: string[]): Property {
  const type = typeNode(field.type, context, path)
  const payload = payloadNameOf(field.type, context, path)
  const docs = jsDoc(safeDocLines(fieldDoc(field, context.side, payload)))
  // A numbered family of keys (`coupon_type_$n`) is an index signature over them: `[key: `coupon_type_${number}`]`.
  const numbered = numberedKey(field.name)
  const name = numbered ? `[key: \`${numbered.template}\`]` : propertyKey(field.name)
  return { kind: Kind.PropertySignature, name, hasQuestionToken: !numbered && !field.required, type: typed(type), docs }
}

function objectNode(type: IrObjectType, context: TypeContext, path: string[]): TypeNode {
  const common: TypeNode = { kind: 'object', members: membersOf(type.fields, context, path) }
  if (!type.variants || type.variants.length === 0) return common
  const variants: TypeNode[] = type.variants.map((fields) => ({ kind: 'object', members: membersOf(fields, context, path) }))
  const union: TypeNode = variants.length === 1 ? variants[0]! : { kind: 'union', types: variants }
  return type.fields.length === 0 ? union : { kind: 'intersection', types: [common, union] }
}

function scalarNode(type: IrScalarType, context: TypeContext): TypeNode {
  const numeric = (type.name === 'integer' || type.name === 'number') && !context.xmlReply
  if (type.enum) return enumNode(type.enum, numeric)
  if (type.name === 'boolean') return reference(context.xmlReply ? 'string' : 'boolean')
  return reference(numeric ? 'number' : 'string')
}

function enumNode(values: IrEnum, numeric: boolean): TypeNode {
  const literals = values.values.map((value) => (numeric && typeof value === 'number' ? String(value) : quote(String(value))))
  const types = [...new Set(literals)].map((text): TypeNode => ({ kind: 'literal', text }))
  return types.length === 1 ? types[0]! : { kind: 'union', types }
}

/** On the wire an encoded payload is a string; its decoded structure becomes a named type. */
function encodedNode(type: IrEncodedType, context: TypeContext, path: string[]): TypeNode {
  const name = payloadNameOf(type, context, path)!
  if (!context.payloads.some((p) => p.name === name)) {
    const entry: PayloadType = { name, type: reference('string'), doc: [] }
    context.payloads.push(entry)
    entry.type = payloadNode(type, context, path)
    entry.doc = [`The decoded \`${path.join('.')}\` of {@link ${context.prefix}}.`]
  }
  return type.enum ? enumNode(type.enum, false) : reference('string')
}

function payloadNode(type: IrEncodedType, context: TypeContext, path: string[]): TypeNode {
  const object = typeNode(type.payload, context, path)
  const only = type.payload.fields.length === 1 && !type.payload.variants ? type.payload.fields[0] : undefined
  if (!only || type.shape === 'object') return object
  // A lone child is either a key of an object or only a label of a bare list; `unknown` keeps both readings.
  const list = typeNode(only.type.kind === 'array' ? only.type : { kind: 'array', items: asItem(only.type) }, context, [...path, only.name])
  return type.shape === 'list' ? list : { kind: 'union', types: [object, list] }
}

function asItem(type: IrType): IrScalarType | IrObjectType | IrEncodedType {
  if (type.kind === 'scalar' || type.kind === 'object' || type.kind === 'encoded') return type
  return { kind: 'object', fields: [] }
}

/** The name of the payload type a field of this type carries, if it carries one. */
export function payloadNameOf(type: IrType, context: TypeContext, path: string[]): string | undefined {
  const encoded = type.kind === 'encoded' || (type.kind === 'array' && type.items.kind === 'encoded')
  return encoded ? context.prefix + path.map(pascalName).join('') : undefined
}
