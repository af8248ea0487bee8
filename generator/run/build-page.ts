import { diagnosticsOf, type Diagnostic } from '../diagnostics/report.js'
import { notificationShape, type NotificationShape } from '../emit/client/notification-shape.js'
import { docsIndexEntry, docsPath, pageDocsText, type DocsIndexEntry } from '../emit/docs/emit-docs.js'
import { pageTypesText, typesPath } from '../emit/types/emit-types.js'
import { printDoc, type Format } from '../emit/types/print-declarations.js'
import { irEntry } from '../emit/emit-ir.js'
import { pageSchemaFiles } from '../emit/client/operation-schemas.js'
import { operationSummary, type OperationSummary } from '../emit/package/package-readme.js'
import { buildIr } from '../ir/build-ir.js'
import type { IrOperation, IrPage, IrSource } from '../ir/types.js'
import type { CatalogueModel } from '../parse/catalogue-model.js'
import { parsePage } from '../parse/parse-page.js'
import { selectOperations, subsetHits, type Subset, type SubsetHits } from './select-operations.js'

/** Outputs made page by page (`validation`: the client's validators' schemas); `ir`, `client` and `openapi` from all pages at once. */
export type PageTarget = 'types' | 'docs' | 'validation'

export interface PageInput {
  /** Relative to the docs root, `/` separators. */
  path: string
  /** The page file's bytes (cut after `MAX_PAGE_BYTES + 1` when it is larger). */
  source: Uint8Array
  targets: PageTarget[]
  /** The page's cache key, recorded in its entry so that an entry found under another key is not taken. */
  key?: string
  /** Only the operations these globs choose (ids or page paths), and the chain that reaches them. */
  subset?: Subset
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
  /** What the notification receiver needs of a webhook, so that the merge need not parse `entry` for it. */
  notification?: NotificationShape
  /** The operation's line in the package's README. */
  summary: OperationSummary
}

/** Everything one page contributes: plain data, so it can cross a worker boundary and sit in the cache. */
export interface PageResult {
  page: IrPage
  operations: PageOperation[]
  diagnostics: Diagnostic[]
  /** The cache key the result was made under, if any. */
  key?: string
  /** Output path → UTF-8 text, for the page targets computed. */
  outputs: Record<string, Uint8Array>
  /** The page as the site links it, when the docs target writes it. */
  docsEntry?: DocsIndexEntry
  /** A catalogue page's tables, for the navigation made across pages. */
  catalogue?: CatalogueModel
  targets: PageTarget[]
  timings: Timings
  /** With a subset: the page's operations before it, and which of its globs matched one. */
  subset?: { operations: number; hits: SubsetHits }
}

/** Parses, builds and emits one page. */
export function buildPage(input: PageInput): PageResult {
  const timings: Timings = { parse: 0, build: 0, emit: 0, format: 0 }
  const lap = stopwatch(timings)
  // Diagnostics name the page relative to the docs folder; the run names it as the user does.
  const parsed = parsePage(input.path, input.source)
  lap('parse')
  const document = buildIr([parsed])
  const diagnostics = diagnosticsOf([parsed.file])
  lap('build')
  const { subset } = input
  const selected = subset ? selectOperations(subset) : undefined
  const operations = selected ? document.operations.filter((op) => selected(op.id, input.path)) : document.operations
  const page = { ...document.pages[0]!, operations: operations.map((op) => op.id) }
  const summaries = operations.map((op): PageOperation => {
    const notification = op.kind === 'webhook' ? notificationShape(op) : undefined
    const summary = operationSummary(op)
    return { id: op.id, kind: op.kind, protocol: op.protocol, source: op.source, entry: Buffer.from(irEntry(op)), summary, ...(notification && { notification }) }
  })
  lap('emit')
  const result: PageResult = { page, operations: summaries, diagnostics, outputs: {}, targets: input.targets, timings }
  if (input.key !== undefined) result.key = input.key
  if (parsed.page.catalogue) result.catalogue = parsed.page.catalogue
  if (subset) result.subset = { operations: document.operations.length, hits: subsetHits(subset, document.operations.map((op) => [op.id, input.path] as const)) }
  emitPageOutputs(result, operations, timings)
  return result
}

/** Fills `result.outputs` from its page and `operations` (again, after a duplicate operation was dropped). */
export function emitPageOutputs(result: PageResult, operations: IrOperation[], timings: Timings): void {
  const { page } = result
  result.outputs = {}
  delete result.docsEntry
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
  if (result.targets.includes('types')) result.outputs[typesPath(page.source.file)] = Buffer.from(pageTypesText(page, operations, format))
  if (result.targets.includes('docs')) {
    result.outputs[docsPath(page.source.file)] = Buffer.from(pageDocsText(page, operations, format))
    result.docsEntry = docsIndexEntry(page, operations)
  }
  if (result.targets.includes('validation')) for (const [path, text] of pageSchemaFiles(page, operations)) result.outputs[path] = Buffer.from(text)
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
