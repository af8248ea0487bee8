import type { IrOperation, IrPage } from '../../ir/types.js'

/** Where the page of a docs page goes: `openapi/v3/x.md` → `docs/openapi/v3/x.md`. */
export function docsPath(pageFile: string): string {
  return `docs/${pageFile}`
}

/** The site's home page (`emit/site/home-page.ts`). */
export const DOCS_INDEX = 'docs/index.md'

/** A docs page the docs target writes: what the site's navigation links. */
export interface DocsIndexEntry {
  file: string
  title: string
  operations: string[]
}

export function docsIndexEntry(page: IrPage, operations: IrOperation[]): DocsIndexEntry {
  return { file: page.source.file, title: page.title ?? page.source.file, operations: operations.map((op) => op.id) }
}
