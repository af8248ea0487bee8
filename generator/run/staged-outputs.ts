import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

const STAGING = '.wechatpay-codegen-staging-'

/**
 * Page outputs written while a run is still building, so that the disk works while the workers parse: each into a
 * staging folder inside the output folder (the same file system, so a rename moves it), by libuv's threads, so
 * that this thread goes on handing out pages. Once the writes have `settled`, `moveIn` renames those still
 * stale into place; `discard` removes what is left, and the output folder too when the run made it and wrote
 * nothing. A run killed before that leaves its staging folder, which the next run removes.
 */
export class StagedOutputs {
  private readonly folder: string
  private readonly staged = new Map<string, Uint8Array>()
  private readonly writes: Array<Promise<void>> = []
  private failed = false
  private readonly outDirExisted: boolean

  constructor(private readonly outDir: string) {
    this.folder = join(outDir, `${STAGING}${process.pid}`)
    this.outDirExisted = existsSync(outDir)
    if (this.outDirExisted) removeAbandoned(outDir)
  }

  stage(path: string, content: Uint8Array): void {
    const file = join(this.folder, path)
    const write = async () => {
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, content)
      this.staged.set(path, content)
    }
    // A file that could not be staged is written the ordinary way at the end; its folder no longer moves whole,
    // since it may hold the file cut short.
    this.writes.push(write().catch(() => void (this.failed = true)))
  }

  /** Resolves once every file staged so far is written (or known not to be). */
  async settled(): Promise<void> {
    await Promise.all(this.writes)
  }

  /**
   * Renames into place the staged files that are among the `stale` paths with their content in `outputs`, and
   * returns their paths. A staged folder the output folder has no such folder for, holding only such files, moves
   * whole: in a first run, one rename for a folder of a thousand pages instead of making each folder again.
   */
  moveIn(stale: readonly string[], outputs: ReadonlyMap<string, string | Uint8Array>): Set<string> {
    const wanted = new Set(stale.filter((path) => this.staged.get(path) === outputs.get(path)))
    const movedFolders = new Set<string>()
    // A failed write may have left a file cut short in its folder: then files move one by one.
    if (!this.failed) {
      // For each folder in staging: how many files it holds, and how many of them are wanted.
      const counts = new Map<string, { files: number; wanted: number }>()
      for (const path of this.staged.keys()) {
        for (const folder of foldersOf(path)) {
          const count = counts.get(folder) ?? counts.set(folder, { files: 0, wanted: 0 }).get(folder)!
          count.files++
          if (wanted.has(path)) count.wanted++
        }
      }
      // Outer folders first, so that a folder moves whole rather than piece by piece.
      const folders = [...counts.keys()].sort((a, b) => foldersOf(a).length - foldersOf(b).length || (a < b ? -1 : 1))
      for (const folder of folders) {
        const { files, wanted: ready } = counts.get(folder)!
        if (files !== ready || foldersOf(folder).some((outer) => movedFolders.has(outer))) continue
        const target = join(this.outDir, folder)
        if (existsSync(target)) continue
        mkdirSync(dirname(target), { recursive: true })
        renameSync(join(this.folder, folder), target)
        movedFolders.add(folder)
      }
    }
    const made = new Set<string>()
    for (const path of wanted) {
      if (!foldersOf(path).some((folder) => movedFolders.has(folder))) {
        const target = join(this.outDir, path)
        if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true })
        made.add(dirname(target))
        renameSync(join(this.folder, path), target)
      }
      this.staged.delete(path)
    }
    return wanted
  }

  async discard(): Promise<void> {
    await this.settled()
    this.staged.clear()
    try {
      rmSync(this.folder, { recursive: true, force: true })
      if (!this.outDirExisted) rmdirSync(this.outDir)
    } catch {
      // Not a folder (the run failed for that) or, for the output folder, not empty: the run wrote its outputs there.
    }
  }
}

/** The folders a relative path lies in, outermost first: `a/b/c.ts` → `a`, `a/b`. */
function foldersOf(path: string): string[] {
  const folders: string[] = []
  for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) folders.push(path.slice(0, at))
  return folders
}

/** Staging folders of runs that were killed (their process is gone). */
function removeAbandoned(outDir: string): void {
  for (const entry of readdirSync(outDir)) {
    if (!entry.startsWith(STAGING)) continue
    const pid = Number(entry.slice(STAGING.length))
    if (pid !== process.pid && !alive(pid)) rmSync(join(outDir, entry), { recursive: true, force: true })
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
