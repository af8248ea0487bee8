import type { VFile } from 'vfile'
import { report, type Place } from '../diagnostics/report.js'
import type { IrExample, IrField, IrObjectType, IrRequest, IrType } from './types.js'

/**
 * Attaches the values of the example's argument array to the request fields they belong to (leaves only, so
 * the IR does not repeat whole trees), reports keys the table lacks (A21) and values of another type (A22), and
 * decides whether an encoded single-child payload is a bare list or a keyed object (A6).
 */
export function attachExamples(file: VFile, request: IrRequest, argument: IrExample | undefined, place: Place): void {
  if (argument?.kind !== 'map') return
  const fields = request.roots.map((r) => r.field)
  attachMap(file, fields, argument, place, '')
}

function attachMap(file: VFile, fields: IrField[], value: Extract<IrExample, { kind: 'map' }>, place: Place, prefix: string): void {
  for (const { key, value: item } of value.entries) {
    const field = fields.find((f) => f.name === key)
    if (field) attach(file, field, item, place, `${prefix}${key}`)
    else report(file, 'example-key-unknown', `Example key \`${prefix}${key}\` has no row in the request table`, place)
  }
}

function attach(file: VFile, field: IrField, value: IrExample, place: Place, path: string): void {
  const type = field.type
  switch (type.kind) {
    case 'scalar':
    case 'true':
    case 'opaque':
      field.example = value
      checkScalar(file, field, type, value, place, path)
      return
    case 'object':
      if (value.kind === 'map') attachObject(file, type, value, place, `${path}.`)
      return
    case 'array':
      if (value.kind !== 'list') {
        if (type.items.kind === 'scalar') {
          field.example = value
          report(file, 'example-type-mismatch', `Example \`${path}\` is ${value.kind}, expected a list of ${type.items.name}`, place)
        }
        return
      }
      if (type.items.kind === 'scalar') field.example = value
      else if (type.items.kind === 'object') {
        const first = value.items.find((i) => i.kind === 'map')
        if (first?.kind === 'map') attachObject(file, type.items, first, place, `${path}[].`)
      }
      return
    case 'encoded': {
      const inner = value.kind === 'call' ? value.args[0] : undefined
      if (!inner) {
        field.example = value
        return
      }
      const only = type.payload.fields[0]
      if (type.shape === 'unknown' && only) {
        // A bare list names its single child only as a label; a map with that key makes it a real key.
        if (inner.kind === 'list') {
          type.shape = 'list'
          attach(file, only, inner, place, `${path}(${only.name})`)
        } else if (inner.kind === 'map') {
          type.shape = 'object'
          attachObject(file, type.payload, inner, place, `${path}.`)
        }
      } else if (inner.kind === 'map') attachObject(file, type.payload, inner, place, `${path}.`)
      return
    }
    default: {
      const never: never = type
      throw new Error(`Unhandled type ${JSON.stringify(never)}`)
    }
  }
}

function attachObject(file: VFile, object: IrObjectType, value: Extract<IrExample, { kind: 'map' }>, place: Place, prefix: string): void {
  const fields = [...object.fields, ...(object.variants?.[0] ?? [])]
  attachMap(file, fields, value, place, prefix)
}

function checkScalar(file: VFile, field: IrField, type: IrType, value: IrExample, place: Place, path: string): void {
  if (type.kind !== 'scalar') return
  const fits =
    type.name === 'string' ? value.kind === 'string' :
    type.name === 'boolean' ? value.kind === 'boolean' :
    value.kind === 'number'
  if (!fits && value.kind !== 'expression') {
    report(file, 'example-type-mismatch', `Example \`${path}\` is ${value.kind === 'string' ? `the string '${value.value}'` : value.kind}, expected ${type.name}`, place)
  } else if (fits && type.enum && (value.kind === 'string' || value.kind === 'number') && !type.enum.values.some((v) => String(v) === String(value.value))) {
    // An enum is a type of its own values: a value outside it does not fit either.
    const expected = type.enum.values.map((v) => `\`${v}\``).join(', ')
    report(file, 'example-type-mismatch', `Example \`${path}\` is ${JSON.stringify(value.value)}, expected one of ${expected}`, place)
  }
}
