import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import { readAttributes } from './read-attributes.js'
import { splitRow } from './split-row.js'
import type { TableCell } from 'mdast'
import { hasInlineHtml, plainText } from './plain-text.js'
import type { FieldRow, RowModel, TableKind, TableModel } from './page-model.js'

const KINDS: readonly TableKind[] = ['请求参数', '返回字典', '应答规范', '异常字典']
const NAME_KEYS = new Set(['data-required', 'data-indent'])
const TYPE_KEYS = new Set(['data-tooltip', 'data-encrypted', 'data-encoded', 'data-encoded-by', 'data-signed', 'data-required'])

/** Is this GFM table a parameter table? Catalogue tables have other headers. */
export function parameterTableKind(headerLine: string): TableKind | undefined {
  const first = splitRow(headerLine).cells[0]?.text
  return KINDS.find((k) => k === first)
}

/**
 * Reads a parameter table from its source lines (`lines[0]` is the header, at 1-based line `line`), and the parsed
 * description cells of its rows by line (for their plain text). Works on the text rather than GFM cells: the name
 * and type cells carry `{…}` attributes, and a description with an unescaped `|` is one description, not two cells.
 */
export function readTable(file: VFile, lines: string[], line: number, kind: TableKind, descriptions: Map<number, TableCell[]>): TableModel {
  const header = splitRow(lines[0]!).cells
  if (header.length !== 3 || !/^类型/.test(header[1]!.text) || !/^描述/.test(header[2]!.text)) {
    report(file, 'table-header', `Unexpected table header \`${lines[0]}\`, expected \`| ${kind} | 类型 {.type} | 描述 {.desc}\``, { line, column: 1 })
  }
  const rows: RowModel[] = []
  for (let i = 2; i < lines.length; i++) {
    const row = readRow(file, lines[i]!, line + i, descriptions.get(line + i) ?? [])
    if (row) rows.push(row)
  }
  return { kind, rows, place: { line, column: 1 } }
}

function readRow(file: VFile, text: string, line: number, descriptionCells: TableCell[]): RowModel | undefined {
  const { cells, trailingPipe } = splitRow(text)
  const first = cells[0]
  if (!first) return undefined
  const name = readAttributes(first.text)
  const place = { line, column: first.offset + 1 }
  if (name.tokens.includes('.im-table-line')) return { kind: 'line', place }
  if (name.attributes.colspan !== undefined && cells.length === 1) return { kind: 'note', text: name.text, place }
  if (name.error) report(file, 'attribute-syntax', name.error, { line, column: first.offset + name.offset + 1 })
  if (cells.length < 2) {
    report(file, 'unknown-type', `Unexpected row with one cell \`${text.trim()}\`, expected \`| name | type | description\``, place)
    return undefined
  }
  const typeCell = cells[1]!
  const type = readAttributes(typeCell.text)
  const typePlace = { line, column: typeCell.offset + 1 }
  if (type.error) report(file, 'attribute-syntax', type.error, { line, column: typeCell.offset + type.offset + 1 })
  checkKeys(file, name.attributes, NAME_KEYS, place)
  checkKeys(file, type.attributes, TYPE_KEYS, typePlace)

  let required = 'data-required' in name.attributes
  if ('data-required' in type.attributes) {
    report(file, 'attribute-misplaced', 'Unexpected `data-required` in the type cell, expected it in the name cell', typePlace)
    required = true
  }
  const attributes = { ...type.attributes }
  delete attributes['data-required']
  if (attributes['data-encoded-by'] !== undefined) {
    report(file, 'attribute-variant', `Unexpected \`data-encoded-by=${attributes['data-encoded-by']}\`, expected \`data-encoded=by-${attributes['data-encoded-by']}\``, typePlace)
    attributes['data-encoded'] ??= `by-${attributes['data-encoded-by']}`
    delete attributes['data-encoded-by']
  }

  const descriptionText = descriptionCells.map((cell) => plainText(cell).trim()).join(' | ')
  if (hasInlineHtml(descriptionCells)) report(file, 'inline-html', 'Unexpected inline HTML in a description, expected markdown; tags are dropped from the text', { line, column: (cells[2]?.offset ?? 0) + 1 })
  let description: string | null = null
  let descriptionPlace = { line, column: text.length + 1 }
  if (cells.length >= 3) {
    descriptionPlace = { line, column: cells[2]!.offset + 1 }
    description = text.slice(cells[2]!.offset, trailingPipe ? text.lastIndexOf('|') : text.length).trim()
    if (cells.length > 3) {
      report(file, 'unescaped-pipe', 'Unexpected unescaped `|` in the description, expected `\\|`; the cells after it are read as one description', descriptionPlace)
    }
    if (description === '') report(file, 'empty-description', `Unexpected empty description of \`${name.text}\``, descriptionPlace)
  } else if (trailingPipe) {
    description = ''
    report(file, 'empty-description', `Unexpected empty description of \`${name.text}\``, descriptionPlace)
  } else {
    report(file, 'missing-description-cell', `Unexpected row with two cells, expected a description cell after \`${type.text}\``, descriptionPlace)
  }

  const indentText = name.attributes['data-indent']
  let indent = 0
  if (indentText !== undefined) {
    indent = Number(indentText)
    if (!Number.isInteger(indent) || indent < 0) {
      report(file, 'attribute-syntax', `Unexpected \`data-indent=${indentText}\`, expected a whole number`, place)
      indent = 0
    }
  }
  if (name.text === '') report(file, 'missing-name', 'Unexpected empty name cell, expected a field name', place)
  const row: FieldRow = {
    kind: 'field',
    name: name.text,
    indent,
    required,
    type: type.text,
    attributes,
    description,
    descriptionText,
    place,
    typePlace,
    descriptionPlace,
  }
  return row
}

function checkKeys(file: VFile, attributes: Record<string, string>, known: Set<string>, place: { line: number; column: number }): void {
  for (const key of Object.keys(attributes)) {
    if (!known.has(key)) report(file, 'attribute-unknown', `Unexpected attribute \`${key}\`, expected one of ${[...known].map((k) => `\`${k}\``).join(', ')}`, place)
  }
}
