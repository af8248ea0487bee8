import { lstatSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { diagnostic, type Diagnostic } from '../diagnostics/report.js'
import { hashContent } from './hash.js'
import { MANIFEST, type Manifest } from './manifest.js'
import type { Outputs } from './merge-pages.js'
import { isSafeRelative, passesLink } from './safe-paths.js'

/** What a run must do in its output folder, and what stands in its way. */
export interface OutputPlan {
  /** Paths whose file is missing or holds other content, sorted. */
  write: string[]
  /** Paths the last run wrote that this one does not, still as written, sorted. */
  remove: string[]
  /** Files in the way (errors), or with `force` taken over (warnings). */
  diagnostics: Diagnostic[]
}

export interface PlanOptions {
  /** Paths known to hold their output already (by the run record), not read. */
  current?: ReadonlySet<string>
  /** Paths known to hold what the last run wrote, unedited (by the run record): replaced without being read. */
  owned?: ReadonlySet<string>
  force?: boolean
  /** How the output folder is named in diagnostics. */
  label: string
}

/**
 * Compares the outputs with the output folder and its manifest. A file may be replaced or removed when the manifest
 * has it with the hash of its content (the generator wrote it and nobody changed it since), or when it already holds
 * the output. Any other file in the way, a symlink among them, is an error naming it, unless `force` takes it over.
 * A path that is not a plain relative path, or that leads through a symlink, is refused even with `force`.
 */
export function planOutputs(outDir: string, outputs: Outputs, manifest: Manifest | undefined, options: PlanOptions): OutputPlan {
  const plan: OutputPlan = { write: [], remove: [], diagnostics: [] }
  /** Reports a file in the way; true when `force` takes it over, to be `done` (replaced or removed). */
  const inTheWay = (path: string, ruleId: 'output-not-owned' | 'output-edited', what: string, done: 'replaced' | 'removed') => {
    const force = options.force === true
    const message = `Unexpected ${what}; ${force ? `${done} (--force)` : `it is not ${done} without --force`}`
    plan.diagnostics.push(diagnostic(`${options.label}/${path}`, { line: 1, column: 1 }, force ? 'output-taken-over' : ruleId, message))
    return force
  }
  for (const [path, content] of outputs) {
    if (options.current?.has(path)) continue
    if (!isSafeRelative(path) || passesLink(outDir, path)) {
      const message = 'Unexpected output path that leads through a symlink or is not a plain relative path, expected one inside the output folder'
      plan.diagnostics.push(diagnostic(`${options.label}/${path}`, { line: 1, column: 1 }, 'output-unsafe', message))
      continue
    }
    if (options.owned?.has(path)) {
      plan.write.push(path)
      continue
    }
    const disk = onDisk(join(outDir, path))
    if (disk === undefined) plan.write.push(path)
    else if (disk !== 'other' && Buffer.compare(disk, toBytes(content)) === 0) continue
    else if (path === MANIFEST || (disk !== 'other' && manifest?.get(path) === hashContent(disk))) plan.write.push(path)
    else {
      const [rule, what] =
        disk === 'other'
          ? (['output-not-owned', 'symlink or folder where an output goes'] as const)
          : manifest?.has(path)
            ? (['output-edited', 'change to a file the generator wrote'] as const)
            : (['output-not-owned', 'file the generator did not write where an output goes'] as const)
      if (inTheWay(path, rule, what, 'replaced')) plan.write.push(path)
    }
  }
  for (const [path, hash] of manifest ?? []) {
    if (outputs.has(path) || passesLink(outDir, path)) continue
    const disk = onDisk(join(outDir, path))
    if (disk === undefined) continue
    if (disk !== 'other' && hashContent(disk) === hash) plan.remove.push(path)
    else if (inTheWay(path, 'output-edited', 'change to a file the generator wrote for a page no longer in the docs', 'removed')) plan.remove.push(path)
  }
  plan.write.sort()
  plan.remove.sort()
  return plan
}

/**
 * For `--check`: outputs whose file is missing or holds other content, and files the manifest has that the outputs
 * no longer do. Contents are compared, never sizes or times. Reads only.
 */
export function staleOutputs(outDir: string, outputs: Outputs, manifest: Manifest | undefined): string[] {
  const stale: string[] = []
  for (const [path, content] of outputs) {
    const disk = isSafeRelative(path) && !passesLink(outDir, path) ? onDisk(join(outDir, path)) : 'other'
    if (disk === undefined || disk === 'other' || Buffer.compare(disk, toBytes(content)) !== 0) stale.push(path)
  }
  for (const path of manifest?.keys() ?? []) {
    if (!outputs.has(path) && !passesLink(outDir, path) && onDisk(join(outDir, path)) !== undefined) stale.push(path)
  }
  return stale.sort()
}

/** A regular file's bytes, 'other' for anything else there (a symlink is never followed), undefined for nothing. */
function onDisk(file: string): Buffer | 'other' | undefined {
  const stat = lstatSync(file, { throwIfNoEntry: false })
  if (stat === undefined) return undefined
  return stat.isFile() ? readFileSync(file) : 'other'
}

function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? Buffer.from(content) : content
}
