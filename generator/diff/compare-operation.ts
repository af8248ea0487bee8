import type { IrOperation } from '../ir/types.js'
import { callerView, type Direction, type SideView, type ViewNode } from './caller-view.js'
import type { ChangeSide, FieldChange } from './diff-types.js'

/**
 * The changes of one operation between two versions, each with its verdict: does it break an old call (`write`
 * sides), or old code reading the reply (`read` sides)? The rules are TypeScript's: a value the caller writes must
 * still be assignable and may not carry a member the new type lacks (an object literal's excess member is an error);
 * a value the caller reads must still be assignable to what the old code expects and keep every member it read.
 */
export function compareOperation(base: IrOperation, head: IrOperation): FieldChange[] {
  const before = callerView(base)
  const after = callerView(head)
  return [...operationNotes(base, head), ...compareSide('request', before.request, after.request), ...compareSide('response', before.response, after.response)]
}

function operationNotes(base: IrOperation, head: IrOperation): FieldChange[] {
  const changes: FieldChange[] = []
  const note = (kind: 'description' | 'links', before: string, after: string) => {
    if (before !== after) changes.push({ side: 'operation', path: '', kind, before, after, breaking: false })
  }
  note('description', base.title, head.title)
  note('description', base.description, head.description)
  const notices = (op: IrOperation) => op.notices.map((n) => `${n.status}: ${n.text}`).join('\n')
  note('description', notices(base), notices(head))
  const links = (op: IrOperation) => op.links.map((l) => l.url).join(' ')
  note('links', links(base), links(head))
  return changes
}

function compareSide(side: ChangeSide, before: SideView, after: SideView): FieldChange[] {
  const direction = after.direction
  const changes: FieldChange[] = []
  const change = (path: string, kind: FieldChange['kind'], was: string | null, now: string | null, breaking: boolean) =>
    changes.push({ side, path, kind, before: was, after: now, breaking })
  if (before.body !== after.body) {
    // A file download also requires `responseType: 'stream'` in the request config, and reads a stream.
    const breaking = before.body === 'file stream' || after.body === 'file stream'
    change('', 'type-changed', before.body, after.body, breaking)
  }
  const gone = topmost([...before.nodes.values()].filter((n) => !after.nodes.has(n.path)))
  const born = topmost([...after.nodes.values()].filter((n) => !before.nodes.has(n.path)))
  const moves = pairMoves(gone, born)
  for (const node of gone) {
    const to = moves.get(node)
    if (to) change(node.path, 'moved', node.path, to.path, true)
    // A member less breaks both ways (a literal may not carry it, old code may read it); so does an alternative less.
    else if (node.name !== '<decoded>') change(node.path, 'removed', node.label, null, true)
  }
  const moved = new Set(moves.values())
  for (const node of born) {
    if (moved.has(node) || node.name === '<decoded>') continue
    change(node.path, 'added', null, node.label, addedBreaks(node, direction, before))
  }
  for (const old of before.nodes.values()) {
    const now = after.nodes.get(old.path)
    if (now) compareNode(old, now, direction, change)
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind))
}

type Report = (path: string, kind: FieldChange['kind'], before: string | null, after: string | null, breaking: boolean) => void

function compareNode(old: ViewNode, now: ViewNode, direction: Direction, change: Report): void {
  if (old.required !== now.required && !now.derived) {
    const breaking = direction === 'write' ? now.required : old.required
    change(now.path, old.required ? 'required-to-optional' : 'optional-to-required', old.required ? 'required' : 'optional', now.required ? 'required' : 'optional', breaking)
  }
  const literalsBoth = old.literals && now.literals
  if (old.label !== now.label || (old.ts !== now.ts && !literalsBoth)) {
    change(now.path, 'type-changed', shown(old), shown(now), typeChangeBreaks(old, now, direction))
  }
  if (old.literals && now.literals) {
    const added = now.literals.filter((v) => !old.literals!.includes(v))
    const removed = old.literals.filter((v) => !now.literals!.includes(v))
    // A new value may reach old code reading the field; a value the caller used may no longer be accepted.
    if (added.length) change(now.path, 'enum-added', null, added.join(' | '), direction === 'read')
    if (removed.length) change(now.path, 'enum-removed', removed.join(' | '), null, direction === 'write')
  }
  if (old.description !== now.description) change(now.path, 'description', old.description, now.description, false)
}

/** A type as a report shows it, with its enum values: `string ('MD5' | 'HMAC-SHA256')`. */
const shown = (node: ViewNode) => (node.literals ? `${node.label} (${node.literals.join(' | ')})` : node.label)

/** Whether the old type still fits: written values old → new, read values new → old. */
function typeChangeBreaks(old: ViewNode, now: ViewNode, direction: Direction): boolean {
  const [from, to] = direction === 'write' ? [old, now] : [now, old]
  if (from.ts === to.ts && !from.literals && !to.literals) return false
  if (from.literals && to.literals) return from.literals.some((v) => !to.literals!.includes(v))
  if (from.literals && !to.literals) return !from.literals.every((v) => literalBase(v) === to.ts)
  return true
}

/** `'MD5'` is a string, `100` a number, `true` a boolean. */
function literalBase(literal: string): string {
  if (literal.startsWith("'")) return 'string'
  if (literal === 'true' || literal === 'false') return 'boolean'
  return 'number'
}


/** One more alternative: a reader meets a value it did not know; a writer must now pick one, if there were none. */
function addedBreaks(node: ViewNode, direction: Direction, before: SideView): boolean {
  if (node.name.startsWith('<variant')) return direction === 'read' ? hasVariants(before, node.parent) : !hasVariants(before, node.parent)
  return direction === 'write' && node.required
}

function hasVariants(view: SideView, parent: string | undefined): boolean {
  return view.nodes.has(`${parent}<variant 1>`)
}

/** Nodes whose parent is not among them: an added object is one change, not one per member. */
function topmost(nodes: ViewNode[]): ViewNode[] {
  const paths = new Set(nodes.map((n) => n.path))
  return nodes.filter((n) => n.parent === undefined || !paths.has(n.parent))
}

/** A field gone from one parent and new under another, by the same name and type, when that pairing is unique. */
function pairMoves(gone: ViewNode[], born: ViewNode[]): Map<ViewNode, ViewNode> {
  const moves = new Map<ViewNode, ViewNode>()
  const same = (a: ViewNode, b: ViewNode) => a.name === b.name && a.label === b.label && a.parent !== b.parent && !a.name.startsWith('<')
  for (const old of gone) {
    const candidates = born.filter((n) => same(old, n))
    if (candidates.length === 1 && gone.filter((o) => same(o, candidates[0]!)).length === 1) moves.set(old, candidates[0]!)
  }
  return moves
}
