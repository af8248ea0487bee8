import { readdirSync, realpathSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isInside } from './safe-paths.js'

/** The pages of a docs folder, and the symlinks in it that were not followed, with why. */
export interface DocsListing {
  /** Relative to the docs folder, `/` separators, sorted. */
  pages: string[]
  skipped: Array<{ path: string; reason: string }>
}

const PAGE = /^(openapi|webhook)\/.+\.md$/s

/**
 * Every `.md` below `openapi/` and `webhook/`. Hidden names (editors' swap and lock files) are passed over. A symlink
 * is followed only to a page or folder inside the docs folder, and never into a folder it is already inside (a
 * loop); the others are listed as skipped.
 */
export function listDocs(dir: string): DocsListing {
  const root = realpathSync(dir)
  const listing: DocsListing = { pages: [], skipped: [] }
  const walk = (real: string, path: string, within: string[]): void => {
    const entries = readdirSync(real, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const at = path === '' ? entry.name : `${path}/${entry.name}`
      let target = join(real, entry.name)
      let folder = entry.isDirectory()
      let file = entry.isFile()
      if (entry.isSymbolicLink()) {
        try {
          target = realpathSync(target)
        } catch {
          listing.skipped.push({ path: at, reason: 'leads nowhere (a broken symlink)' })
          continue
        }
        if (!isInside(target, root)) {
          listing.skipped.push({ path: at, reason: 'leads out of the docs folder' })
          continue
        }
        if (within.includes(target)) {
          listing.skipped.push({ path: at, reason: 'leads back into a folder it is in (a loop)' })
          continue
        }
        const stat = statSync(target)
        folder = stat.isDirectory()
        file = stat.isFile()
      }
      if (folder) walk(target, at, [...within, target])
      else if (file && PAGE.test(at)) listing.pages.push(at)
    }
  }
  walk(root, '', [root])
  listing.pages.sort()
  return listing
}

/** The pages of `listDocs`. */
export function listPages(dir: string): string[] {
  return listDocs(dir).pages
}
