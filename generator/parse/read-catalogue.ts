import type { Link } from 'mdast'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { IrCatalogue, IrCatalogueEntry, IrCatalogueGroup, IrMode } from '../ir/types.js'
import { plainText } from './plain-text.js'
import { processor } from './processor.js'
import { readAttributes } from './read-attributes.js'
import { splitRow, type RawCell } from './split-row.js'

/** `| 业务标签 | 直连商户模式 | 合作伙伴模式` (openapi) or `| 通知格式 | …` (webhook). */
const HEADER = /^\|\s*(业务标签|通知格式)\s*\|\s*直连商户模式\s*\|\s*合作伙伴模式\s*\|?\s*$/

export function catalogueHeading(headerLine: string): string | undefined {
  return HEADER.exec(headerLine)?.[1]
}

/**
 * Reads a catalogue table (`lines` from its header row, the first at `firstLine`): a group opens with a label cell
 * `基础支付 {data-protocol=v2 rowspan=8}` and spans that many rows; each row then has a direct-mode cell and a
 * partner-mode cell, an empty one meaning the mode does not offer it, or one cell with `{colspan=2}` for both.
 * Rows it cannot read are reported and skipped.
 */
export function readCatalogue(file: VFile, lines: string[], firstLine: number, path: string, heading: string, description: string | null): IrCatalogue {
  const catalogue: IrCatalogue = { kind: 'catalogue', heading, description, groups: [], source: { file: path, line: firstLine, column: 1 } }
  let group: IrCatalogueGroup | undefined
  let left = 0
  lines.slice(2).forEach((text, i) => {
    const line = firstLine + 2 + i
    let { cells } = splitRow(text)
    const first = cells[0] ? readAttributes(cells[0].text) : undefined
    if (first?.attributes.rowspan !== undefined) {
      if (left > 0) report(file, 'catalogue-row', `Unexpected group \`${first.text}\` with ${left} row(s) of \`${group!.label}\` left, expected \`rowspan\` to count the rows`, { line, column: 1 })
      const rows = Number(first.attributes.rowspan)
      const declared = first.attributes['data-protocol']
      const protocol = declared === 'v2' || declared === 'v3' ? declared : first.text === 'XML' ? 'v2' : first.text === 'JSON' ? 'v3' : undefined
      // `平台收付通<br/>商家转账`: a label broken over two lines reads as one.
      group = { kind: 'catalogue-group', label: first.text.replace(/\s*<br\s*\/?>\s*/gi, ' '), entries: [], source: { file: path, line, column: cells[0]!.offset + 1 } }
      if (protocol) group.protocol = protocol
      catalogue.groups.push(group)
      left = Number.isInteger(rows) && rows > 0 ? rows : 1
      cells = cells.slice(1)
    } else if (!group || left === 0) {
      report(file, 'catalogue-row', 'Unexpected row outside a group, expected a first cell with `rowspan`', { line, column: 1 })
      return
    }
    left--
    const [direct, partner] = cells
    const both = direct !== undefined && readAttributes(direct.text).attributes.colspan === '2'
    const read: Array<[RawCell | undefined, IrMode[]]> = both ? [[direct, ['direct', 'partner']]] : [[direct, ['direct']], [partner, ['partner']]]
    let found = 0
    for (const [cell, modes] of read) {
      if (!cell || cell.text === '') continue
      const entry = readEntry(file, cell, line, path, modes)
      if (entry) group.entries.push(entry)
      found++
    }
    if (found === 0) report(file, 'catalogue-row', 'Unexpected row without a link, expected `[label](/path)` in a mode column', { line, column: 1 })
  })
  if (group && left > 0) report(file, 'catalogue-row', `Unexpected end of the table with ${left} row(s) of \`${group.label}\` left, expected \`rowspan\` to count the rows`, group.source)
  return catalogue
}

/** One link cell: `[label](/openapi/v2/pay/combinedorder) :closed_lock_with_key: {colspan=2}`. */
function readEntry(file: VFile, cell: RawCell, line: number, path: string, modes: IrMode[]): IrCatalogueEntry | undefined {
  const place = { line, column: cell.offset + 1 }
  const { text } = readAttributes(cell.text)
  const paragraph = processor.parse(text).children[0]
  const link = paragraph?.type === 'paragraph' ? paragraph.children.find((n): n is Link => n.type === 'link') : undefined
  if (!link) {
    report(file, 'catalogue-row', `Unexpected cell \`${text}\`, expected a link \`[label](/path)\``, place)
    return undefined
  }
  let label = plainText(link).trim()
  const marks: IrCatalogueEntry['marks'] = []
  if (text.includes(':closed_lock_with_key:')) marks.push('certificate')
  // The parser reads no strikethrough: `~~发放裂变红包~~` arrives as text.
  const struck = /^~~(.*)~~$/.exec(label)
  if (struck) label = struck[1]!.trim()
  if (struck || text.includes(':no_entry_sign:')) marks.push('deprecated')
  const [target = '', anchor] = link.url.split('#')
  const page = pageOfLink(target)
  const entry: IrCatalogueEntry = { kind: 'catalogue-entry', label, href: link.url, page, modes, marks, source: { file: path, ...place } }
  if (anchor) entry.anchor = anchor
  return entry
}

/**
 * The docs page a site path names: `/openapi/v2/pay/micropay` → `openapi/v2/pay/micropay.md`,
 * `/openapi/v3/ecommerce/applyments/` → `…/applyments/index.md`; null for a link off the docs (`https://…`).
 */
export function pageOfLink(target: string): string | null {
  if (!/^\/(openapi|webhook)\//.test(target)) return null
  const path = decodeURI(target.slice(1)).replace(/\.(md|html)$/, '')
  return path.endsWith('/') ? `${path}index.md` : `${path}.md`
}
