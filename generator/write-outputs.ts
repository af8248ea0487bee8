import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Output files by path relative to the output folder. */
export type Outputs = Map<string, string>

/** Paths whose content on disk differs from `outputs` (missing files included). */
export function staleOutputs(outDir: string, outputs: Outputs): string[] {
  const stale: string[] = []
  for (const [path, content] of outputs) {
    const target = join(outDir, path)
    if (!existsSync(target) || readFileSync(target, 'utf8') !== content) stale.push(path)
  }
  return stale.sort()
}

/**
 * Writes changed files only, each through a temporary file and a rename, so a run killed half way leaves every
 * file either old or new, never cut short. Returns the paths written.
 */
export function writeOutputs(outDir: string, outputs: Outputs): string[] {
  const written: string[] = []
  for (const path of staleOutputs(outDir, outputs)) {
    const target = join(outDir, path)
    mkdirSync(dirname(target), { recursive: true })
    const temporary = `${target}.${process.pid}.tmp`
    writeFileSync(temporary, outputs.get(path)!)
    renameSync(temporary, target)
    written.push(path)
  }
  return written
}
