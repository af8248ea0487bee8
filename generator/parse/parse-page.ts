import type { Root } from 'mdast'
import { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { PageModel } from './page-model.js'
import { parseMarkdown } from './parse-markdown.js'
import { isCatalogueHeader, readCatalogue } from './read-catalogue.js'
import { readPage } from './read-page.js'
import { parameterTableKind } from './read-table.js'

/** Pages of the corpus are at most 91 KB; a page over this is not parsed, so that memory stays bounded. */
export const MAX_PAGE_BYTES = 1024 * 1024

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })

/**
 * Parses one docs page, given as text or as the bytes of its file. `path` is relative to the docs root
 * (`openapi/v3/pay/transactions/jsapi.md`); `displayPath` is what diagnostics print. Problems are messages on the
 * returned file.
 */
export function parsePage(path: string, source: string | Uint8Array, displayPath = path): { page: PageModel; file: VFile } {
  const file = new VFile({ path: displayPath })
  let text = typeof source === 'string' ? source : ''
  if (typeof source !== 'string') {
    if (source.byteLength > MAX_PAGE_BYTES) {
      report(file, 'page-too-large', `Unexpected page of over ${MAX_PAGE_BYTES} bytes, expected at most ${MAX_PAGE_BYTES}; it is not read`, { line: 1, column: 1 })
    } else {
      text = utf8.decode(source)
      const bad = firstInvalidByte(source, text)
      if (bad !== undefined) {
        report(file, 'invalid-utf8', 'Unexpected byte that is not UTF-8, expected UTF-8 text; read as U+FFFD', placeOf(source, bad))
      }
    }
  }
  file.value = text
  const { tree, descriptions } = parseMarkdown(file)
  const page = isCataloguePage(tree, text) ? readCatalogue(file, tree, text, path) : readPage(file, tree, descriptions, text, path)
  return { page, file }
}

/** A page of catalogue tables and no parameter table: `openapi/index.md`, `webhook/index.md`. */
function isCataloguePage(tree: Root, text: string): boolean {
  const headers = tree.children.flatMap((node) => (node.type === 'table' ? [lineAt(text, node.position?.start.offset ?? 0)] : []))
  return headers.some(isCatalogueHeader) && !headers.some((header) => parameterTableKind(header) !== undefined)
}

function lineAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset)
  return text.slice(offset, end < 0 ? text.length : end)
}

/** The offset of the first byte that decoding replaced, if any. */
function firstInvalidByte(bytes: Uint8Array, text: string): number | undefined {
  if (!text.includes('\uFFFD')) return undefined
  const again = Buffer.from(text)
  const length = Math.min(again.length, bytes.length)
  for (let i = 0; i < length; i++) if (again[i] !== bytes[i]) return i
  return again.length === bytes.length ? undefined : length
}

function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = Buffer.from(bytes.buffer, bytes.byteOffset, offset)
  const lineStart = before.lastIndexOf(10) + 1
  let line = 1
  for (let i = before.indexOf(10); i >= 0; i = before.indexOf(10, i + 1)) line++
  return { line, column: utf8.decode(before.subarray(lineStart)).length + 1 }
}
