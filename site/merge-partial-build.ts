// Brings a build of some pages (vitepress-build.ts) into the full site, or refuses to: every file the partial build
// made, other than the changed pages' chunks and HTML, must be the same bytes as the site's (the shared chunks, the
// search index, styles, the 404 and cover pages), so that the result is what a full build would have made. The page
// hash map, which VitePress keeps in a chunk named by its content that every page loads, is merged and renamed, and
// every page's reference to it updated.
import { createHash } from 'node:crypto'
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { readHashmap } from './plan-site-build.js'
import { filesUnder } from './site-manifest.js'

export type MergeResult = { ok: true; files: number } | { ok: false; reason: string }

const HASH_MAP = /^window\.__VP_HASH_MAP__=JSON\.parse\(("(?:[^"\\]|\\.)*")\);/

export function mergePartialBuild(partial: string, out: string, changed: string[]): MergeResult {
  const built = readHashmap(join(partial, 'hashmap.json'))
  const site = readHashmap(join(out, 'hashmap.json'))
  if (built === undefined || site === undefined) return { ok: false, reason: 'a hashmap.json is missing or malformed' }
  if (Object.keys(built).some((key) => site[key] === undefined)) return { ok: false, reason: 'the partial build made a page the site lacks' }
  const metadata = { built: metadataChunk(partial), site: metadataChunk(out) }
  if (metadata.built === undefined || metadata.site === undefined) return { ok: false, reason: 'the page hash map chunk was not found' }
  const parts = { built: splitMetadata(metadata.built.text), site: splitMetadata(metadata.site.text) }
  if (parts.built === undefined || parts.site === undefined) return { ok: false, reason: 'the page hash map chunk has an unknown form' }
  if (parts.built.rest !== parts.site.rest) return { ok: false, reason: "the site's data differs from the last build's" }
  // VitePress sorts the map and names the chunk by the first 8 hex digits of its content's sha256.
  const merged: Record<string, string> = {}
  for (const key of Object.keys({ ...site, ...built }).sort()) merged[key] = built[key] ?? site[key]!
  const text = `window.__VP_HASH_MAP__=JSON.parse(${JSON.stringify(JSON.stringify(merged))});${parts.built.rest}`
  const name = `metadata.${createHash('sha256').update(text).digest('hex').slice(0, 8)}.js`

  const changedHtml = new Set(changed.map((page) => page.replace(/\.md$/, '.html')))
  const newChunks = new Set(Object.entries(built).filter(([key, hash]) => site[key] !== hash).flatMap(([key, hash]) => [`${key}.${hash}.js`, `${key}.${hash}.lean.js`].map((name) => name.toLowerCase())))
  const made = filesUnder(partial)
  const siteFiles = filesUnder(out)
  const writes = new Map<string, string | { copy: string }>()
  for (const file of made) {
    const path = join(partial, file)
    if (file === 'hashmap.json' || file === metadata.built.file) continue
    if (file.startsWith('assets/') && newChunks.has(file.slice('assets/'.length).toLowerCase())) {
      writes.set(file, { copy: path })
    } else if (file.endsWith('.html') && changedHtml.has(file)) {
      writes.set(file, readFileSync(path, 'utf8').replaceAll(metadata.built.name, name))
    } else if (file.endsWith('.html')) {
      if (!sameText(join(out, file), readFileSync(path, 'utf8').replaceAll(metadata.built.name, metadata.site.name))) return { ok: false, reason: `${file} differs from the site's` }
    } else if (!sameBytes(join(out, file), path)) {
      return { ok: false, reason: `${file} differs from the site's` }
    }
  }
  if ([...changedHtml].some((file) => !writes.has(file))) return { ok: false, reason: 'the partial build did not render every changed page' }
  // Every asset of the site besides the pages' chunks comes out of any build; one the partial build did not make is
  // one a full build would not make either (an image no page shows any more), or one that unchanged pages use.
  const siteMetadata = metadata.site.file
  const leftover = siteFiles.find((file) => file.startsWith('assets/') && !/\.md\.[\w-]+(\.lean)?\.js$/.test(file) && file !== siteMetadata && !made.includes(file))
  if (leftover !== undefined) return { ok: false, reason: `${leftover} would be left over` }

  if (name !== metadata.site.name) writes.set(join('assets/chunks', name), text)
  for (const file of siteFiles) {
    if (!file.endsWith('.html') || writes.has(file) || file.startsWith('code/')) continue
    const html = readFileSync(join(out, file), 'utf8')
    if (html.includes(metadata.site.name)) writes.set(file, html.replaceAll(metadata.site.name, name))
  }
  writes.set('hashmap.json', `${JSON.stringify(merged)}\n`)
  for (const [file, content] of writes) {
    if (typeof content === 'string') writeFileAtomic.sync(join(out, file), content, { fsync: false })
    else copyFileSync(content.copy, join(out, file))
  }
  const byLowerName = new Map(readdirSync(join(out, 'assets')).map((entry) => [entry.toLowerCase(), entry]))
  for (const [key, hash] of Object.entries(built)) {
    if (site[key] === hash) continue
    for (const old of [`${key}.${site[key]}.js`, `${key}.${site[key]}.lean.js`]) {
      const entry = byLowerName.get(old.toLowerCase())
      if (entry !== undefined) rmSync(join(out, 'assets', entry), { force: true })
    }
  }
  if (name !== metadata.site.name) rmSync(join(out, metadata.site.file), { force: true })
  return { ok: true, files: writes.size }
}

function metadataChunk(root: string): { file: string; name: string; text: string } | undefined {
  const names = readdirSync(join(root, 'assets/chunks')).filter((name) => /^metadata\.[0-9a-f]{8}\.js$/.test(name))
  if (names.length !== 1) return undefined
  const file = `assets/chunks/${names[0]!}`
  return { file, name: names[0]!, text: readFileSync(join(root, file), 'utf8') }
}

function splitMetadata(text: string): { map: string; rest: string } | undefined {
  const match = HASH_MAP.exec(text)
  return match ? { map: match[1]!, rest: text.slice(match[0].length) } : undefined
}

function sameText(file: string, text: string): boolean {
  try {
    return readFileSync(file, 'utf8') === text
  } catch {
    return false
  }
}

function sameBytes(a: string, b: string): boolean {
  try {
    return readFileSync(a).equals(readFileSync(b))
  } catch {
    return false
  }
}
