import { readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { PageInput, PageResult, PageTarget, Timings } from './build-page.js'
import { sortDiagnostics, type Diagnostic } from './diagnostics/report.js'
import { emitClient } from './emit/client/emit-client.js'
import { DOCS_INDEX, docsIndexText, type DocsIndexEntry } from './emit/docs/docs-index.js'
import { emitIr } from './emit/emit-ir.js'
import { protocolsOf, TYPES_INDEX, typesIndexText, typesPath } from './emit/types/types-index.js'
import { IR_VERSION } from './ir/ir-version.js'
import type { IrDocument, IrOperation } from './ir/types.js'
import { generatorFingerprint, PageCache } from './page-cache.js'
import { buildPages } from './page-pool.js'
import { listPages } from './list-pages.js'
import { rules } from './diagnostics/rules.js'

export type Target = 'ir' | 'types' | 'client' | 'docs'
export const TARGETS: readonly Target[] = ['ir', 'types', 'client', 'docs']

export interface GenerateOptions {
  docsDir: string
  /** How the docs folder is named in headers (`docs`). */
  docsLabel: string
  targets: readonly Target[]
  /** Where page results are cached; `false` for no cache. */
  cacheDir: string | false
  cwd?: string
  threads?: number
  onProgress?: (done: number, total: number) => void
}

export interface GenerateStats {
  pages: number
  /** Pages parsed and emitted in this run; the others came from the cache. */
  built: number
  timings: Timings & { read: number; merge: number }
}

export interface GenerateResult {
  document: IrDocument
  diagnostics: Diagnostic[]
  outputs: Map<string, string>
  /**
   * For page outputs exactly as their page made them: the page's cache key. The same key means the same text, so a
   * file known to hold the output of that key holds this one.
   */
  origins: Map<string, string>
  stats: GenerateStats
}

/** The pages of a docs folder, read, with their cache keys: what a run is made from. */
export interface RunInputs {
  inputs: PageInput[]
  cache?: PageCache
  keys: Array<string | undefined>
  /** Milliseconds spent reading and hashing. */
  ms: number
}

export function readInputs(options: GenerateOptions): RunInputs {
  const started = performance.now()
  const cwd = options.cwd ?? process.cwd()
  const pageTargets = options.targets.filter((t): t is PageTarget => t === 'types' || t === 'docs')
  const inputs: PageInput[] = listPages(options.docsDir).map((path) => {
    const absolute = join(options.docsDir, path)
    const displayPath = relative(cwd, absolute).split(sep).join('/')
    return { path, source: readFileSync(absolute, 'utf8'), displayPath, docsLabel: options.docsLabel, targets: pageTargets }
  })
  const cache = options.cacheDir === false ? undefined : new PageCache(options.cacheDir, generatorFingerprint())
  const keys = inputs.map((input) => cache?.key(input))
  return { inputs, cache, keys, ms: performance.now() - started }
}

/** Reads a docs folder and makes the outputs of `targets`: pages in parallel, unchanged pages from the cache. */
export async function generate(options: GenerateOptions, read: RunInputs = readInputs(options)): Promise<GenerateResult> {
  const { inputs, cache, keys } = read
  let mark = performance.now()
  const results: Array<PageResult | undefined> = inputs.map((input, i) => cache?.get(keys[i]!, input))
  const lookup = performance.now() - mark
  const missing = inputs.flatMap((_, i) => (results[i] ? [] : [i]))
  let done = inputs.length - missing.length
  options.onProgress?.(done, inputs.length)
  const built = await buildPages(
    missing.map((i) => inputs[i]!),
    {
      threads: options.threads,
      onProgress: () => options.onProgress?.(++done, inputs.length),
      cacheFiles: missing.map((i) => (cache ? cache.fileOf(keys[i]!) : undefined)),
    },
  )
  const timings = { parse: 0, build: 0, emit: 0, format: 0, read: read.ms + lookup, merge: 0 }
  missing.forEach((index, i) => {
    const result = built[i]!
    results[index] = result
    for (const stage of ['parse', 'build', 'emit', 'format'] as const) timings[stage] += result.timings[stage]
  })
  mark = performance.now()
  const merged = await merge(results as PageResult[], keys, options, timings)
  timings.merge = performance.now() - mark
  return { ...merged, stats: { pages: inputs.length, built: missing.length, timings } }
}

/** One document from the page results: operations deduplicated across pages, then the whole-docs outputs. */
async function merge(results: PageResult[], keys: Array<string | undefined>, options: GenerateOptions, timings: Timings) {
  const document: IrDocument = { kind: 'document', irVersion: IR_VERSION, pages: [], operations: [] }
  const diagnostics: Diagnostic[] = []
  const seen = new Map<string, IrOperation>()
  const final: PageResult[] = []
  for (const original of results) {
    let result = original
    const kept = result.operations.filter((op) => {
      const first = seen.get(op.id)
      if (!first) return seen.set(op.id, op)
      const file = relative(options.cwd ?? process.cwd(), join(options.docsDir, op.source.file)).split(sep).join('/')
      const message = `Unexpected second \`${op.id}\`, first defined at ${first.source.file}:${first.source.line}`
      diagnostics.push({ file, line: op.source.line, column: op.source.column, severity: rules['duplicate-operation'].severity, ruleId: 'duplicate-operation', message })
      return false
    })
    if (kept.length < result.operations.length) {
      // The page lost an operation to an earlier page: its outputs are made again without it.
      result = { ...result, operations: kept, page: { ...result.page, operations: kept.map((op) => op.id) } }
      const { emitPageOutputs } = await import('./build-page.js')
      emitPageOutputs(result, options.docsLabel, timings)
    }
    final.push(result)
    document.pages.push(result.page)
    document.operations.push(...result.operations)
    diagnostics.push(...result.diagnostics)
  }
  const outputs = new Map<string, string>()
  const targets = new Set(options.targets)
  if (targets.has('ir')) outputs.set('ir.json', emitIr(document, options.docsLabel))
  const origins = new Map<string, string>()
  final.forEach((result, i) => {
    for (const [path, text] of Object.entries(result.outputs)) {
      outputs.set(path, text)
      if (result === results[i] && keys[i] !== undefined) origins.set(path, keys[i])
    }
  })
  if (targets.has('types')) {
    const paths = final.flatMap((r) => (r.outputs[typesPath(r.page.source.file)] !== undefined ? [typesPath(r.page.source.file)] : []))
    outputs.set(TYPES_INDEX, typesIndexText(paths, protocolsOf(document.operations), options.docsLabel))
  }
  if (targets.has('client')) outputs.set('client.ts', emitClient(options.docsLabel))
  if (targets.has('docs')) {
    const entries = final.flatMap((r): DocsIndexEntry[] => (r.docsEntry ? [r.docsEntry] : []))
    outputs.set(DOCS_INDEX, docsIndexText(entries, options.docsLabel))
  }
  return { document, diagnostics: sortDiagnostics(diagnostics), outputs, origins }
}
