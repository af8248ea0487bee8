import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type { StagedOutputs } from './staged-outputs.js'

/** Output files by path relative to the output folder: text, or text as UTF-8. */
export type Outputs = Map<string, string | Uint8Array>

/**
 * Paths whose content on disk differs from `outputs` (missing files included), and files under the `owned` folders
 * that `outputs` no longer has (the declarations of a page since removed). Paths in `current` are known to hold
 * their content already and are not read.
 */
export function staleOutputs(outDir: string, outputs: Outputs, owned: string[] = [], current = new Set<string>()): string[] {
  const stale: string[] = []
  for (const [path, content] of outputs) {
    if (current.has(path)) continue
    if (!holds(join(outDir, path), content)) stale.push(path)
  }
  for (const path of orphans(outDir, outputs, owned)) stale.push(path)
  return stale.sort()
}

/** Does the file hold exactly `content`? A size that differs needs no read. */
function holds(file: string, content: string | Uint8Array): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content
  const size = statSync(file, { throwIfNoEntry: false })?.size
  return size === bytes.byteLength && readFileSync(file).equals(bytes)
}

/**
 * Writes changed files only, each through a temporary file and a rename, so a run killed half way leaves every
 * file either old or new, never cut short; then removes orphans under `owned`. A file `staged` ahead with the same
 * content is renamed into place instead. Returns the paths written or removed.
 */
export function writeOutputs(outDir: string, outputs: Outputs, owned: string[] = [], current = new Set<string>(), staged?: StagedOutputs): string[] {
  const changed: string[] = []
  const made = new Set<string>()
  const stale = staleOutputs(outDir, outputs, [], current)
  const moved = staged?.moveIn(stale, outputs) ?? new Set()
  for (const path of stale) {
    changed.push(path)
    if (moved.has(path)) continue
    const target = join(outDir, path)
    if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true })
    made.add(dirname(target))
    const temporary = `${target}.${process.pid}.tmp`
    try {
      writeFileSync(temporary, outputs.get(path)!)
      renameSync(temporary, target)
    } catch (error) {
      try {
        rmSync(temporary, { force: true })
      } catch {
        // the temporary path was never a file of ours
      }
      throw error
    }
  }
  for (const path of orphans(outDir, outputs, owned)) {
    rmSync(join(outDir, path))
    changed.push(path)
  }
  return changed
}

function orphans(outDir: string, outputs: Outputs, owned: string[]): string[] {
  const found: string[] = []
  for (const folder of owned) {
    const root = join(outDir, folder)
    if (!existsSync(root)) continue
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const path = relative(outDir, join(entry.parentPath, entry.name)).split('\\').join('/')
      if (!outputs.has(path)) found.push(path)
    }
  }
  return found
}
