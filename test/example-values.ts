import type { IrExample, IrField, IrObjectType, IrType } from '../generator/ir/types.js'

/** A file part: printed as a value of the declarations' `ReadStream`. */
export const STREAM = Symbol('stream')

export type Value = string | number | boolean | null | typeof STREAM | Value[] | { [key: string]: Value }

export interface ExampleOptions {
  /** Give a required member the docs have no value for a value of its type (an enum's first value, `'x'`, 1 …). */
  fill: boolean
  /** APIv2 XML text (replies, notifications): every scalar a string. */
  text: boolean
}

/**
 * The docs' example value of a field, rebuilt from the values the IR keeps on its leaves (the PHP sample's argument),
 * or undefined when the docs give none; with `fill`, missing required members are filled in.
 */
export function exampleOf(field: IrField, options: ExampleOptions): Value | undefined {
  const given = field.example ? valueOf(field.example) : undefined
  switch (field.type.kind) {
    case 'object':
      return objectExample(field.type, options)
    case 'array': {
      const items = field.type.items
      if (items.kind === 'object') {
        const item = objectExample(items, options)
        return item === undefined ? undefined : [item]
      }
      return given ?? (options.fill ? [filled(items, options)] : undefined)
    }
    default: {
      // Filling, a value that does not fit its scalar type or enum (what `check` reports as example-type-mismatch)
      // is replaced too: the point is then a value of the type.
      const usable = options.fill && given !== undefined && !fits(field.type, given) ? undefined : given
      return usable ?? (options.fill && field.required ? filled(field.type, options) : undefined)
    }
  }
}

function fits(type: IrType, value: Value): boolean {
  if (type.kind !== 'scalar') return true
  const kind = type.name === 'integer' ? 'number' : type.name
  return typeof value === kind && (!type.enum || type.enum.values.some((v) => String(v) === String(value)))
}

/** The members with a value; undefined when none has one (and nothing is filled). */
export function objectExample(type: IrObjectType, options: ExampleOptions): { [key: string]: Value } | undefined {
  const fields = [...type.fields, ...(type.variants?.[0] ?? [])]
  const entries = fields.flatMap((f) => {
    const value = exampleOf(f, options) ?? (options.fill && f.required ? filled(f.type, options) : undefined)
    return value === undefined ? [] : [[f.name, value] as const]
  })
  if (entries.length === 0 && !options.fill) return undefined
  return Object.fromEntries(entries)
}

function filled(type: IrType, options: ExampleOptions): Value {
  const text = (value: Value): Value => (options.text && typeof value !== 'object' ? String(value) : value)
  switch (type.kind) {
    case 'scalar': {
      const first = type.enum?.values[0]
      if (type.name === 'string') return first === undefined ? 'x' : String(first)
      if (type.name === 'boolean') return text(true)
      return text(typeof first === 'number' ? first : 1)
    }
    case 'true':
      return text(true)
    case 'object':
      return objectExample(type, { ...options, fill: true })!
    case 'array':
      return [filled(type.items, options)]
    case 'encoded':
      return type.enum ? String(type.enum.values[0]) : 'x'
    case 'opaque':
      return type.file ? STREAM : {}
    default: {
      const never: never = type
      throw new Error(`Unhandled type ${JSON.stringify(never)}`)
    }
  }
}

/** A PHP literal as the JavaScript value the call sends: `\json_encode([...])` is the JSON text. */
function valueOf(example: IrExample): Value | undefined {
  switch (example.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return example.value
    case 'null':
      return null
    case 'list': {
      const items = example.items.map(valueOf)
      return items.every((i) => i !== undefined) ? (items as Value[]) : undefined
    }
    case 'map': {
      const entries = example.entries.map((e) => [e.key, valueOf(e.value)] as const)
      return entries.every(([, v]) => v !== undefined) ? (Object.fromEntries(entries) as { [key: string]: Value }) : undefined
    }
    case 'call': {
      const inner = example.args[0] && valueOf(example.args[0])
      if (inner === undefined) return undefined
      if (/json_encode$/.test(example.callee)) return JSON.stringify(inner)
      if (/urlencode$/.test(example.callee)) return encodeURIComponent(String(inner))
      return undefined
    }
    case 'expression':
      return undefined
    default: {
      const never: never = example
      throw new Error(`Unhandled example ${JSON.stringify(never)}`)
    }
  }
}

/** A value as TypeScript source; a stream as a value of the declarations' `ReadStream`. */
export function valueText(value: Value): string {
  if (value === STREAM) return "(null as unknown as import('fs').ReadStream)"
  if (Array.isArray(value)) return `[${value.map(valueText).join(', ')}]`
  if (value !== null && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${valueText(v)}`).join(', ')} }`
  return JSON.stringify(value)
}
