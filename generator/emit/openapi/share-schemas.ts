import { pascalName } from '../types/identifiers.js'
import { objectOf, type Json, type JsonObject } from './json-schema.js'

/**
 * Object shapes the docs repeat become components: a shape (an object schema of two or more members, compared with
 * every nested description, enum and `required`, but not the description of the field that holds it) found in two
 * or more operations. A shape nested in a shared one is a component of its own only when it is also found elsewhere.
 * Each component is named after the field that holds it most often (`amount` → `Amount`); shapes that would take the
 * same name are numbered by how many operations use them, then by content, so names do not depend on page order.
 */
export function shareSchemas(operations: JsonObject[], hints: Array<{ request: string; reply: string }>): { operations: JsonObject[]; schemas: JsonObject } {
  const shapes = new Shapes()
  operations.forEach((operation, index) => shapes.collect(operation, index, '', hints[index]!))
  // First which shapes become components (outermost first), then their names, then the document with references.
  const shared = new Set<number>()
  const mark = (node: Json, within: number): void => {
    if (Array.isArray(node)) return node.forEach((item) => mark(item, within))
    if (node === null || typeof node !== 'object') return
    const shape = shapes.shapeOf(node)
    if (shape === undefined || shapes.uses(shape) <= within) return Object.entries(node).forEach(([key, value]) => !isExtension(key) && value !== undefined && mark(value, within))
    if (shared.has(shape)) return
    shared.add(shape)
    Object.entries(node).forEach(([key, value]) => key !== 'description' && !isExtension(key) && value !== undefined && mark(value, shapes.uses(shape)))
  }
  operations.forEach((operation) => mark(operation, 1))
  const names = shapes.names(shared)
  const components = new Map<string, JsonObject>()
  const replace = (node: Json, within: number): Json => {
    if (Array.isArray(node)) return node.map((item) => replace(item, within))
    if (node === null || typeof node !== 'object') return node
    const shape = shapes.shapeOf(node)
    if (shape === undefined || shapes.uses(shape) <= within) return members(node, within)
    const name = names.get(shape)!
    if (!components.has(name)) {
      const { description: _, ...body } = node
      components.set(name, members(body, shapes.uses(shape)))
    }
    return objectOf([['$ref', `#/components/schemas/${name}`], ['description', node.description]])
  }
  const members = (node: JsonObject, within: number): JsonObject =>
    objectOf(Object.entries(node).map(([key, value]) => [key, value === undefined || isExtension(key) ? value : replace(value, within)]))
  return {
    operations: operations.map((operation) => members(operation, 1)),
    schemas: objectOf([...components].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  }
}

/** Object schemas by content: each distinct shape gets a number, the operations it is found in, and name hints. */
class Shapes {
  private readonly ids = new Map<string, number>()
  private readonly byNode = new WeakMap<object, number>()
  private readonly operations: Array<Set<number>> = []
  private readonly hints: Array<Map<string, number>> = []
  private readonly keys: string[] = []

  /** Interns every value below `node` bottom-up; returns the content id of `node`. */
  collect(node: Json, operation: number, hint: string, roots?: { request: string; reply: string }, counted = true): number {
    if (Array.isArray(node)) return this.intern(`[${node.map((item) => this.collect(item, operation, hint, undefined, counted)).join(',')}]`)
    if (node === null || typeof node !== 'object') return this.intern(JSON.stringify(node))
    const parts: string[] = []
    for (const [key, value] of Object.entries(node)) {
      if (value === undefined) continue
      // The members of `properties` are named by their keys, a parameter's schema by the parameter; everything else
      // inherits the name of what holds it, up to the operation's request and reply.
      const inner = roots && key === 'requestBody' ? roots.request : roots && key === 'responses' ? roots.reply : key === 'schema' && typeof node.name === 'string' ? node.name : hint
      const id = key === 'properties' && value !== null && typeof value === 'object' && !Array.isArray(value)
        ? this.intern(`{${Object.entries(value).map(([name, child]) => `${JSON.stringify(name)}:${this.collect(child as Json, operation, name, undefined, counted)}`).join(',')}}`)
        : this.collect(value, operation, inner, undefined, counted && !isExtension(key))
      parts.push(`${JSON.stringify(key)}:${id}`)
    }
    // A shape is compared without its own description (the holding field's), a member with everything.
    const whole = this.intern(`{${parts.join(',')}}`)
    if (counted && isObjectSchema(node)) {
      const shape = this.intern(`{${parts.filter((part) => !part.startsWith('"description":')).join(',')}}`)
      this.byNode.set(node, shape)
      ;(this.operations[shape] ??= new Set()).add(operation)
      const hints = (this.hints[shape] ??= new Map())
      hints.set(hint, (hints.get(hint) ?? 0) + 1)
    }
    return whole
  }

  shapeOf(node: JsonObject): number | undefined {
    return this.byNode.get(node)
  }

  uses(shape: number): number {
    return this.operations[shape]?.size ?? 0
  }

  /** A name for each of `shared`. */
  names(shared: Set<number>): Map<number, string> {
    const byName = new Map<string, number[]>()
    for (const id of shared) {
      const hint = [...this.hints[id]!].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))[0]![0]
      const name = pascalName(hint).replace(/\$/g, '_').replace(/^_+$/, '') || 'Shape'
      byName.set(name, [...(byName.get(name) ?? []), id])
    }
    const names = new Map<number, string>()
    for (const [name, ids] of byName) {
      ids.sort((a, b) => this.uses(b) - this.uses(a) || (this.keys[a]! < this.keys[b]! ? -1 : 1))
      ids.forEach((id, i) => names.set(id, i === 0 ? name : `${name}${i + 1}`))
    }
    return names
  }

  private intern(key: string): number {
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.keys.length
      this.ids.set(key, id)
      this.keys.push(key)
    }
    return id
  }
}

/**
 * Shapes under `x-…` members (the decoded payload of an encrypted field) stay where they are: tools do not follow
 * references inside extensions, so a component used only there would look unused.
 */
function isExtension(key: string): boolean {
  return key.startsWith('x-')
}

function isObjectSchema(node: JsonObject): boolean {
  const properties = node.properties
  return node.type === 'object' && properties !== null && typeof properties === 'object' && !Array.isArray(properties) && Object.keys(properties).length >= 2
}
