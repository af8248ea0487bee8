import type { IrField, IrType } from './types.js'

/** Visits every field, depth first, including payload and variant members. */
export function walkFields(fields: IrField[], visit: (field: IrField) => void): void {
  for (const field of fields) {
    visit(field)
    walkFields(childrenOf(field.type), visit)
  }
}

export function childrenOf(type: IrType): IrField[] {
  switch (type.kind) {
    case 'object':
      return [...type.fields, ...(type.variants ?? []).flat()]
    case 'array':
      return childrenOf(type.items)
    case 'encoded':
      return childrenOf(type.payload)
    case 'scalar':
    case 'true':
    case 'opaque':
      return []
    default: {
      const never: never = type
      throw new Error(`Unhandled type ${JSON.stringify(never)}`)
    }
  }
}
