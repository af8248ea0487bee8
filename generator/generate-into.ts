import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type { PageResult } from './build-page.js'
import type { Diagnostic } from './diagnostics/report.js'
import { generate, readInputs, type GenerateOptions, type GenerateStats } from './generate.js'
import { PagePool } from './page-pool.js'
import { StagedOutputs } from './staged-outputs.js'
import { staleOutputs, writeOutputs } from './write-outputs.js'

export interface IntoResult {
  diagnostics: Diagnostic[]
  pages: number
  operations: number
  /** Paths written or removed; with `check`, the stale ones. */
  changed: string[]
  /** Nothing was built or compared: the pages, the generator and the output folder are as the last run left them. */
  unchanged: boolean
  stats?: GenerateStats
  /** Milliseconds spent comparing and writing output files. */
  writeMs?: number
}

/** What a run that wrote (or found up to date) every output records, to recognize the same run next time. */
interface RunRecord {
  run: string
  pages: number
  operations: number
  diagnostics: Diagnostic[]
  /** Size and modification time of each output file as written, and the key of the page whose output it is. */
  files: Record<string, [size: number, mtimeMs: number, origin?: string]>
}

/**
 * `generate` into a folder: writes the changed outputs (or with `check` lists the stale ones). When every page hits
 * the cache with the same keys as the recorded last run, and every output file still has the size and time that run
 * gave it, the outputs are known to be current without being made again. Otherwise the outputs are made, and of the
 * page outputs only those of changed pages (or of files changed since) are read and compared. A caller that runs
 * again and again (watch) passes a pool of its own, to keep its workers.
 */
export async function generateInto(options: GenerateOptions, outDir: string, check = false, pool?: PagePool): Promise<IntoResult> {
  if (!pool) {
    const own = new PagePool(options.threads)
    try {
      return await generateInto(options, outDir, check, own)
    } finally {
      await own.close()
    }
  }
  const read = readInputs(options)
  const owned = options.targets.filter((t) => t === 'types' || t === 'docs' || t === 'validation')
  const recordFile = options.cacheDir === false ? undefined : join(options.cacheDir, 'runs', `${hash([outDir, options.docsLabel, ...options.targets]).slice(0, 32)}.json`)
  const run = hash([...read.keys.map(String), options.docsLabel, ...options.targets])
  const record = recordFile ? loadRecord(recordFile) : undefined
  if (record?.run === run && filesAsRecorded(outDir, record.files, owned)) {
    return { diagnostics: record.diagnostics, pages: record.pages, operations: record.operations, changed: [], unchanged: true }
  }
  // The outputs of pages being built are written ahead, into staging, while the other pages build.
  const staged = check ? undefined : new StagedOutputs(outDir)
  const onPageBuilt = staged && ((built: PageResult) => Object.entries(built.outputs).forEach(([path, text]) => staged.stage(path, text)))
  try {
    const { pages, operations, diagnostics, outputs, origins, stats } = await generate({ ...options, onPageBuilt }, read, pool)
    const result = { diagnostics, pages, operations, unchanged: false, stats }
    if (diagnostics.some((d) => d.severity === 'error')) return { ...result, changed: [] }
    const writing = performance.now()
    // A page output whose page key is the one its file was recorded with, in a file as recorded, is current unread.
    const current = new Set(
      [...origins].filter(([path, key]) => {
        const recorded = record?.files[path]
        return recorded !== undefined && recorded[2] === key && fileAsRecorded(outDir, path, recorded)
      }).map(([path]) => path),
    )
    await staged?.settled()
    const changed = check ? staleOutputs(outDir, outputs, owned, current) : writeOutputs(outDir, outputs, owned, current, staged)
    if (recordFile && (!check || changed.length === 0)) {
      const files: RunRecord['files'] = {}
      for (const path of outputs.keys()) {
        const { size, mtimeMs } = statSync(join(outDir, path))
        const origin = origins.get(path)
        files[path] = origin === undefined ? [size, mtimeMs] : [size, mtimeMs, origin]
      }
      saveRecord(recordFile, { run, pages: result.pages, operations: result.operations, diagnostics, files })
    }
    return { ...result, changed, writeMs: performance.now() - writing }
  } finally {
    await staged?.discard()
  }
}

function hash(parts: string[]): string {
  const digest = createHash('sha256')
  for (const part of parts) digest.update(part).update('\0')
  return digest.digest('hex')
}

function loadRecord(file: string): RunRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunRecord
  } catch {
    return undefined // none yet, or damaged: a full run
  }
}

function saveRecord(file: string, record: RunRecord): void {
  mkdirSync(dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify(record))
  renameSync(temporary, file)
}

function fileAsRecorded(outDir: string, path: string, [size, mtimeMs]: RunRecord['files'][string]): boolean {
  const stat = statSync(join(outDir, path), { throwIfNoEntry: false })
  return stat !== undefined && stat.size === size && stat.mtimeMs === mtimeMs
}

/** Every recorded file with its recorded size and time, and no other file in the owned folders. */
function filesAsRecorded(outDir: string, files: RunRecord['files'], owned: string[]): boolean {
  for (const [path, file] of Object.entries(files)) if (!fileAsRecorded(outDir, path, file)) return false
  for (const folder of owned) {
    const root = join(outDir, folder)
    if (!existsSync(root)) continue
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && !(relative(outDir, join(entry.parentPath, entry.name)).split('\\').join('/') in files)) return false
    }
  }
  return true
}
