import type { IrEncodedType, IrEnum, IrField, IrObjectType, IrScalarType, IrType } from '../../ir/types.js'
import { assertNever, blockComment, fieldDoc, type Side } from './doc-comment.js'
import { pascalName, propertyKey, quote } from './identifiers.js'

/** A named type for a decoded payload, declared next to the interface that holds the encoded field. */
export interface PayloadType {
  name: string
  text: string
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

/** The TypeScript text of an IR type; decoded payloads are pushed to `context.payloads` and referenced by name. */
export function typeText(type: IrType, context: TypeContext, path: string[]): string {
  switch (type.kind) {
    case 'scalar':
      return scalarText(type, context)
    case 'true':
      return 'true'
    case 'object':
      return objectText(type, context, path)
    case 'array': {
      const item = typeText(type.items, context, path)
      const plain = /^[\w$.]+$/.test(item) || (type.items.kind === 'object' && !type.items.variants?.length)
      return plain ? `${item}[]` : `Array<${item}>`
    }
    case 'encoded':
      return encodedText(type, context, path)
    case 'opaque':
      return type.file ? 'ReadStream' : '{ [key: string]: unknown }'
    default:
      return assertNever(type)
  }
}

/** Members of an object type, one per field, each with its JSDoc. */
export function membersText(fields: IrField[], context: TypeContext, path: string[]): string {
  return fields.map((field) => memberText(field, context, [...path, field.name])).join('\n')
}

function memberText(field: IrField, context: TypeContext, path: string[]): string {
  const type = typeText(field.type, context, path)
  const payload = payloadNameOf(field.type, context, path)
  const doc = blockComment(fieldDoc(field, context.side, context.link, payload))
  return `${doc}${propertyKey(field.name)}${field.required ? '' : '?'}: ${type}`
}

function objectText(type: IrObjectType, context: TypeContext, path: string[]): string {
  const common = `{\n${membersText(type.fields, context, path)}\n}`
  if (!type.variants || type.variants.length === 0) return type.fields.length === 0 ? '{}' : common
  const variants = type.variants.map((fields) => `{\n${membersText(fields, context, path)}\n}`)
  const union = variants.length === 1 ? variants[0]! : `(${variants.join(' | ')})`
  return type.fields.length === 0 ? union : `${common} & ${union}`
}

function scalarText(type: IrScalarType, context: TypeContext): string {
  const numeric = (type.name === 'integer' || type.name === 'number') && !context.xmlReply
  if (type.enum) return enumText(type.enum, numeric)
  if (type.name === 'boolean') return context.xmlReply ? 'string' : 'boolean'
  return numeric ? 'number' : 'string'
}

function enumText(values: IrEnum, numeric: boolean): string {
  const literals = values.values.map((value) => (numeric && typeof value === 'number' ? String(value) : quote(String(value))))
  return [...new Set(literals)].join(' | ')
}

/** On the wire an encoded payload is a string; its decoded structure becomes a named type. */
function encodedText(type: IrEncodedType, context: TypeContext, path: string[]): string {
  const name = payloadNameOf(type, context, path)!
  if (!context.payloads.some((p) => p.name === name)) {
    const entry: PayloadType = { name, text: '', doc: [] }
    context.payloads.push(entry)
    entry.text = payloadText(type, context, path)
    entry.doc = [`The decoded \`${path.join('.')}\` of {@link ${context.prefix}}.`]
  }
  return type.enum ? enumText(type.enum, false) : 'string'
}

function payloadText(type: IrEncodedType, context: TypeContext, path: string[]): string {
  const object = typeText(type.payload, context, path)
  const only = type.payload.fields.length === 1 && !type.payload.variants ? type.payload.fields[0] : undefined
  if (!only || type.shape === 'object') return object
  // A lone child is either a key of an object or only a label of a bare list; `unknown` keeps both readings.
  const list = typeText(only.type.kind === 'array' ? only.type : { kind: 'array', items: asItem(only.type) }, context, [...path, only.name])
  return type.shape === 'list' ? list : `${object} | ${list}`
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
