import type { Nodes, Root, TableCell } from 'mdast'
import type { VFile } from 'vfile'
import { processor } from './processor.js'
import { splitRow } from './split-row.js'

/** A block the line scan found, by 0-based lines: a code fence (both fence lines) or a table (header to last row). */
export interface ScannedBlock {
  kind: 'fence' | 'table'
  start: number
  end: number
}

export interface ParsedMarkdown {
  tree: Root
  /** The cells of each table row from its third on (the description), by 1-based line. */
  descriptions: Map<number, TableCell[]>
  /** How many code and table bodies micromark was spared; 0 when the page had to be parsed as written. */
  skipped: number
}

type Point = NonNullable<Nodes['position']>['start']

const OPENING = /^(`{3,}|~{3,})/
const CLOSING = /^ {0,3}(`+|~+)[ \t]*$/
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/**
 * Parses a page to the tree `processor.parse` gives, with two kinds of body kept out of micromark's way: code
 * fences, whose text it would walk character by character only for us to take back whole (over half the corpus's
 * bytes), and the rows of tables, of which we read from the tree only the descriptions (the rows themselves are read
 * from their lines). A line scan finds both; micromark gets the page without their lines, and every position is
 * then moved back to its line in the page. Code is put back from the source; the descriptions are parsed as one
 * table of their own (cells of a table, as before), and a table's rows after its header are not in the tree. If the
 * parse does not show exactly the scanned blocks (a fence inside HTML, say), the page is parsed as written.
 */
export function parseMarkdown(file: VFile): ParsedMarkdown {
  const source = String(file.value)
  // micromark turns CR and NUL into other text; such pages take the plain path.
  const lines = /[\r\0]/.test(source) ? [] : source.split('\n')
  const blocks = scanBlocks(lines)
  const fast = blocks.length > 0 ? parseHidden(lines, blocks) : undefined
  if (fast) return fast
  const tree = processor.parse(file)
  return { tree, descriptions: descriptionsOf(tree), skipped: 0 }
}

/**
 * Fences and tables at column 1, outside fences. A fence closes by CommonMark's rule (the same character, at least
 * as many, indented by at most 3 spaces, nothing after but spaces and tabs); an unclosed one ends the scan. A table
 * is a header row after a blank line (or none), a delimiter row, and rows that all start with `|`, then a blank line.
 */
export function scanBlocks(lines: readonly string[]): ScannedBlock[] {
  const blocks: ScannedBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const fence = OPENING.exec(line)?.[1]
    if (fence) {
      let close = i + 1
      for (; close < lines.length; close++) {
        const end = CLOSING.exec(lines[close]!)?.[1]
        if (end && end[0] === fence[0] && end.length >= fence.length) break
      }
      if (close === lines.length) break
      blocks.push({ kind: 'fence', start: i, end: close })
      i = close
    } else if (line.startsWith('|') && (i === 0 || lines[i - 1]!.trim() === '') && DELIMITER_ROW.test(lines[i + 1] ?? '')) {
      let end = i + 1
      while (lines[end + 1]?.startsWith('|')) end++
      if (end > i + 1 && lines[end + 1]?.trim() === '') blocks.push({ kind: 'table', start: i, end })
      i = end
    }
  }
  return blocks
}

/** The fast path: the page without the blocks' bodies, then the bodies' part put back; undefined on a mismatch. */
function parseHidden(lines: readonly string[], blocks: readonly ScannedBlock[]): ParsedMarkdown | undefined {
  // The lines given to micromark, each as its 0-based line in the page.
  const kept: number[] = []
  const descriptions = new Map<number, TableCell[]>()
  const rows: number[] = []
  const scratch = ['| d |', '| - |']
  let line = 0
  for (const { kind, start, end } of blocks) {
    const [first, last] = kind === 'fence' ? [start + 1, end - 1] : [start + 2, end]
    while (line < first) kept.push(line++)
    line = last + 1
    if (kind === 'fence') continue
    for (let row = first; row <= last; row++) {
      // Each row from the pipe before its third cell: the same cells, in a table of their own.
      const third = splitRow(lines[row]!).cells[2]
      descriptions.set(row + 1, [])
      if (!third) continue
      rows.push(row + 1)
      scratch.push(lines[row]!.slice(third.start - 1))
    }
  }
  while (line < lines.length) kept.push(line++)
  const tree = processor.parse(kept.map((i) => lines[i]).join('\n'))
  const offsets = [0]
  for (const text of lines) offsets.push(offsets.at(-1)! + text.length + 1)
  const at = (line: number, column: number) => ({ line, column, offset: offsets[line - 1]! + column - 1 })
  // Lines move back to where they are in the page; columns did not move.
  const place = (node: Nodes): void => {
    const { start, end } = node.position!
    node.position = { start: at(kept[start.line - 1]! + 1, start.column), end: at(kept[end.line - 1]! + 1, end.column) }
    if ('children' in node) for (const child of node.children) place(child)
  }
  place(tree)
  if (!restoreBlocks(tree, blocks, lines, at)) return undefined
  if (rows.length > 0) {
    const table = processor.parse(scratch.join('\n')).children[0]
    if (table?.type !== 'table' || table.children.length !== rows.length + 1) return undefined
    rows.forEach((line, i) => descriptions.set(line, table.children[i + 1]!.children.map(withoutPositions)))
  }
  for (const [line, cells] of descriptionsOf(tree)) descriptions.set(line, cells)
  return { tree, descriptions, skipped: blocks.length }
}

/**
 * Puts each code body back and gives each table its last row; false unless every scanned block is a top-level node
 * of its kind on its lines (a table there ending at its delimiter row, its rows being left out).
 */
function restoreBlocks(tree: Root, blocks: readonly ScannedBlock[], lines: readonly string[], at: (line: number, column: number) => Point): boolean {
  let next = 0
  for (const node of tree.children) {
    const block = blocks[next]
    if (!block) break
    const { start, end } = node.position!
    if (start.line - 1 < block.start) continue
    if (start.line - 1 !== block.start || start.column !== 1 || node.type !== (block.kind === 'fence' ? 'code' : 'table')) return false
    if (node.type === 'code') {
      if (end.line - 1 !== block.end) return false
      node.value = lines.slice(block.start + 1, block.end).join('\n')
    } else {
      if (end.line - 1 !== block.start + 1) return false
      node.position!.end = at(block.end + 1, lines[block.end]!.length + 1)
    }
    next++
  }
  return next === blocks.length
}

/** The description cells of the table rows in `tree`, by line. */
export function descriptionsOf(tree: Root): Map<number, TableCell[]> {
  const descriptions = new Map<number, TableCell[]>()
  for (const node of tree.children) {
    if (node.type !== 'table') continue
    for (const row of node.children.slice(1)) descriptions.set(row.position!.start.line, row.children.slice(2))
  }
  return descriptions
}

/** A node without its positions: a cell of the scratch table has them in that table, not in the page. */
function withoutPositions<T extends Nodes>(node: T): T {
  delete node.position
  if ('children' in node) for (const child of node.children) withoutPositions(child)
  return node
}
