import type { IrOperation, IrPage } from '../../ir/types.js'
import { generatedBy } from '../header.js'
import { markdownText } from './markdown-text.js'

/** Where the page of a docs page goes: `openapi/v3/x.md` → `docs/openapi/v3/x.md`. */
export function docsPath(pageFile: string): string {
  return `docs/${pageFile}`
}

export const DOCS_INDEX = 'docs/index.md'

/** A page's line in docs/index.md. */
export interface DocsIndexEntry {
  file: string
  title: string
  operations: string[]
}

export function docsIndexEntry(page: IrPage, operations: IrOperation[]): DocsIndexEntry {
  return { file: page.source.file, title: page.title ?? page.source.file, operations: operations.map((op) => op.id) }
}

export function docsIndexText(entries: DocsIndexEntry[]): string {
  const listed = entries.map((e) => `- [${markdownText(e.title)}](./${e.file.replace(/\.md$/, '')}) \`${e.operations.join('`, `')}\``)
  const header = `<!-- ${generatedBy()} -->`
  return `---\ntitle: WeChat Pay API\n---\n\n${header}\n\n# WeChat Pay API\n\n${listed.join('\n')}\n`
}
