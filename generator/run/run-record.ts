import { lstatSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { Diagnostic } from '../diagnostics/report.js'
import { hashContent } from './hash.js'
import { MANIFEST, type Manifest } from './manifest.js'
import type { Outputs } from './merge-pages.js'
import { isSafeRelative, makeFolder } from './safe-paths.js'

/** What a run that wrote (or found up to date) every output records, to know the same run again cheaply. */
export interface RunRecord {
  run: string
  pages: number
  operations: number
  diagnostics: Diagnostic[]
  /** Each output file as written (size, times and inode, as git's index keeps them), and its page's key. */
  files: Record<string, RecordedFile>
}

type RecordedFile = [size: number, mtimeMs: number, ctimeMs: number, ino: number, origin?: string]

export function loadRecord(file: string): RunRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as RunRecord
    return typeof record.files === 'object' && record.files !== null ? record : undefined
  } catch {
    return undefined // none yet, or damaged: a full run
  }
}

/** Records the output files as they now are on disk, each with the key of the page that made it, if any. */
export function saveRecord(file: string, out: string, run: Omit<RunRecord, 'files'>, outputs: Outputs, origins: ReadonlyMap<string, string>): void {
  const files: RunRecord['files'] = {}
  for (const path of outputs.keys()) {
    const { size, mtimeMs, ctimeMs, ino } = statSync(join(out, path))
    const origin = origins.get(path)
    files[path] = origin === undefined ? [size, mtimeMs, ctimeMs, ino] : [size, mtimeMs, ctimeMs, ino, origin]
  }
  makeFolder(dirname(file))
  writeFileAtomic.sync(file, JSON.stringify({ ...run, files }), { fsync: false })
}

/** The file is as the recorded run left it: same size, times and inode (the record's paths are only looked at). */
export function asRecorded(out: string, path: string, record: RunRecord | undefined): boolean {
  const file = record?.files[path]
  if (file === undefined) return false
  const [size, mtimeMs, ctimeMs, ino] = file
  const stat = isSafeRelative(path) ? lstatSync(join(out, path), { throwIfNoEntry: false }) : undefined
  return stat !== undefined && stat.isFile() && stat.size === size && stat.mtimeMs === mtimeMs && stat.ctimeMs === ctimeMs && stat.ino === ino
}

/** What the record tells of the outputs, so that files left as the last run wrote them are neither read nor hashed. */
export interface RecordedOutputs {
  /** Paths whose file already holds the output. */
  current: Set<string>
  /** Paths whose file is the last run's, unedited, and must be replaced. */
  owned: Set<string>
  /** The sha256 of each output, for the manifest. */
  hashes: Map<string, string>
}

/**
 * Sorts the outputs by what the record and the manifest say of their files. A file as recorded holds what the last
 * run wrote, and while the manifest is as recorded too, the manifest's hash is that content's: an output made by a
 * page with the key it was recorded with is current without being hashed; any other is hashed once, for the
 * manifest, and compared with it. Everything else is left to the plan, which reads the folder.
 */
export function recordedOutputs(out: string, outputs: Outputs, origins: ReadonlyMap<string, string>, record: RunRecord | undefined, manifest: Manifest | undefined): RecordedOutputs {
  const found: RecordedOutputs = { current: new Set(), owned: new Set(), hashes: new Map() }
  const trusted = manifest !== undefined && asRecorded(out, MANIFEST, record)
  for (const [path, content] of outputs) {
    if (path === MANIFEST) continue
    const unedited = asRecorded(out, path, record)
    const known = trusted && unedited ? manifest.get(path) : undefined
    const samePage = unedited && origins.get(path) !== undefined && record!.files[path]![4] === origins.get(path)
    const hash = samePage && known !== undefined ? known : hashContent(content)
    found.hashes.set(path, hash)
    if (samePage || (known !== undefined && known === hash)) found.current.add(path)
    else if (known !== undefined) found.owned.add(path)
  }
  return found
}
