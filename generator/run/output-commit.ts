import { lstatSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { CONTROL } from './manifest.js'
import { isSafeRelative, makeFoldersInside, passesLink } from './safe-paths.js'

export const STAGING = `${CONTROL}/staging`
const COMMIT = `${CONTROL}/commit.json`

/** The renames (from the staging folder) and removals that take an output folder from its old state to its new. */
export interface Commit {
  moves: Array<[from: string, to: string]>
  removes: string[]
}

/**
 * Puts a run's outputs in place. The commit is first written whole (a redo record, synced to disk), then carried
 * out: a run killed before the record leaves the folder as it was; one killed after it leaves the record, and the
 * next run, holding the lock, carries it out to the end before anything else (`recoverCommit`). `--check` reports a
 * folder with a record as stale.
 */
export function commitOutputs(outDir: string, commit: Commit): void {
  writeFileAtomic.sync(join(outDir, COMMIT), JSON.stringify(commit))
  applyCommit(outDir, commit)
}

/** Carries out the commit a killed run left, if any; then clears the staging folder. Needs the folder's lock. */
export function recoverCommit(outDir: string): boolean {
  let commit: Commit | undefined
  try {
    commit = JSON.parse(readFileSync(join(outDir, COMMIT), 'utf8')) as Commit
  } catch {
    commit = undefined // none, or cut short before its rename: the run it belonged to changed nothing
  }
  if (commit && Array.isArray(commit.moves) && Array.isArray(commit.removes)) applyCommit(outDir, commit)
  rmSync(join(outDir, COMMIT), { force: true })
  rmSync(join(outDir, STAGING), { recursive: true, force: true })
  return commit !== undefined
}

export function hasPendingCommit(outDir: string): boolean {
  return lstatSync(join(outDir, COMMIT), { throwIfNoEntry: false }) !== undefined
}

/** Each step is skipped when done already, so a commit cut short is carried out again from the start. */
function applyCommit(outDir: string, { moves, removes }: Commit): void {
  const staging = join(outDir, STAGING)
  for (const [from, to] of moves) {
    // The record is read back from disk: untrusted, like every path that is joined to a folder.
    if (typeof from !== 'string' || typeof to !== 'string' || !isSafeRelative(from) || !isSafeRelative(to)) continue
    move(join(staging, from), outDir, to)
  }
  for (const path of removes) {
    if (typeof path !== 'string' || !isSafeRelative(path) || passesLink(outDir, path)) continue
    const stat = lstatSync(join(outDir, path), { throwIfNoEntry: false })
    if (stat === undefined || stat.isDirectory()) continue
    rmSync(join(outDir, path))
    pruneEmptyFolders(outDir, dirname(path))
  }
  rmSync(join(outDir, COMMIT), { force: true })
  rmSync(staging, { recursive: true, force: true })
}

/** Renames a staged file or folder to `to`; a folder whose target exists already moves file by file. */
function move(source: string, outDir: string, to: string): void {
  const stat = lstatSync(source, { throwIfNoEntry: false })
  if (stat === undefined || passesLink(outDir, to) || !makeFoldersInside(outDir, to)) return
  const target = join(outDir, to)
  if (stat.isDirectory() && lstatSync(target, { throwIfNoEntry: false }) !== undefined) {
    for (const name of readdirSync(source)) move(join(source, name), outDir, `${to}/${name}`)
    return
  }
  renameSync(source, target)
}

/** Removes the folders a removal left empty, from `folder` up to (not including) the output folder. */
function pruneEmptyFolders(outDir: string, folder: string): void {
  for (let at = folder; at !== '.' && at !== ''; at = dirname(at)) {
    try {
      rmdirSync(join(outDir, at))
    } catch {
      return // not empty, or not there
    }
  }
}
