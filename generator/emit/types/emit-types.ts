import { builders } from 'prettier/doc'
import type { IrOperation, IrPage } from '../../ir/types.js'
import { generatedBy } from '../header.js'
import type { Namespace } from './declarations.js'
import { declarePage } from './declare-page.js'
import { declarationsDoc, printDoc, type Format } from './print-declarations.js'
import { protocolsOf, TYPES_INDEX, typesIndexText, typesPath } from './types-index.js'

export { protocolsOf, TYPES_INDEX, typesIndexText, typesPath }

/** The declarations of one page's file: its namespaces, each with `declare`. */
export function pageDeclarations(operations: IrOperation[]): Namespace[] {
  return declarePage(operations).map((namespace) => ({ ...namespace, hasDeclareKeyword: true }))
}

/**
 * The declarations of one page, formatted. With `types/index.d.ts`, which references every page's file, they make
 * the `types/` target.
 */
export function pageTypesText(page: IrPage, operations: IrOperation[], format: Format = printDoc): string {
  const namespaces = pageDeclarations(operations)
  const header = `// ${generatedBy(page.source.file)}`
  return format([header, builders.hardline, declarationsDoc(namespaces)])
}
