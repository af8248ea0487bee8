import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { hashContent } from './hash.js'
import type { Outputs } from './merge-pages.js'
import { isSafeRelative } from './safe-paths.js'

/** The generator's own folder inside an output folder: its manifest, and while a run writes, its lock and staging. */
export const CONTROL = '.wechatpay-codegen'
export const MANIFEST = `${CONTROL}/manifest.json`

/** Path → sha256 of the content the generator wrote there. */
export type Manifest = Map<string, string>

/**
 * The manifest of `outputs`: every file the run puts in the output folder, with the hash of its content, in the
 * manner of openapi-generator's `.openapi-generator/FILES`. The next run replaces or removes only these files, and
 * only while they still hold that content. Deterministic, so it is itself an output `--check` compares.
 */
export function manifestText(outputs: Outputs, hashes?: ReadonlyMap<string, string>): string {
  const files = [...outputs.keys()].filter((path) => path !== MANIFEST).sort()
  const hashOf = (path: string) => hashes?.get(path) ?? hashContent(outputs.get(path)!)
  const lines = files.map((path) => `    ${JSON.stringify(path)}: ${JSON.stringify(hashOf(path))}`)
  const comment = 'Files written by wechatpay-codegen, with the sha256 of what it wrote: it replaces or removes these only while they are unchanged, and no others.'
  return `{\n  "$comment": ${JSON.stringify(comment)},\n  "files": {\n${lines.join(',\n')}\n  }\n}\n`
}

/**
 * The manifest in `outDir`, or undefined when there is none. A damaged manifest, or one naming paths that are not
 * plain relative paths, owns nothing: the files it would name are then in the way, like any file the run did not
 * write.
 */
export function readManifest(outDir: string): Manifest | undefined {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8'))
  } catch {
    return undefined
  }
  const files = (json as { files?: unknown }).files
  if (typeof files !== 'object' || files === null) return undefined
  const manifest: Manifest = new Map()
  for (const [path, hash] of Object.entries(files)) {
    if (typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) && isSafeRelative(path) && !path.startsWith(`${CONTROL}/`)) manifest.set(path, hash)
  }
  return manifest
}
