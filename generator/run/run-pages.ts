import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/report.js'
import { MAX_PAGE_BYTES } from '../parse/parse-page.js'
import type { PageInput, PageResult, Timings } from './build-page.js'
import { listDocs } from './list-pages.js'
import { mergePages, type Outputs } from './merge-pages.js'
import { generatorFingerprint, PageCache } from './page-cache.js'
import { PagePool } from './page-pool.js'
import type { PackageInfo } from '../emit/package/package-json.js'
import { checkSubset, type Subset } from './select-operations.js'
import { refuse } from './usage-error.js'
import { folderLabel, isLink, statOf } from './safe-paths.js'

export type Target = 'ir' | 'types' | 'client' | 'docs' | 'validation' | 'openapi' | 'package'
export const TARGETS: readonly Target[] = ['ir', 'types', 'client', 'docs', 'validation', 'openapi', 'package']
/**
 * What a run makes unless told: `validation` and `openapi` are asked for, so the default run costs what it did; the
 * package target needs a name and version, so it is asked for by name.
 */
export const DEFAULT_TARGETS: readonly Target[] = ['ir', 'types', 'client', 'docs']
export type { Outputs }

export interface RunOptions {
  docsDir: string
  targets: readonly Target[]
  /** Where page results are cached; `false` for no cache. */
  cacheDir: string | false
  /** Only the operations these globs choose (ids or page paths), their types and the chain that reaches them. */
  subset?: Subset
  /** The package target's name and version. */
  package?: PackageInfo
  /** Diagnostics name files relative to this folder (default: the working directory). */
  cwd?: string
  threads?: number
  onProgress?: (done: number, total: number) => void
  /** Each built page's result as soon as it is built, before the run is merged (to write its outputs ahead). */
  onPageBuilt?: (result: PageResult) => void
}

export interface RunStats {
  pages: number
  /** Pages parsed and emitted in this run; the others came from the cache. */
  built: number
  timings: Timings & { read: number; merge: number }
}

export interface RunResult {
  pages: number
  operations: number
  diagnostics: Diagnostic[]
  /** By path relative to the output folder. */
  outputs: Outputs
  /** For page outputs exactly as their page made them: the page's cache key (the same key, the same text). */
  origins: Map<string, string>
  stats: RunStats
}

/** The pages of a docs folder, read, with their cache keys: what a run is made from. */
export interface RunInputs {
  inputs: PageInput[]
  /** Symlinks not followed, as diagnostics. */
  diagnostics: Diagnostic[]
  cache?: PageCache
  keys: Array<string | undefined>
  /** Milliseconds spent listing, reading and hashing. */
  ms: number
}

export function readInputs(options: RunOptions): RunInputs {
  const started = performance.now()
  const stat = statOf(options.docsDir)
  const label = folderLabel(options.docsDir, options.cwd)
  if (stat === undefined) refuse(`Unexpected --docs ${label}: ${isLink(options.docsDir) ? 'a symbolic link to nothing, or a loop' : 'no such folder'}, expected the folder of docs pages`)
  if (!stat.isDirectory()) refuse(`Unexpected --docs ${label}: it is a file, expected the folder of docs pages`)
  const docsDir = realpathSync(options.docsDir)
  const display = displayPaths(options)
  // The package ships the declarations: it makes the types target's files too.
  const targets = (['types', 'docs', 'validation'] as const).filter((t) => options.targets.includes(t) || (t === 'types' && options.targets.includes('package')))
  const listing = listDocs(docsDir)
  const diagnostics = listing.skipped.map(({ path, reason }) => diagnostic(display(path), { line: 1, column: 1 }, 'docs-symlink', `Unexpected symlink that ${reason}, expected a page or folder inside the docs folder; not followed`))
  const cache = options.cacheDir === false ? undefined : new PageCache(options.cacheDir, generatorFingerprint())
  const subset = options.subset && (options.subset.include.length > 0 || options.subset.exclude.length > 0) ? options.subset : undefined
  const inputs: PageInput[] = listing.pages.map((path) => ({ path, source: readPage(join(docsDir, path)), targets, ...(subset && { subset }) }))
  const keys = inputs.map((input) => cache?.key(input))
  inputs.forEach((input, i) => keys[i] !== undefined && (input.key = keys[i]))
  return { inputs, diagnostics, cache, keys, ms: performance.now() - started }
}

/**
 * Reads a docs folder and makes the outputs of `targets` in memory: pages in parallel, unchanged pages from the
 * cache, then merged. The CLI, `generate()`, `readDocs()` and the tests all run this. A caller that has started a
 * pool of its own passes it (and closes it); otherwise the run starts and closes one.
 */
export async function runPages(options: RunOptions, read?: RunInputs, pool?: PagePool): Promise<RunResult> {
  if (!pool) {
    const own = new PagePool(options.threads)
    try {
      return await runPages(options, read ?? readInputs(options), own)
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
  // Entries found damaged, or made for another page or fewer targets, are built too.
  done -= unreadable.length
  await build(unreadable)
  mark = performance.now()
  const merged = await mergePages(results as PageResult[], keys, options, timings)
  const subset = inputs[0]?.subset
  if (subset) {
    const pages = (results as PageResult[]).map((r) => r.subset ?? { operations: 0, hits: { include: [], exclude: [] } })
    checkSubset(subset, pages.map((p) => p.hits), merged.operations, pages.reduce((sum, p) => sum + p.operations, 0))
  }
  const display = displayPaths(options)
  const diagnostics = sortDiagnostics([...read.diagnostics, ...merged.diagnostics.map((d) => ({ ...d, file: display(d.file) }))])
  timings.merge = performance.now() - mark
  return { ...merged, diagnostics, stats: { pages: inputs.length, built: missing.length + unreadable.length, timings } }
}

/** Page paths (relative to the docs folder) as the user names them: relative to the working directory. */
function displayPaths(options: RunOptions): (path: string) => string {
  const cwd = options.cwd ?? process.cwd()
  return (path) => relative(cwd, join(options.docsDir, path)).split(sep).join('/')
}

/** A page file's bytes, at most one past the limit: a huge page is reported, not held in memory. */
function readPage(file: string): Uint8Array {
  const fd = openSync(file, 'r')
  try {
    // Its own buffer, not a slice of Node's pool: the bytes are sent to a worker, and a view sends its whole buffer.
    const buffer = new Uint8Array(Math.min(fstatSync(fd).size, MAX_PAGE_BYTES) + 1)
    let length = 0
    for (let read = 1; read > 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null)
    return buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}
