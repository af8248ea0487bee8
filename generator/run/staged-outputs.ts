import { lstatSync, writeFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Outputs } from './merge-pages.js'
import { isSafeRelative, makeFolder, makeFoldersInside } from './safe-paths.js'

/**
 * Outputs written into the staging folder, so that the disk works while the workers parse: each page's outputs as
 * soon as it is built, by libuv's threads, so that this thread goes on handing out pages. Once the run is known
 * good, `moves` stages the rest and says which renames put the wanted files in place; the commit makes them.
 */
export class StagedOutputs {
  private readonly staged = new Map<string, Uint8Array>()
  private readonly writes: Array<Promise<void>> = []
  private failed = false

  constructor(private readonly folder: string) {}

  stage(path: string, content: Uint8Array): void {
    if (!isSafeRelative(path)) return // the plan refuses it
    const file = join(this.folder, path)
    const write = async () => {
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, content)
      this.staged.set(path, content)
    }
    // A file that could not be staged is staged again at the end; its folder no longer moves whole, since it may
    // hold the file cut short.
    this.writes.push(write().catch(() => void (this.failed = true)))
  }

  /** Resolves once every file staged so far is written (or known not to be). */
  async settled(): Promise<void> {
    await Promise.all(this.writes)
  }

  /**
   * Stages the `paths` not staged yet with their content in `outputs`, and returns the renames that put them all in
   * place, staging path first. A staged folder that the output folder has no such folder for, holding only wanted
   * files, moves whole: in a first run, one rename for a folder of a thousand pages.
   */
  moves(outDir: string, paths: readonly string[], outputs: Outputs): Array<[from: string, to: string]> {
    const wanted = new Set(paths)
    for (const path of paths) {
      const content = outputs.get(path)!
      if (this.staged.get(path) === content) continue
      makeFolder(this.folder)
      makeFoldersInside(this.folder, path)
      writeFileSync(join(this.folder, path), content)
      this.staged.set(path, typeof content === 'string' ? Buffer.from(content) : content)
    }
    const moved = new Set<string>()
    const moves: Array<[string, string]> = []
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
        if (files !== ready || foldersOf(folder).some((outer) => moved.has(outer)) || lstatSync(join(outDir, folder), { throwIfNoEntry: false })) continue
        moves.push([folder, folder])
        moved.add(folder)
      }
    }
    for (const path of [...wanted].sort()) if (!foldersOf(path).some((folder) => moved.has(folder))) moves.push([path, path])
    return moves
  }
}

/** The folders a relative path lies in, outermost first: `a/b/c.ts` → `a`, `a/b`. */
function foldersOf(path: string): string[] {
  const folders: string[] = []
  for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) folders.push(path.slice(0, at))
  return folders
}
