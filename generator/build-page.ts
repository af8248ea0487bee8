import { diagnosticsOf, type Diagnostic } from './diagnostics/report.js'
import { docsIndexEntry, docsPath, pageDocsText, type DocsIndexEntry } from './emit/docs/emit-docs.js'
import { pageTypesText, typesPath } from './emit/types/emit-types.js'
import { printDoc, type Format } from './emit/types/print-declarations.js'
import { buildIr } from './ir/build-ir.js'
import type { IrOperation, IrPage } from './ir/types.js'
import { parsePage } from './parse/parse-page.js'

/** Outputs made page by page; `ir` and `client` are made from all pages at once. */
export type PageTarget = 'types' | 'docs'

export interface PageInput {
  /** Relative to the docs root, `/` separators. */
  path: string
  source: string
  /** What diagnostics print (relative to the working directory). */
  displayPath: string
  docsLabel: string
  targets: PageTarget[]
}

/** Milliseconds spent per stage, summed over pages (CPU time across workers, not wall time). */
export interface Timings {
  parse: number
  build: number
  emit: number
  format: number
}

/** Everything one page contributes: plain data, so it can cross a worker boundary and sit in the cache. */
export interface PageResult {
  page: IrPage
  operations: IrOperation[]
  diagnostics: Diagnostic[]
  /** Output path → text, for the page targets computed. */
  outputs: Record<string, string>
  /** The page's line in docs/index.md, when it has operations. */
  docsEntry?: DocsIndexEntry
  targets: PageTarget[]
  timings: Timings
}

/** Parses, builds and emits one page. */
export function buildPage(input: PageInput): PageResult {
  const timings: Timings = { parse: 0, build: 0, emit: 0, format: 0 }
  const lap = stopwatch(timings)
  const parsed = parsePage(input.path, input.source, input.displayPath)
  lap('parse')
  const document = buildIr([parsed])
  const diagnostics = diagnosticsOf([parsed.file])
  lap('build')
  const page = document.pages[0]!
  const operations = document.operations
  const result: PageResult = { page, operations, diagnostics, outputs: {}, targets: input.targets, timings }
  if (page.role !== 'operations' || operations.length === 0) return result
  emitPageOutputs(result, input.docsLabel, timings)
  return result
}

/** Fills `result.outputs` from its page and operations (again, after a duplicate operation was dropped). */
export function emitPageOutputs(result: PageResult, docsLabel: string, timings: Timings): void {
  const { page, operations } = result
  result.outputs = {}
  if (operations.length === 0) return
  // Emitting builds documents; laying them out as text is timed apart, as `format`.
  const started = performance.now()
  let formatting = 0
  const format: Format = (doc) => {
    const mark = performance.now()
    const text = printDoc(doc)
    formatting += performance.now() - mark
    return text
  }
  if (result.targets.includes('types')) result.outputs[typesPath(page.source.file)] = pageTypesText(page, operations, docsLabel, format)
  if (result.targets.includes('docs')) {
    result.outputs[docsPath(page.source.file)] = pageDocsText(page, operations, docsLabel, format)
    result.docsEntry = docsIndexEntry(page, operations)
  }
  timings.emit += performance.now() - started - formatting
  timings.format += formatting
}

/** A lap timer: each call adds the time since the previous one to `stage`. */
function stopwatch(timings: Timings): (stage: keyof Timings) => void {
  let mark = performance.now()
  return (stage) => {
    const now = performance.now()
    timings[stage] += now - mark
    mark = now
  }
}
