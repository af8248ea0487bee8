import { numberedKey } from '../../ir/numbered-key.js'
import type { IrEncodedType, IrEnum, IrField, IrObjectType, IrScalarType, IrType } from '../../ir/types.js'
import { assertNever } from '../types/doc-comment.js'
import { objectOf, setOwn, type Json, type JsonObject } from './json-schema.js'

/** How a schema is written. The OpenAPI document and the client's validators use the same builder. */
export interface SchemaOptions {
  /** APIv2 XML read without value conversion (replies, notifications): every scalar is a string. */
  text: boolean
  /** Descriptions and `x-wechatpay-…` notes, for the OpenAPI document; the validators' schemas leave them out. */
  annotate: boolean
}

/** The schema of a field: its type's, with the field's description and wire notes when annotating. */
export function fieldSchema(field: IrField, options: SchemaOptions): JsonObject {
  const schema = typeSchema(field.type, options)
  if (!options.annotate) return schema
  const description = [field.description, field.tooltip].filter((t) => t !== undefined && t.trim() !== '').join('\n\n')
  const extensions = objectOf([
    // The decoded shape of an encoded field sits on its type; a field without a documented shape still says how.
    ['contentMediaType', field.type.kind !== 'encoded' && field.encoding ? mediaTypeOf(field.encoding) : undefined],
    ['x-wechatpay-encrypted', field.encryption],
    ['x-wechatpay-signed', field.signed],
  ])
  // `description` first, where readers look for it.
  return { ...(description === '' ? {} : { description }), ...schema, ...extensions }
}

export function typeSchema(type: IrType, options: SchemaOptions): JsonObject {
  switch (type.kind) {
    case 'scalar':
      return scalarSchema(type, options)
    case 'true':
      return options.text ? { type: 'string', const: 'true' } : { type: 'boolean', const: true }
    case 'object':
      return objectSchema(type, options)
    case 'array':
      return { type: 'array', items: typeSchema(type.items, options) }
    case 'encoded':
      return encodedSchema(type, options)
    case 'opaque':
      // A file part is whatever stream or buffer the form sends; an undocumented object is any object.
      return type.file ? {} : { type: 'object', additionalProperties: true }
    default:
      return assertNever(type)
  }
}

export function objectSchema(type: IrObjectType, options: SchemaOptions): JsonObject {
  const schema: JsonObject = { type: 'object', ...membersOf(type.fields, options) }
  // Alternatives the docs separate by line rows: TypeScript's union, so any of them may match (a oneOf would reject
  // a value that fits two).
  if (type.variants?.length) schema.anyOf = type.variants.map((fields) => ({ type: 'object', ...membersOf(fields, options) }))
  return schema
}

function membersOf(fields: IrField[], options: SchemaOptions): JsonObject {
  const properties: JsonObject = {}
  const patterns: JsonObject = {}
  const required = new Set<string>()
  for (const field of fields) {
    // A numbered family of keys (`coupon_type_$n`): any of `coupon_type_0`, `coupon_type_1`, …, none required.
    const numbered = numberedKey(field.name)
    if (numbered) {
      setOwn(patterns, numbered.pattern, fieldSchema(field, options))
      continue
    }
    setOwn(properties, field.name, fieldSchema(field, options))
    if (field.required) required.add(field.name)
  }
  const members: JsonObject = { properties }
  if (Object.keys(patterns).length > 0) members.patternProperties = patterns
  if (required.size > 0) members.required = [...required]
  return members
}

function scalarSchema(type: IrScalarType, options: SchemaOptions): JsonObject {
  const numeric = (type.name === 'integer' || type.name === 'number') && !options.text
  if (type.enum) return enumSchema(type.enum, numeric)
  if (options.text) return { type: 'string' }
  return { type: type.name }
}

/** Literal values, numbers on numeric fields as the declarations have them. */
function enumSchema(values: IrEnum, numeric: boolean): JsonObject {
  const literals: Array<string | number> = []
  for (const value of values.values) {
    const literal = numeric && typeof value === 'number' ? value : String(value)
    if (!literals.includes(literal)) literals.push(literal)
  }
  const types = [...new Set(literals.map((l) => (typeof l === 'string' ? 'string' : Number.isInteger(l) ? 'integer' : 'number')))]
  return { type: types.length === 1 ? types[0]! : types, enum: literals }
}

/**
 * A string on the wire. The OpenAPI document names what it carries: JSON Schema's `contentMediaType` and
 * `contentSchema` for json_encode'd and urlencoded strings, `x-wechatpay-decoded` for encrypted ones.
 */
function encodedSchema(type: IrEncodedType, options: SchemaOptions): JsonObject {
  const schema = type.enum ? enumSchema(type.enum, false) : { type: 'string' }
  if (!options.annotate) return schema
  const payload = payloadSchema(type, options)
  switch (type.via) {
    case 'json_encode':
    case 'urlencode':
      return { ...schema, contentMediaType: mediaTypeOf(type.via), contentSchema: payload }
    case 'aes-gcm':
    case 'aes-ecb':
    case 'rsa-pubkey':
    case 'unspecified':
      return { ...schema, 'x-wechatpay-decoded': payload }
    default:
      return assertNever(type.via)
  }
}

/** The decoded value: the payload object, or for a bare list its lone child as items (`unknown`: either). */
function payloadSchema(type: IrEncodedType, options: SchemaOptions): Json {
  const decoded = { ...options, text: false }
  const object = objectSchema(type.payload, decoded)
  const only = type.payload.fields.length === 1 && !type.payload.variants ? type.payload.fields[0] : undefined
  if (!only || type.shape === 'object') return object
  const list = only.type.kind === 'array' ? typeSchema(only.type, decoded) : { type: 'array', items: typeSchema(only.type, decoded) }
  return type.shape === 'list' ? list : { anyOf: [object, list] }
}

function mediaTypeOf(encoding: 'json_encode' | 'urlencode'): string {
  return encoding === 'json_encode' ? 'application/json' : 'application/x-www-form-urlencoded'
}
