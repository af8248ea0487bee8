import { VFile } from 'vfile'
import type { PageModel } from './page-model.js'
import { parseMarkdown } from './parse-markdown.js'
import { readPage } from './read-page.js'

/**
 * Parses one docs page. `path` is relative to the docs root (`openapi/v3/pay/transactions/jsapi.md`);
 * `displayPath` is what diagnostics print. Problems are messages on the returned file.
 */
export function parsePage(path: string, source: string, displayPath = path): { page: PageModel; file: VFile } {
  const file = new VFile({ path: displayPath, value: source })
  const { tree, descriptions } = parseMarkdown(file)
  const page = readPage(file, tree, descriptions, source, path)
  return { page, file }
}
