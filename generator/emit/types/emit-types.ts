import { builders } from 'prettier/doc'
import type { IrOperation, IrPage } from '../../ir/types.js'
import { generatedBy } from '../header.js'
import { declarePage } from './declare-page.js'
import { declarationsDoc, printDoc, type Format } from './print-declarations.js'
import { protocolsOf, TYPES_INDEX, typesIndexText, typesPath } from './types-index.js'

export { protocolsOf, TYPES_INDEX, typesIndexText, typesPath }

/**
 * The declarations of one page, formatted: its namespaces, each with `declare`. With `types/index.d.ts`, which
 * references every page's file, they make the `types/` target.
 */
export function pageTypesText(page: IrPage, operations: IrOperation[], format: Format = printDoc): string {
  const namespaces = declarePage(operations).map((namespace) => ({ ...namespace, ambient: true }))
  const header = `// ${generatedBy(page.source.file)}`
  return format([header, builders.hardline, declarationsDoc(namespaces)])
}
