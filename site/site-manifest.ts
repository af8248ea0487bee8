// What the last site build was made from, kept in the site cache: one fingerprint for everything that shapes every
// page (the site's code, the lockfile, the navigation, the page list, the settings) and one per page (its markdown
// and its last-updated time). The next build compares them to find the pages that changed.
import { type Dirent, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { hashParts } from '../generator/run/hash.js'
import { siteRoot, type SiteSettings } from './site-settings.js'

export interface SiteInputs {
  site: string
  /** Page path (relative to the docs, as VitePress names pages) → its fingerprint. */
  pages: Record<string, string>
  /**
   * The first page whose output may depend on other files (a markdown include, a code snippet import, a `<script>`
   * block, a local image), which its own fingerprint does not see, or the first file of the docs folder besides its
   * pages and site.json (an asset, a public/ file): then only a full build is right. Generated docs have none.
   */
  entangled?: string
}

export interface SiteManifest extends Omit<SiteInputs, 'entangled'> {
  version: 2
  /** The site folder's files as the build left them (paths, sizes, modification times): a changed one is noticed. */
  files: string
}

const VERSION = 2

export const manifestFile = (settings: SiteSettings) => join(settings.cache, 'site-manifest.json')

/** The paths (relative, `/` separators, sorted) of the entries under a folder that `keep` keeps: its files by default. */
export function filesUnder(dir: string, keep: (entry: Dirent) => boolean = (entry) => entry.isFile()): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(keep)
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()
}

/** Whether VitePress sees a path of the docs folder: not hidden (a dot-name) and not in node_modules. */
const seen = (path: string) => !path.split('/').some((segment) => segment.startsWith('.') || segment === 'node_modules')

/** Every markdown page of the docs folder, sorted, as VitePress lists its pages. */
export function sitePages(docs: string): string[] {
  return filesUnder(docs, (entry) => entry.isFile() && entry.name.endsWith('.md')).filter(seen)
}

export function siteInputs(settings: SiteSettings, pages: string[], lastUpdated: ReadonlyMap<string, number>): SiteInputs {
  const fingerprints: Record<string, string> = {}
  let entangled: string | undefined
  for (const page of pages) {
    const text = readFileSync(join(settings.docs, page), 'utf8')
    fingerprints[page] = hashParts([text, String(lastUpdated.get(page) ?? '')])
    if (entangled === undefined && ENTANGLED.test(text)) entangled = page
  }
  entangled ??= otherFiles(settings.docs)
  const navigation = join(settings.docs, 'site.json')
  const site = hashParts([
    `site-manifest v${VERSION}`,
    // The lockfile (VitePress, Vue, twoslash) and the twoslash options and renderer.
    settings.renderFingerprint,
    JSON.stringify({ docs: settings.docs, out: settings.out, editLink: settings.editLink ?? null }),
    existsSync(navigation) ? readFileSync(navigation) : '',
    ...siteSources().flatMap((file) => [file, readFileSync(join(siteRoot, file))]),
    ...pages,
    // A build after one of tied pages is whole too: it removes what they brought (an image no page shows any more).
    entangled ?? '',
  ])
  return { site, pages: fingerprints, ...(entangled === undefined ? {} : { entangled }) }
}

// What may make a page's output depend on another file, broadly, since a miss leaves a stale site: VitePress's
// includes and snippet imports anywhere in the text, script and style blocks, images in markdown, any `src`, `srcset`
// or `poster` attribute, and reference definitions (`[r]: path`). Generated pages have none of them.
const ENTANGLED = /<<<|@include|<script|<style|!\[|\b(?:src|srcset|poster)\s*=|^\s*\[[^\]]*\]:\s*\S/m

/** The first symbolic link, or file besides the pages and site.json, of the docs folder (dot-paths aside), if any. */
function otherFiles(docs: string): string | undefined {
  const others = filesUnder(docs, (entry) => entry.isSymbolicLink() || (entry.isFile() && !entry.name.endsWith('.md')))
  return others.find((path) => path !== 'site.json' && seen(path))
}

/** A digest of every file under a folder: its path, size and modification time. */
export function folderDigest(dir: string): string {
  return hashParts(
    filesUnder(dir).map((path) => {
      const stat = statSync(join(dir, path))
      return `${path}\0${stat.size}\0${stat.mtimeMs}`
    }),
  )
}

/** The site's own code: the config, the theme and the modules they import (site/*.ts). */
function siteSources(): string[] {
  const files = readdirSync(siteRoot, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)
  const theme = readdirSync(join(siteRoot, '.vitepress/theme'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(siteRoot, join(e.parentPath, e.name)))
  return [...files, '.vitepress/config.ts', ...theme].sort()
}

/** The manifest of the last build, or undefined when there is none or it is not one this version wrote. */
export function readSiteManifest(settings: SiteSettings): SiteManifest | undefined {
  try {
    const data = JSON.parse(readFileSync(manifestFile(settings), 'utf8')) as Partial<SiteManifest>
    if (data.version !== VERSION || typeof data.site !== 'string' || typeof data.files !== 'string') return undefined
    if (typeof data.pages !== 'object' || data.pages === null) return undefined
    if (!Object.values(data.pages).every((value) => typeof value === 'string')) return undefined
    return data as SiteManifest
  } catch {
    return undefined
  }
}

export function writeSiteManifest(settings: SiteSettings, inputs: SiteInputs): void {
  const manifest: SiteManifest = { version: VERSION, site: inputs.site, pages: inputs.pages, files: folderDigest(settings.out) }
  writeFileAtomic.sync(manifestFile(settings), JSON.stringify(manifest))
}

/** Forgets the last build: done before the site folder changes, so that a build cut short is followed by a full one. */
export function forgetSiteManifest(settings: SiteSettings): void {
  rmSync(manifestFile(settings), { force: true })
}
