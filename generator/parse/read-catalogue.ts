import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { report, type Place } from '../diagnostics/report.js'
import type { CatalogueGroup, CatalogueLink, CatalogueModel, CatalogueRow, CatalogueTable } from './catalogue-model.js'
import type { PageModel } from './page-model.js'
import { plainText } from './plain-text.js'
import { readAttributes } from './read-attributes.js'
import { readFrontmatter, type Frontmatter } from './read-frontmatter.js'
import { splitRow, type RawCell } from './split-row.js'

/** `[title](/openapi/v2/pay/micropay)`, then emoji markers (`:closed_lock_with_key:`), nothing else. */
const LINK_CELL = /^\[((?:\\.|[^\\\]])*)\]\(\s*([^()\s]+)\s*\)((?:\s*:[a-z0-9_+-]+:)*)\s*$/
const MODE_KEYS = new Set(['colspan'])
const GROUP_KEYS = new Set(['rowspan', 'data-protocol'])

/** Is this table header a catalogue's: a group column, then `直连商户模式 | 合作伙伴模式`? */
export function isCatalogueHeader(headerLine: string): boolean {
  const cells = splitRow(headerLine).cells.map((c) => readAttributes(c.text).text)
  return cells.length === 3 && cells[1] === '直连商户模式' && cells[2] === '合作伙伴模式'
}

/**
 * Reads a catalogue page: its frontmatter, and each catalogue table (under the heading before it, if any) as
 * groups of rows, a group cell spanning `rowspan` rows. Rows are read from their lines, like parameter tables, for
 * their `{…}` attributes and positions. A row that cannot be read is reported (`catalogue-row`,
 * `catalogue-rowspan`) and left out; nothing throws.
 */
export function readCatalogue(file: VFile, tree: Root, source: string, path: string): PageModel {
  const lines = source.split('\n')
  let frontmatter: Frontmatter = {}
  let heading: string | null = null
  const tables: CatalogueTable[] = []
  for (const node of tree.children) {
    const place = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }
    if (node.type === 'yaml') frontmatter = readFrontmatter(file, node, place)
    else if (node.type === 'heading') heading = plainText(node).replace(/\s*\{[^{}]*\}\s*$/, '').trim()
    else if (node.type === 'table') {
      const end = node.position?.end.line ?? place.line
      const header = lines[place.line - 1] ?? ''
      if (isCatalogueHeader(header)) tables.push(readCatalogueTable(file, lines.slice(place.line - 1, end), place.line, heading))
      else report(file, 'catalogue-row', `Unexpected table header \`${header.trim()}\` in a catalogue page, expected \`| 业务标签 | 直连商户模式 | 合作伙伴模式\`; the table is not read`, place)
    }
  }
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : null
  const description = typeof frontmatter.description === 'string' ? frontmatter.description : null
  const catalogue: CatalogueModel = { kind: 'catalogue', path, title, description, tables }
  return { path, role: 'catalogue', title, sections: [], variants: [], catalogue }
}

/** One catalogue table from its lines (`lines[0]`, the header, at 1-based `line`). */
export function readCatalogueTable(file: VFile, lines: string[], line: number, heading: string | null): CatalogueTable {
  const columns = splitRow(lines[0]!).cells.map((c) => readAttributes(c.text).text)
  const table: CatalogueTable = { kind: 'catalogue-table', heading, columns, groups: [], place: { line, column: 1 } }
  let group: CatalogueGroup | undefined
  /** Rows of the current group so far, read or not. */
  let taken = 0
  const checkSpan = (at: Place) => {
    if (group && taken < group.rowspan) {
      report(file, 'catalogue-rowspan', `Unexpected end of group \`${group.label}\` after ${taken} of its ${group.rowspan} rows, expected \`rowspan=${taken}\``, at)
    }
  }
  for (let i = 2; i < lines.length; i++) {
    const text = lines[i]!
    const at = line + i
    const { cells } = splitRow(text)
    const first = cells[0]
    if (!first) continue
    const head = readAttributes(first.text)
    const spent = !group || taken >= group.rowspan
    const opens = 'rowspan' in head.attributes || 'data-protocol' in head.attributes || (spent && head.text !== '' && !LINK_CELL.test(head.text))
    let modeCells = cells
    if (opens) {
      checkSpan({ line: at, column: first.offset + 1 })
      group = readGroup(file, first, head, at)
      table.groups.push(group)
      taken = 0
      modeCells = cells.slice(1)
    } else if (spent) {
      const why = group ? `the group \`${group.label}\` spans ${group.rowspan} rows` : 'no group cell comes before it'
      report(file, 'catalogue-row', `Unexpected row outside a group (${why}), expected a group cell \`label {rowspan=N}\` first; the row is not read`, { line: at, column: first.offset + 1 })
      continue
    }
    taken++
    const row = readRow(file, modeCells, { line: at, column: first.offset + 1 })
    if (row) group!.rows.push(row)
  }
  checkSpan({ line: line + lines.length - 1, column: 1 })
  return table
}

function readGroup(file: VFile, cell: RawCell, head: ReturnType<typeof readAttributes>, line: number): CatalogueGroup {
  const place = { line, column: cell.offset + 1 }
  if (head.error) report(file, 'catalogue-row', head.error, place)
  for (const key of Object.keys(head.attributes)) {
    if (!GROUP_KEYS.has(key)) report(file, 'catalogue-row', `Unexpected attribute \`${key}\` on a group cell, expected \`rowspan\` or \`data-protocol\``, place)
  }
  let rowspan = 1
  const span = head.attributes.rowspan
  if (span !== undefined) {
    rowspan = Number(span)
    if (!/^\d+$/.test(span) || rowspan < 1) {
      report(file, 'catalogue-row', `Unexpected \`rowspan=${span}\`, expected a whole number of rows, at least 1`, place)
      rowspan = 1
    }
  }
  const label = head.text.replace(/<br\s*\/?>/gi, ' ').replace(/\s+/g, ' ').trim()
  if (label === '') report(file, 'catalogue-row', 'Unexpected empty group cell, expected a business label such as `分账`', place)
  return { kind: 'catalogue-group', label, protocol: head.attributes['data-protocol'] ?? null, rowspan, rows: [], place }
}

/** The mode cells of a row: direct, then partner, or one `{colspan=2}` cell for both. */
function readRow(file: VFile, cells: RawCell[], place: Place): CatalogueRow | undefined {
  const at = (cell: RawCell) => ({ line: place.line, column: cell.offset + 1 })
  const read = cells.map((cell) => ({ cell, attrs: readAttributes(cell.text) }))
  for (const { cell, attrs } of read) {
    if (attrs.error) report(file, 'catalogue-row', attrs.error, at(cell))
    for (const key of Object.keys(attrs.attributes)) {
      if (!MODE_KEYS.has(key)) report(file, 'catalogue-row', `Unexpected attribute \`${key}\` on a mode cell, expected only \`colspan=2\``, at(cell))
    }
  }
  const colspan = read[0]?.attrs.attributes.colspan
  if (colspan !== undefined && colspan !== '2') report(file, 'catalogue-row', `Unexpected \`colspan=${colspan}\`, expected \`colspan=2\` for a link of both modes`, at(read[0]!.cell))
  const both = colspan !== undefined
  const wanted = both ? 1 : 2
  if (read.length > wanted) {
    const extra = read[wanted]!
    const what = both ? 'after a `{colspan=2}` cell' : 'after the partner cell'
    report(file, 'catalogue-row', `Unexpected cell \`${extra.cell.text}\` ${what}, expected at most ${wanted} mode cell${wanted > 1 ? 's' : ''}; it is not read`, at(extra.cell))
  }
  const direct = read[0] ? readLink(file, read[0].attrs.text, at(read[0].cell)) : null
  const partner = !both && read[1] ? readLink(file, read[1].attrs.text, at(read[1].cell)) : null
  if (direct === null && partner === null) {
    report(file, 'catalogue-row', 'Unexpected row without a link, expected `[title](/path)` in the direct or the partner cell; the row is not read', place)
    return undefined
  }
  return { kind: 'catalogue-row', both, direct, partner, place }
}

/** A mode cell's link; null for an empty cell, or (reported) for one that is no link. */
function readLink(file: VFile, text: string, place: Place): CatalogueLink | null {
  if (text === '') return null
  const m = LINK_CELL.exec(text)
  if (!m) {
    report(file, 'catalogue-row', `Unexpected cell \`${text}\`, expected \`[title](/path)\`, optionally followed by \`:emoji:\` markers`, place)
    return null
  }
  const linkText = m[1]!
  const title = linkText.replace(/\\(.)/g, '$1').replace(/~~|\*\*|`/g, '').trim()
  const markers = [...m[3]!.matchAll(/:([a-z0-9_+-]+):/g)].map((x) => x[1]!)
  return { kind: 'catalogue-link', text: linkText, title, target: m[2]!, markers, place }
}
