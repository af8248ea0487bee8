import { readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { listPages } from './list-pages.js'
import type { VFile } from 'vfile'
import { diagnosticsOf, type Diagnostic } from '../diagnostics/report.js'
import { buildIr } from '../ir/build-ir.js'
import type { IrDocument } from '../ir/types.js'
import { parsePage } from '../parse/parse-page.js'

export { listPages }

export interface DocsResult {
  document: IrDocument
  files: VFile[]
  diagnostics: Diagnostic[]
}

/**
 * Parses every page of a docs folder and builds the IR. Diagnostics name files relative to `cwd`
 * (`docs/openapi/v3/x.md`), IR sources relative to the docs root (`openapi/v3/x.md`).
 */
export function readDocs(dir: string, cwd = process.cwd()): DocsResult {
  const parsed = listPages(dir).map((path) => {
    const absolute = join(dir, path)
    return parsePage(path, readFileSync(absolute, 'utf8'), relative(cwd, absolute).split(sep).join('/'))
  })
  const document = buildIr(parsed)
  const files = parsed.map((p) => p.file)
  return { document, files, diagnostics: diagnosticsOf(files) }
}
