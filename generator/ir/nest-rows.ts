import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { FieldRow, RowModel } from '../parse/page-model.js'

export const MAX_DEPTH = 16

/** A field row with the rows nested under it; `separator` marks a variant line row among siblings. */
export interface RowNode {
  row: FieldRow
  /** Declared indent, or the repaired one. */
  indent: number
  children: Array<RowNode | 'separator'>
  /** A payload line row follows this row: its children are the decoded structure of the string. */
  opened: boolean
}

/**
 * Nests table rows by `data-indent` (a row's parent is the nearest preceding row with a smaller indent) and
 * reads each line row as a payload opener or a variant separator. Repairs the corpus's known breakages with a
 * diagnostic each (A1, A2) instead of failing.
 */
export function nestRows(file: VFile, rows: RowModel[]): RowNode[] {
  let tooDeep = false
  const top: Array<RowNode | 'separator'> = []
  const stack: RowNode[] = []
  /** While set, rows at or below this indent are shifted one level down (a payload written beside its field). */
  let shiftFrom: number | undefined
  let pendingLine: RowModel | undefined
  let previous: RowNode | undefined
  /** The last jump reported, so siblings of a jumped row are not reported again. */
  let jump: { parent: RowNode | undefined; indent: number } | undefined

  rows.forEach((row, i) => {
    if (row.kind === 'note') return
    if (row.kind === 'line') {
      const next = rows[i + 1]
      if (!previous || !next || next.kind !== 'field' || pendingLine) {
        report(file, 'line-row-position', 'Unexpected line row, expected one between two field rows', row.place)
        return
      }
      pendingLine = row
      return
    }
    if (shiftFrom !== undefined && row.indent < shiftFrom) shiftFrom = undefined
    let indent = row.indent + (shiftFrom !== undefined ? 1 : 0)
    let separator = false

    if (pendingLine && previous) {
      const line = pendingLine
      pendingLine = undefined
      if (indent === previous.indent + 1) previous.opened = true
      else if (indent === previous.indent && isEncoded(previous.row) && previous.children.length === 0) {
        report(file, 'payload-misplaced', `Unexpected payload beside \`${previous.row.name}\`, expected its rows one level deeper; read as its payload`, line.place)
        previous.opened = true
        shiftFrom = row.indent
        indent += 1
      } else if (indent <= previous.indent) separator = true
      else report(file, 'line-row-position', `Unexpected line row before a row at indent ${indent} after indent ${previous.indent}`, line.place)
    }

    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop()
    const parent = stack[stack.length - 1]
    const expected = parent ? parent.indent + 1 : 0
    if (indent > expected && (jump?.parent !== parent || jump?.indent !== indent)) {
      jump = { parent, indent }
      report(file, 'indent-jump', `Unexpected indent ${indent} after indent ${parent ? parent.indent : 0}, expected at most ${expected}`, row.place)
    }
    // The corpus nests 8 levels at most; far deeper types make the TypeScript checker overflow its stack.
    if (stack.length >= MAX_DEPTH) {
      if (!tooDeep) report(file, 'nesting-too-deep', `Unexpected row nested ${stack.length + 1} levels deep, expected at most ${MAX_DEPTH}`, row.place)
      tooDeep = true
      return
    }
    const node: RowNode = { row, indent, children: [], opened: false }
    const siblings = parent ? parent.children : top
    if (separator) siblings.push('separator')
    siblings.push(node)
    stack.push(node)
    previous = node
  })
  return membersOf(top)
}

/** The rows among siblings, without the variant separators. */
export function membersOf(children: RowNode['children']): RowNode[] {
  return children.filter((c): c is RowNode => c !== 'separator')
}

function isEncoded(row: FieldRow): boolean {
  return row.attributes['data-encrypted'] !== undefined || row.attributes['data-encoded'] !== undefined
}

/** Splits siblings on variant separators: common fields, and the alternatives (a oneOf) when there are any. */
export function splitVariants(children: Array<RowNode | 'separator'>): { common: RowNode[]; variants: RowNode[][] } {
  const groups: RowNode[][] = [[]]
  for (const child of children) {
    if (child === 'separator') groups.push([])
    else groups[groups.length - 1]!.push(child)
  }
  if (groups.length === 1) return { common: groups[0]!, variants: [] }
  const later = new Set(groups.slice(1).flat().map((n) => n.row.name))
  const first = groups[0]!
  const variants = [first.filter((n) => later.has(n.row.name)), ...groups.slice(1)].filter((g) => g.length > 0)
  return { common: first.filter((n) => !later.has(n.row.name)), variants }
}
