import type { IrField, IrType } from '../ir/types.js'
import { newContext } from '../emit/types/declare-object.js'
import type { TypeNode } from '../emit/types/declarations.js'
import { assertNever, type Side } from '../emit/types/doc-comment.js'
import { typeNode } from '../emit/types/type-text.js'

/** `write`: the caller builds the value (a request; a webhook's acknowledgement). `read`: the caller reads it. */
export type Direction = 'write' | 'read'

export interface ViewNode {
  path: string
  name: string
  parent: string | undefined
  required: boolean
  /** A body root's optionality follows from its members, so only they report it. */
  derived?: boolean
  /** The IR type as a report shows it: `integer`, `object[]`, `string (json_encode)`. */
  label: string
  /** The TypeScript type of the node without its members: `string`, `number`, `object`, `array`, or literals. */
  ts: string
  literals?: string[]
  description: string
}

export interface SideView {
  direction: Direction
  /** What the body is: `object`, `file stream`, `no content (HTTP 204)`, `redirect`. */
  body: string
  nodes: Map<string, ViewNode>
}

/** Collects the nodes of one side of an operation, depth first, each with its TypeScript type as emitted. */
export class ViewBuilder {
  readonly nodes = new Map<string, ViewNode>()

  constructor(readonly direction: Direction) {}

  add(node: ViewNode): void {
    // A name twice under one parent is a docs error reported by `check`; the first row is what the type holds.
    if (!this.nodes.has(node.path)) this.nodes.set(node.path, node)
  }

  object(name: string, parent: string | undefined, fields: IrField[], required: boolean, description: string, side: Side, xml: boolean, derived = false): void {
    const path = join(parent, name)
    this.add({ path, name, parent, required, derived, label: 'object', ts: 'object', description })
    this.fields(fields, path, side, xml)
  }

  fields(fields: IrField[], parent: string | undefined, side: Side, xml: boolean): void {
    for (const field of fields) this.field(field, parent, side, xml)
  }

  field(field: IrField, parent: string | undefined, side: Side, xml: boolean): void {
    const path = join(parent, field.name)
    const description = [field.description, field.tooltip ?? ''].join('\n').trim()
    this.add({ path, name: field.name, parent, required: field.required, ...this.typeOf(field.type, side, xml), label: labelOf(field), description })
    this.members(field.type, path, side, xml)
  }

  /** The members of a type: object fields, array items (`[]`), decoded payloads (`<decoded>`), variants. */
  private members(type: IrType, path: string, side: Side, xml: boolean): void {
    switch (type.kind) {
      case 'object':
        this.fields(type.fields, path, side, xml)
        type.variants?.forEach((fields, i) => {
          const variant = `${path}<variant ${i + 1}>`
          this.add({ path: variant, name: `<variant ${i + 1}>`, parent: path, required: true, label: 'object', ts: 'object', description: '' })
          this.fields(fields, variant, side, xml)
        })
        return
      case 'array': {
        const items = `${path}[]`
        this.add({ path: items, name: '[]', parent: path, required: true, ...this.typeOf(type.items, side, xml), label: labelOfType(type.items), description: '' })
        this.members(type.items, items, side, xml)
        return
      }
      case 'encoded': {
        const decoded = `${path}<decoded>`
        this.add({ path: decoded, name: '<decoded>', parent: path, required: true, label: `object (${type.shape})`, ts: `payload ${type.shape}`, description: '' })
        this.members(type.payload, decoded, side, xml)
        return
      }
      case 'scalar':
      case 'true':
      case 'opaque':
        return
      default:
        assertNever(type)
    }
  }

  private typeOf(type: IrType, side: Side, xml: boolean): Pick<ViewNode, 'ts' | 'literals'> {
    if (type.kind === 'object') return { ts: 'object' }
    if (type.kind === 'array') return { ts: 'array' }
    const node = typeNode(type, newContext(side, xml, undefined, ''), [])
    return tsOf(node)
  }

  done(body: string): SideView {
    return { direction: this.direction, body, nodes: this.nodes }
  }
}

/** A scalar's TypeScript type: a name, or the literals of an enum. */
function tsOf(node: TypeNode): Pick<ViewNode, 'ts' | 'literals'> {
  switch (node.kind) {
    case 'literal':
      return { ts: 'literal', literals: [node.text] }
    case 'union':
      if (node.types.every((t) => t.kind === 'literal')) return { ts: 'literal', literals: node.types.map((t) => (t.kind === 'literal' ? t.text : '')) }
      return { ts: 'union' }
    case 'reference':
      return { ts: node.name }
    case 'object':
      return { ts: node.index ? 'record' : 'object' }
    default:
      return { ts: node.kind }
  }
}

const join = (parent: string | undefined, name: string) => (parent === undefined ? name : `${parent}.${name}`)

function labelOf(field: IrField): string {
  // An encoded type names its encryption already: `string (aes-gcm)`.
  const encryption = field.type.kind === 'encoded' && field.type.via === field.encryption ? undefined : field.encryption
  const notes = [encryption && `encrypted ${encryption}`, field.signed && `signed ${field.signed}`].filter(Boolean)
  const label = labelOfType(field.type)
  return notes.length ? `${label} (${notes.join(', ')})` : label
}

function labelOfType(type: IrType): string {
  switch (type.kind) {
    case 'scalar':
      return type.written ?? type.name
    case 'true':
      return 'true'
    case 'object':
      return 'object'
    case 'array':
      return `${labelOfType(type.items)}[]`
    case 'encoded':
      return `string (${type.via})`
    case 'opaque':
      return type.file ? 'file' : 'object (undocumented)'
    default:
      return assertNever(type)
  }
}
