import type { IrNavigation } from '../../ir/types.js'
import { DOCS_INDEX, type DocsIndexEntry } from '../docs/docs-index.js'
import { generatedBy } from '../header.js'
import { homePageText } from './home-page.js'
import { redirectPagePath, redirectPageText } from './redirect-page.js'
import { sectionPagePath, sectionPageText } from './section-page.js'
import { siteData, siteSections } from './site-data.js'

/** The site's data for its VitePress config: nav, sidebar and redirects. */
export const SITE_DATA = 'docs/site.json'

/**
 * The site's files of the docs target, made from the navigation and the docs pages written (`pages`): the home
 * page, `site.json`, a landing page per section (at its catalogue page's address), and a page at the old address
 * of every moved page whose new page is written.
 */
export function emitSite(navigation: IrNavigation, pages: readonly DocsIndexEntry[]): Array<[path: string, text: string]> {
  const data = siteData(navigation, pages)
  const linked = new Set(navigation.sections.flatMap((s) => s.groups.flatMap((g) => g.entries.flatMap((e) => (e.target.kind === 'nav-page' ? [e.target.file] : [])))))
  const files: Array<[string, string]> = [
    [DOCS_INDEX, homePageText(navigation, pages)],
    [SITE_DATA, `${JSON.stringify({ $comment: generatedBy(), ...data }, null, 2)}\n`],
  ]
  const written = new Map(pages.map((page) => [page.file, page]))
  for (const name of siteSections(navigation, pages)) {
    files.push([sectionPagePath(name), sectionPageText(name, navigation.sections.find((s) => s.name === name), pages, linked)])
  }
  const taken = new Set(files.map(([path]) => path))
  for (const redirect of navigation.redirects) {
    const target = redirect.target === null ? undefined : written.get(redirect.target)
    // A stub at a section's own address (`openapi/index.md`) leaves it to the landing page.
    if (target && !taken.has(redirectPagePath(redirect))) files.push([redirectPagePath(redirect), redirectPageText({ ...redirect, target: target.file }, target.title)])
  }
  return files
}
