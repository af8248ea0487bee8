import { lstatSync, mkdirSync, realpathSync, rmdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Diagnostic } from '../diagnostics/report.js'
import type { PageResult } from './build-page.js'
import { lockFolder, type LockOwner } from './folder-lock.js'
import { hashParts } from './hash.js'
import { CONTROL, MANIFEST, manifestText, readManifest } from './manifest.js'
import { commitOutputs, hasPendingCommit, recoverCommit, STAGING } from './output-commit.js'
import { planOutputs, staleOutputs } from './output-plan.js'
import { PagePool } from './page-pool.js'
import { readInputs, runPages, type RunOptions, type RunStats } from './run-pages.js'
import { isInside, isLink, makeFolder, realPathOf, statOf } from './safe-paths.js'
import { asRecorded, loadRecord, recordedOutputs, saveRecord } from './run-record.js'
import { StagedOutputs } from './staged-outputs.js'
import { refuse } from './usage-error.js'

export interface GenerateOptions extends RunOptions {
  outDir: string
  /** The output folder as the user named it, for messages (default: `outDir`). */
  outLabel?: string
  /** Write nothing; list the files that differ from what would be written. */
  check?: boolean
  /** Replace or remove files in the way that the generator did not write, or that were edited since. */
  force?: boolean
  /** This run's command line, named to a run that waits for this one's lock. */
  command?: string
  onWait?: (owner: LockOwner | undefined) => void
}

export interface GenerateResult {
  pages: number
  operations: number
  diagnostics: Diagnostic[]
  /** Paths written or removed; with `check`, the stale ones. */
  changed: string[]
  /** Nothing was built or compared: the pages, the generator and the output folder are as the last run left them. */
  unchanged: boolean
  stats?: RunStats
  /** Milliseconds spent comparing and writing output files. */
  writeMs?: number
}

/**
 * Reads the docs and writes the outputs into the output folder: only files in its manifest, and only while they
 * are unchanged, are replaced or removed; a run writes all its files or none (see `commitOutputs`); one run at a time
 * holds the folder. With `check`, writes nothing and lists the stale files. When every page hits the cache with the
 * keys the last run recorded, and every output file is as that run left it, nothing is built or compared. A caller
 * that runs again and again (watch) passes a pool of its own, to keep its workers.
 */
export async function generateInto(options: GenerateOptions, pool?: PagePool): Promise<GenerateResult> {
  if (!pool) {
    const own = new PagePool(options.threads)
    try {
      return await generateInto(options, own)
    } finally {
      await own.close()
    }
  }
  checkFolders(options)
  const label = options.outLabel ?? options.outDir
  const read = readInputs(options)
  if (options.check) {
    const out = realPathOf(options.outDir)
    const result = await runPages(options, read, pool)
    if (result.diagnostics.some((d) => d.severity === 'error')) return { ...result, changed: [], unchanged: false }
    result.outputs.set(MANIFEST, manifestText(result.outputs))
    const changed = staleOutputs(out, result.outputs, readManifest(out))
    if (hasPendingCommit(out)) changed.push(`${CONTROL}/commit.json`)
    return { ...result, changed, unchanged: false }
  }
  const made = makeFolder(options.outDir)
  const out = realpathSync(options.outDir)
  const control = join(out, CONTROL)
  const controlStat = lstatSync(control, { throwIfNoEntry: false })
  if (controlStat !== undefined && !controlStat.isDirectory()) throw Object.assign(new Error(`${label}/${CONTROL} is not a folder: remove it to let the generator keep its manifest there`), { code: 'ENOTDIR' })
  if (controlStat === undefined) mkdirSync(control)
  const release = await lockFolder(control, { label, command: options.command ?? 'wechatpay-codegen generate', ...(options.onWait && { onWait: options.onWait }) })
  let wrote = false
  const staged = new StagedOutputs(join(out, STAGING))
  try {
    recoverCommit(out)
    const recordFile = options.cacheDir === false ? undefined : join(options.cacheDir, 'runs', `${hashParts([out, ...options.targets]).slice(0, 32)}.json`)
    const run = hashParts([...read.keys.map(String), ...options.targets, resolve(options.docsDir), options.cwd ?? process.cwd()])
    const record = recordFile ? loadRecord(recordFile) : undefined
    if (record?.run === run && Object.keys(record.files).every((path) => asRecorded(out, path, record))) {
      return { diagnostics: record.diagnostics, pages: record.pages, operations: record.operations, changed: [], unchanged: true }
    }
    // The outputs of pages being built are written ahead, into staging, while the other pages build.
    const onPageBuilt = (built: PageResult) => Object.entries(built.outputs).forEach(([path, text]) => staged.stage(path, text))
    const result = await runPages({ ...options, onPageBuilt }, read, pool)
    const { outputs, origins } = result
    if (result.diagnostics.some((d) => d.severity === 'error')) return { ...result, changed: [], unchanged: false }
    const writing = performance.now()
    const manifest = readManifest(out)
    const { current, owned, hashes } = recordedOutputs(out, outputs, origins, record, manifest)
    outputs.set(MANIFEST, manifestText(outputs, hashes))
    const plan = planOutputs(out, outputs, manifest, { current, owned, force: options.force ?? false, label })
    const diagnostics = [...result.diagnostics, ...plan.diagnostics]
    if (plan.diagnostics.some((d) => d.severity === 'error')) return { ...result, diagnostics, changed: [], unchanged: false }
    await staged.settled()
    const moves = staged.moves(out, plan.write, outputs)
    if (moves.length > 0 || plan.remove.length > 0) commitOutputs(out, { moves, removes: plan.remove })
    wrote = true
    if (recordFile) saveRecord(recordFile, out, { run, pages: result.pages, operations: result.operations, diagnostics }, outputs, origins)
    return { ...result, diagnostics, changed: [...plan.write, ...plan.remove].sort(), unchanged: false, writeMs: performance.now() - writing }
  } finally {
    await staged.settled()
    rmSync(join(out, STAGING), { recursive: true, force: true })
    await release()
    // A run that made the output folder and wrote nothing leaves no trace of it.
    if (!wrote && made !== undefined) {
      rmSync(control, { recursive: true, force: true })
      for (let at = out; isInside(at, made); at = dirname(at)) {
        try {
          rmdirSync(at)
        } catch {
          break
        }
      }
    }
  }
}

/**
 * `--out` empty, a file (or under one), equal to `--docs`, inside it or holding it: refused
 * before anything is read or written.
 */
function checkFolders(options: GenerateOptions): void {
  if (options.outDir.trim() === '') refuse('Unexpected empty --out, expected the folder to write into')
  const label = options.outLabel ?? options.outDir
  const target = resolve(options.outDir)
  for (let at = target; ; at = dirname(at)) {
    const stat = statOf(at)
    const which = at === target ? 'it is' : `${at} is`
    if (stat === undefined && isLink(at)) refuse(`Unexpected --out ${label}: ${which} a symbolic link to nothing, or a loop, expected a folder to write into`)
    if (stat !== undefined && !stat.isDirectory()) refuse(`Unexpected --out ${label}: ${which} a file, expected a folder to write into`)
    if (stat !== undefined || dirname(at) === at) break
  }
  const docs = realPathOf(options.docsDir)
  const out = realPathOf(options.outDir)
  if (isInside(out, docs)) refuse(`Unexpected --out ${label}: it is the docs folder or inside it, expected a folder of its own`)
  if (isInside(docs, out)) refuse(`Unexpected --out ${label}: it holds the docs folder, expected a folder of its own`)
}
