import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { PageModel } from '../parse/page-model.js'
import { buildOperation } from './build-operation.js'
import { pageAddress } from './page-address.js'
import type { IrDocument, IrOperation, IrPage } from './types.js'

import { IR_VERSION } from './ir-version.js'

export { IR_VERSION }

/** Builds the IR of parsed pages; operations are in page order, pages sorted by path. */
export function buildIr(parsed: Array<{ page: PageModel; file: VFile }>): IrDocument {
  const document: IrDocument = { kind: 'document', irVersion: IR_VERSION, pages: [], operations: [] }
  const seen = new Map<string, IrOperation>()
  const sorted = [...parsed].sort((a, b) => (a.page.path < b.page.path ? -1 : a.page.path > b.page.path ? 1 : 0))
  for (const { page, file } of sorted) {
    const irPage: IrPage = { kind: 'page', source: { file: page.path, line: 1, column: 1 }, role: page.role, title: page.title, operations: [] }
    if (page.redirect !== undefined) irPage.redirect = page.redirect
    if (page.catalogue) irPage.catalogue = page.catalogue
    document.pages.push(irPage)
    const address = pageAddress(page.path)
    if (!address) {
      if (page.sections.length > 0) report(file, 'heading-without-method', `Unexpected page path \`${page.path}\`, expected it under openapi/v2|v3 or webhook/v2|v3`, { line: 1, column: 1 })
      continue
    }
    for (const section of page.sections) {
      const operation = buildOperation(file, page, section, address)
      const first = seen.get(operation.id)
      if (first) {
        report(file, 'duplicate-operation', `Unexpected second \`${operation.id}\`, first defined at ${first.source.file}:${first.source.line}`, section.place)
        continue
      }
      seen.set(operation.id, operation)
      document.operations.push(operation)
      irPage.operations.push(operation.id)
    }
  }
  return document
}
