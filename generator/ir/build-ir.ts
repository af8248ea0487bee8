import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { PageModel } from '../parse/page-model.js'
import { buildOperation } from './build-operation.js'
import { isPageName, pageAddress } from './page-address.js'
import type { IrDocument, IrPage } from './types.js'

import { IR_VERSION } from './ir-version.js'

export { IR_VERSION }

/** Builds the IR of parsed pages; operations are in page order, pages sorted by path. */
export function buildIr(parsed: Array<{ page: PageModel; file: VFile }>): IrDocument {
  const document: IrDocument = { kind: 'document', irVersion: IR_VERSION, pages: [], operations: [] }
  const sorted = [...parsed].sort((a, b) => (a.page.path < b.page.path ? -1 : a.page.path > b.page.path ? 1 : 0))
  for (const { page, file } of sorted) {
    const irPage: IrPage = { kind: 'page', source: { file: page.path, line: 1, column: 1 }, role: page.role, title: page.title, operations: [] }
    if (page.redirect !== undefined) irPage.redirect = page.redirect
    document.pages.push(irPage)
    const address = pageAddress(page.path)
    if (!address) {
      if (page.sections.length > 0) report(file, 'heading-without-method', `Unexpected page path \`${page.path}\`, expected it under openapi/v2|v3 or webhook/v2|v3`, { line: 1, column: 1 })
      continue
    }
    if (!isPageName(page.path)) {
      const expected = address.kind === 'endpoint' ? 'folders and a file named by lower-case words of letters, digits and `_` joined by `-`, a `{parameter}`, or a camelCase file' : 'a file named by upper-case words joined by `.` or lower-case words joined by `-`'
      report(file, 'page-name', `Unexpected page name \`${JSON.stringify(page.path).slice(1, -1)}\`, expected ${expected}`, { line: 1, column: 1 })
      continue
    }
    // An operation defined on two pages is found where the pages are merged (run/merge-pages.ts).
    for (const section of page.sections) {
      const operation = buildOperation(file, page, section, address)
      document.operations.push(operation)
      irPage.operations.push(operation.id)
    }
  }
  return document
}
