// Whether the site can be rebuilt page by page: the same site and the same site folder as the last build, and few
// pages changed. Then VitePress builds the changed pages, plus "cover" pages whose chunks import every name any
// page imports from the shared chunks, so that Rollup gives the shared chunks the same exports (and the same
// names) as a full build; `merge-partial-build.ts` checks that they came out identical before it uses them.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { folderDigest, type SiteInputs, type SiteManifest } from './site-manifest.js'

export type SitePlan =
  | { kind: 'full'; reason: string }
  | { kind: 'none' }
  | { kind: 'pages'; changed: string[]; cover: string[] }

/** A page's key in VitePress's hashmap.json: its path with `_` for `/`, made a safe file name, lower-cased. */
export function chunkKey(page: string): string {
  return page.replaceAll('/', '_').replace(/[\u0000-\u001F"#$&*+,:;<=>?[\]^`{|}\u007F]/g, '_').replace(/(^|\/)_+(?=[^/]*$)/, '$1').toLowerCase()
}

export function planSiteBuild(out: string, inputs: SiteInputs, manifest: SiteManifest | undefined): SitePlan {
  if (manifest === undefined) return { kind: 'full', reason: 'no earlier build is recorded' }
  if (manifest.site !== inputs.site) return { kind: 'full', reason: "the site's code, settings, navigation, page list or files tied to pages changed" }
  if (inputs.entangled !== undefined) return { kind: 'full', reason: `${inputs.entangled} ties pages to other files (includes, snippets, scripts, images, assets), which only a full build follows` }
  if (!existsSync(out) || folderDigest(out) !== manifest.files) return { kind: 'full', reason: `files in ${out} changed since the last build` }
  const hashmap = readHashmap(join(out, 'hashmap.json'))
  const pages = Object.keys(inputs.pages)
  if (hashmap === undefined || pages.some((page) => hashmap[chunkKey(page)] === undefined)) return { kind: 'full', reason: `${out}/hashmap.json does not list every page` }
  const changed = pages.filter((page) => manifest.pages[page] !== inputs.pages[page])
  if (changed.length === 0) return { kind: 'none' }
  if (changed.length > pages.length / 4) return { kind: 'full', reason: `${changed.length} of ${pages.length} pages changed` }
  const chunks = pageChunks(out, hashmap)
  const unchanged = pages.filter((page) => !changed.includes(page))
  const imports = new Map(unchanged.map((page) => [page, chunkImports(chunks.get(chunkKey(page)))]))
  return { kind: 'pages', changed, cover: coverOf(imports) }
}

export function readHashmap(file: string): Record<string, string> | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined
    return Object.values(data).every((value) => typeof value === 'string' && /^[\w-]+$/.test(value)) ? (data as Record<string, string>) : undefined
  } catch {
    return undefined
  }
}

/** Each page's chunk file (`assets/<name>.<hash>.js`, the name keeping its case), by hashmap key. */
function pageChunks(out: string, hashmap: Record<string, string>): Map<string, string> {
  const byLowerName = new Map<string, string>()
  for (const name of readdirSync(join(out, 'assets'))) byLowerName.set(name.toLowerCase(), name)
  const chunks = new Map<string, string>()
  for (const [key, hash] of Object.entries(hashmap)) {
    const name = byLowerName.get(`${key}.${hash}.js`.toLowerCase())
    if (name !== undefined) chunks.set(key, join(out, 'assets', name))
  }
  return chunks
}

/** What a page chunk imports from the shared chunks: `framework:_`, `framework:a2`, …, read from its import lines. */
function chunkImports(file: string | undefined): Set<string> {
  const names = new Set<string>()
  if (file === undefined) return names
  for (const match of readFileSync(file, 'utf8').matchAll(/import\{([^}]*)\}from"\.\/chunks\/([\w@-]+)\.[\w-]+\.js"/g)) {
    for (const binding of match[1]!.split(',')) names.add(`${match[2]}:${binding.trim().split(/\s+as\s+/)[0]}`)
  }
  return names
}

/** A few pages whose imports together are every page's: picked greedily, the page adding most names first. */
function coverOf(imports: ReadonlyMap<string, Set<string>>): string[] {
  const missing = new Set([...imports.values()].flatMap((names) => [...names]))
  const cover: string[] = []
  while (missing.size > 0) {
    let best: string | undefined
    let gain = 0
    for (const [page, names] of imports) {
      const adds = [...names].filter((name) => missing.has(name)).length
      if (adds > gain) [best, gain] = [page, adds]
    }
    if (best === undefined) break
    cover.push(best)
    for (const name of imports.get(best)!) missing.delete(name)
  }
  return cover.sort()
}
