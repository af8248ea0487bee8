import type { IrExample, IrField, IrObjectType, IrType } from '../../ir/types.js'
import { reference, type TypeAliasDeclaration, type TypeNode } from '../types/declarations.js'
import { quote } from '../types/identifiers.js'

/** Words an ES module cannot use as a binding name. */
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval').split(' '),
)

/** A binding name for a field: the field's own name when it can be one, else a cleaned-up variant. */
export function bindingName(name: string): string {
  if (/^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+$/.test(name)) {
    // A header name: `Wechatpay-Serial` → `wechatpaySerial`.
    const [head = '', ...rest] = name.split('-')
    return head.toLowerCase() + rest.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')
  }
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, '_').replace(/^(?=[0-9])/, '_')
  return RESERVED.has(cleaned) || cleaned !== name ? `${cleaned}_` : cleaned
}

/**
 * Values the example uses that virtual.ts must declare: each a binding name and its TypeScript type, written as an
 * indexed access into the declarations (`…XmlDataRequest['mch_id']`).
 */
export class Declared {
  readonly entries = new Map<string, TypeNode>()

  /** Declares `name` with `type` and returns the binding; a second field of the same name gets a suffix. */
  use(name: string, type: TypeNode): string {
    const same = (other: TypeNode | undefined) => JSON.stringify(other) === JSON.stringify(type)
    let binding = bindingName(name)
    for (let i = 2; this.entries.has(binding) && !same(this.entries.get(binding)); i++) binding = `${bindingName(name)}${i}`
    this.entries.set(binding, type)
    return binding
  }
}

/** `export type Name = Target`, for a JSDoc `@type {import('./virtual').Name}`. */
export function alias(name: string, target: string): TypeAliasDeclaration {
  return { kind: 'type-alias', name, docs: [], type: reference(target) }
}

/**
 * The docs' example value as a JavaScript literal of the field's type, or undefined when there is none or it does
 * not fit (then the example uses a declared value instead).
 */
export function literalOf(type: IrType, example: IrExample | undefined): string | undefined {
  if (!example) return undefined
  switch (type.kind) {
    case 'scalar': {
      const value = scalarOf(example)
      if (value === undefined) return undefined
      const numeric = type.name === 'integer' || type.name === 'number'
      const typed = numeric ? (typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(String(value)) ? Number(value) : undefined)
        : type.name === 'boolean' ? (typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined)
        : typeof value === 'boolean' ? undefined : String(value)
      if (typed === undefined) return undefined
      if (type.enum && !type.enum.values.some((v) => String(v) === String(typed))) return undefined
      return typeof typed === 'string' ? quote(typed) : String(typed)
    }
    case 'true':
      return example.kind === 'boolean' && example.value ? 'true' : undefined
    case 'object': {
      if (example.kind !== 'map' || type.variants?.length) return undefined
      const parts: string[] = []
      for (const field of type.fields) {
        const entry = example.entries.find((e) => e.key === field.name)
        const value = literalOf(field.type, entry?.value)
        if (value === undefined && (field.required || entry)) return undefined
        if (value !== undefined) parts.push(`${propertyText(field.name)}: ${value}`)
      }
      return `{ ${parts.join(', ')} }`
    }
    case 'array': {
      if (example.kind !== 'list') return undefined
      const items = example.items.map((item) => literalOf(type.items, item))
      return items.every((i) => i !== undefined) ? `[${items.join(', ')}]` : undefined
    }
    case 'encoded': {
      // `\json_encode([...])` in PHP is `JSON.stringify({...})` here; the payload's own type documents the shape.
      if (type.via === 'json_encode' && example.kind === 'call' && /json_encode$/.test(example.callee) && example.args[0]) {
        const payload = looseLiteral(example.args[0])
        return payload === undefined ? undefined : `JSON.stringify(${payload})`
      }
      if (type.enum) return undefined
      const value = scalarOf(example)
      return typeof value === 'string' ? quote(value) : undefined
    }
    case 'opaque':
      return undefined
    default: {
      const never: never = type
      throw new Error(`Unhandled type ${JSON.stringify(never)}`)
    }
  }
}

/**
 * A field's example as a JavaScript literal. The IR keeps examples on leaves only, so an object (or a list of objects)
 * is put back together from its fields' examples, as the docs' PHP sample wrote it: `{ total: 100, currency: 'CNY' }`.
 * Undefined when a required member has none that fits, or none has any: the example then uses a declared value.
 */
export function fieldLiteral(field: IrField, indent = 2): string | undefined {
  const type = field.type
  if (type.kind === 'object') return objectLiteral(type, indent)
  if (type.kind === 'array' && type.items.kind === 'object') {
    const item = objectLiteral(type.items, indent)
    return item === undefined ? undefined : `[${item}]`
  }
  return literalOf(type, field.example)
}

/** Lines wider than this are broken, one member a line. */
const WIDTH = 100

/** An object literal at column `indent`: on one line when it fits, else a member a line. */
function objectLiteral(type: IrObjectType, indent: number): string | undefined {
  // The example fills the first variant of a oneOf, as `attachExamples` attached it.
  const fields = [...type.fields, ...(type.variants?.[0] ?? [])]
  const parts: string[] = []
  for (const field of fields) {
    const value = fieldLiteral(field, indent + 2)
    if (value === undefined && field.required) return undefined
    if (value !== undefined) parts.push(`${propertyText(field.name)}: ${value}`)
  }
  if (parts.length === 0) return undefined
  const line = `{ ${parts.join(', ')} }`
  if (!line.includes('\n') && indent + line.length <= WIDTH - 20) return line
  const pad = ' '.repeat(indent + 2)
  return `{\n${parts.map((part) => `${pad}${part},`).join('\n')}\n${' '.repeat(indent)}}`
}

export function propertyText(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name)
}

function scalarOf(example: IrExample): string | number | boolean | undefined {
  return example.kind === 'string' || example.kind === 'number' || example.kind === 'boolean' ? example.value : undefined
}

/** Any literal example as JavaScript, without a type to fit. */
function looseLiteral(example: IrExample): string | undefined {
  switch (example.kind) {
    case 'string':
      return quote(example.value)
    case 'number':
    case 'boolean':
      return String(example.value)
    case 'null':
      return 'null'
    case 'list': {
      const items = example.items.map(looseLiteral)
      return items.every((i) => i !== undefined) ? `[${items.join(', ')}]` : undefined
    }
    case 'map': {
      const entries = example.entries.map((e) => [e.key, looseLiteral(e.value)] as const)
      return entries.every(([, v]) => v !== undefined) ? `{ ${entries.map(([k, v]) => `${propertyText(k)}: ${v}`).join(', ')} }` : undefined
    }
    case 'call':
    case 'expression':
      return undefined
    default: {
      const never: never = example
      throw new Error(`Unhandled example ${JSON.stringify(never)}`)
    }
  }
}
