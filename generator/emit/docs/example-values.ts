import type { IrExample, IrField, IrType } from '../../ir/types.js'
import { reference, typed, type TypeAlias, type TypeNode } from '../types/declarations.js'
import { Kind } from '../types/structure-kinds.js'
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

  /** A copy to declare into tentatively; `adopt` keeps what it declared. */
  fork(): Declared {
    const fork = new Declared()
    for (const [name, type] of this.entries) fork.entries.set(name, type)
    return fork
  }

  adopt(fork: Declared): void {
    for (const [name, type] of fork.entries) this.entries.set(name, type)
  }
}

/** `export type Name = Target`, for a JSDoc `@type {import('./virtual').Name}`. */
export function alias(name: string, target: string): TypeAlias {
  return { kind: Kind.TypeAlias, isExported: true, name, docs: [], type: typed(reference(target)) }
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

/** Whether every required field of `fields` has an example that fits. */
export function fieldsHaveExamples(fields: IrField[]): boolean {
  return fields.every((f) => !f.required || literalOf(f.type, f.example) !== undefined)
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
