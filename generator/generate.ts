import { readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { PageInput, PageOperation, PageResult, PageTarget, Timings } from './build-page.js'
import { sortDiagnostics, type Diagnostic } from './diagnostics/report.js'
import { emitClient } from './emit/client/emit-client.js'
import { emitIr, irEntry } from './emit/emit-ir.js'
import { protocolsOf, TYPES_INDEX, typesIndexText, typesPath } from './emit/types/types-index.js'
import type { IrOperation } from './ir/types.js'
import { generatorFingerprint, PageCache } from './page-cache.js'
import { PagePool } from './page-pool.js'
import { listPages } from './list-pages.js'
import type { Outputs } from './write-outputs.js'
import { rules } from './diagnostics/rules.js'
import { siteOutputs } from './site-outputs.js'

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
  /** Each built page's result as soon as it is built, before the run is merged (to write its outputs ahead). */
  onPageBuilt?: (result: PageResult) => void
}

export interface GenerateStats {
  pages: number
  /** Pages parsed and emitted in this run; the others came from the cache. */
  built: number
  timings: Timings & { read: number; merge: number }
}

export interface GenerateResult {
  pages: number
  operations: number
  diagnostics: Diagnostic[]
  outputs: Outputs
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

/**
 * Reads a docs folder and makes the outputs of `targets`: pages in parallel, unchanged pages from the cache. A caller
 * that has started a pool of its own passes it (and closes it); otherwise the run starts and closes one.
 */
export async function generate(options: GenerateOptions, read?: RunInputs, pool?: PagePool): Promise<GenerateResult> {
  if (!pool) {
    const own = new PagePool(options.threads)
    try {
      return await generate(options, read ?? readInputs(options), own)
    } finally {
      await own.close()
    }
  }
  read ??= readInputs(options)
  const { inputs, cache, keys } = read
  const timings = { parse: 0, build: 0, emit: 0, format: 0, read: read.ms, merge: 0 }
  const results: Array<PageResult | undefined> = new Array(inputs.length)
  let done = 0
  const build = async (indices: number[]) => {
    const built = await pool.build(
      indices.map((i) => inputs[i]!),
      {
        onBuilt: (result) => {
          options.onProgress?.(++done, inputs.length)
          options.onPageBuilt?.(result)
        },
        cacheFiles: indices.map((i) => (cache ? cache.fileOf(keys[i]!) : undefined)),
      },
    )
    indices.forEach((index, i) => {
      results[index] = built[i]
      for (const stage of ['parse', 'build', 'emit', 'format'] as const) timings[stage] += built[i]!.timings[stage]
    })
  }
  // The pages without an entry start building first, so the workers start up while the main thread reads the rest.
  const cached = inputs.map((_, i) => cache?.has(keys[i]!) ?? false)
  const missing = inputs.flatMap((_, i) => (cached[i] ? [] : [i]))
  done = inputs.length - missing.length
  options.onProgress?.(done, inputs.length)
  const building = build(missing)
  let mark = performance.now()
  const unreadable: number[] = []
  for (const [i, input] of inputs.entries()) {
    if (!cached[i]) continue
    results[i] = cache!.get(keys[i]!, input)
    if (!results[i]) unreadable.push(i)
  }
  timings.read += performance.now() - mark
  await building
  // Entries found damaged, or made for fewer targets, are built too.
  done -= unreadable.length
  await build(unreadable)
  mark = performance.now()
  const merged = await merge(results as PageResult[], keys, options, timings)
  timings.merge = performance.now() - mark
  return { ...merged, stats: { pages: inputs.length, built: missing.length + unreadable.length, timings } }
}

/** The page results as one: operations deduplicated across pages, then the whole-docs outputs. */
async function merge(results: PageResult[], keys: Array<string | undefined>, options: GenerateOptions, timings: Timings) {
  const diagnostics: Diagnostic[] = []
  const seen = new Map<string, PageOperation>()
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
      emitPageOutputs(result, kept.map((op) => JSON.parse(Buffer.from(op.entry).toString()) as IrOperation), options.docsLabel, timings)
    }
    final.push(result)
    diagnostics.push(...result.diagnostics)
  }
  const operations = final.flatMap((r) => r.operations)
  const outputs: Outputs = new Map()
  const targets = new Set(options.targets)
  if (targets.has('ir')) outputs.set('ir.json', emitIr(final.map((r) => Buffer.from(irEntry(r.page))), operations.map((op) => op.entry), options.docsLabel))
  const origins = new Map<string, string>()
  final.forEach((result, i) => {
    for (const [path, text] of Object.entries(result.outputs)) {
      outputs.set(path, text)
      if (result === results[i] && keys[i] !== undefined) origins.set(path, keys[i])
    }
  })
  if (targets.has('types')) {
    const paths = final.flatMap((r) => (r.outputs[typesPath(r.page.source.file)] !== undefined ? [typesPath(r.page.source.file)] : []))
    outputs.set(TYPES_INDEX, typesIndexText(paths, protocolsOf(operations), options.docsLabel))
  }
  if (targets.has('client')) outputs.set('client.ts', emitClient(options.docsLabel))
  // The site's navigation is checked on every run (check too); its pages are written with the docs.
  const site = siteOutputs(final, options.docsLabel, (file) => relative(options.cwd ?? process.cwd(), join(options.docsDir, file)).split(sep).join('/'))
  diagnostics.push(...site.diagnostics)
  if (targets.has('docs')) for (const [path, text] of site.outputs) outputs.set(path, text)
  return { pages: final.length, operations: operations.length, diagnostics: sortDiagnostics(diagnostics), outputs, origins }
}
