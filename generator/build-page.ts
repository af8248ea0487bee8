import { diagnosticsOf, type Diagnostic } from './diagnostics/report.js'
import { docsPath, pageDocsText } from './emit/docs/emit-docs.js'
import { pageTypesText, typesPath } from './emit/types/emit-types.js'
import { printDoc, type Format } from './emit/types/print-declarations.js'
import { irEntry } from './emit/emit-ir.js'
import { buildIr } from './ir/build-ir.js'
import type { IrOperation, IrPage, IrSource } from './ir/types.js'
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

/**
 * What the merge needs of an operation, and its `ir.json` entry as UTF-8: bytes cross a worker boundary and leave
 * the cache far more cheaply than the object tree they stand for, and a run whose pages come from the cache joins
 * them without decoding.
 */
export interface PageOperation {
  id: string
  kind: IrOperation['kind']
  protocol: IrOperation['protocol']
  source: IrSource
  /** `irEntry(operation)`, which `JSON.parse` turns back into the operation. */
  entry: Uint8Array
}

/** Everything one page contributes: plain data, so it can cross a worker boundary and sit in the cache. */
export interface PageResult {
  page: IrPage
  operations: PageOperation[]
  diagnostics: Diagnostic[]
  /** Output path → UTF-8 text, for the page targets computed. */
  outputs: Record<string, Uint8Array>
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
  const summaries = operations.map((op) => ({ id: op.id, kind: op.kind, protocol: op.protocol, source: op.source, entry: Buffer.from(irEntry(op)) }))
  lap('emit')
  const result: PageResult = { page, operations: summaries, diagnostics, outputs: {}, targets: input.targets, timings }
  emitPageOutputs(result, operations, input.docsLabel, timings)
  return result
}

/** Fills `result.outputs` from its page and `operations` (again, after a duplicate operation was dropped). */
export function emitPageOutputs(result: PageResult, operations: IrOperation[], docsLabel: string, timings: Timings): void {
  const { page } = result
  result.outputs = {}
  if (page.role !== 'operations' || operations.length === 0) return
  // Emitting builds documents; laying them out as text is timed apart, as `format`.
  const started = performance.now()
  let formatting = 0
  const format: Format = (doc) => {
    const mark = performance.now()
    const text = printDoc(doc)
    formatting += performance.now() - mark
    return text
  }
  if (result.targets.includes('types')) result.outputs[typesPath(page.source.file)] = Buffer.from(pageTypesText(page, operations, docsLabel, format))
  if (result.targets.includes('docs')) {
    result.outputs[docsPath(page.source.file)] = Buffer.from(pageDocsText(page, operations, docsLabel, format))
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
