import type { Diagnostic } from '../diagnostics/report.js'
import type { IrDocument } from '../ir/types.js'
import { runPages } from './run-pages.js'

export interface DocsResult {
  document: IrDocument
  diagnostics: Diagnostic[]
}

/**
 * The IR of a docs folder and its diagnostics, made by the page pipeline every run makes (in worker threads, with
 * no cache unless `cacheDir` is given). Diagnostics name files relative to `cwd` (`docs/openapi/v3/x.md`), IR
 * sources relative to the docs folder (`openapi/v3/x.md`).
 */
export async function readDocs(dir: string, options: { cwd?: string; cacheDir?: string | false; threads?: number } = {}): Promise<DocsResult> {
  const { outputs, diagnostics } = await runPages({ docsDir: dir, targets: ['ir'], cacheDir: options.cacheDir ?? false, ...options })
  const document = JSON.parse(Buffer.from(outputs.get('ir.json')!).toString()) as IrDocument & { $comment?: string }
  delete document.$comment
  return { document, diagnostics }
}
