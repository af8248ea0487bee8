import type { IrNavGroup, IrNavigation, IrNavSection } from '../../ir/types.js'
import type { DocsIndexEntry } from '../docs/docs-index.js'
import { entryLink, sectionOf, sectionText, sitePath } from './site-paths.js'

/** VitePress's DefaultTheme shapes, as the site's config reads them from `docs/site.json`. */
export interface SiteLink {
  text: string
  link: string
}

export interface SiteGroup {
  text: string
  collapsed: true
  items: SiteLink[]
}

export interface SiteData {
  nav: SiteLink[]
  sidebar: Record<string, SiteGroup[]>
  redirects: Array<{ from: string; to: string }>
}

/** The group of pages that no catalogue links to, last in their section's sidebar. */
export const OTHERS = '其他'
/** How a partner-mode entry is told from its direct-mode twin. */
export const PARTNER_MARK = '（服务商）'

/**
 * The nav, sidebar and redirects of the site: a nav item and a sidebar per docs folder (with a catalogue or with
 * pages), its catalogue's business groups (groups of one label and protocol as one, the protocol named when the
 * label has groups of both), then `其他` for the written pages no catalogue links. Only pages the docs target writes
 * (`pages`) are linked. Texts are HTML (VitePress renders them so), escaped.
 */
export function siteData(navigation: IrNavigation, pages: readonly DocsIndexEntry[]): SiteData {
  const written = new Set(pages.map((page) => page.file))
  const names = siteSections(navigation, pages)
  const sidebar: Record<string, SiteGroup[]> = {}
  const linked = new Set<string>()
  for (const section of navigation.sections) {
    sidebar[`/${section.name}/`] = sidebarGroups(section, written, linked)
  }
  for (const name of names) {
    const groups = (sidebar[`/${name}/`] ??= [])
    const others = pages.filter((page) => sectionOf(page.file) === name && !linked.has(page.file))
    if (others.length > 0) groups.push({ text: OTHERS, collapsed: true, items: others.map((page) => ({ text: html(page.title), link: sitePath(page.file) })) })
  }
  const nav = names.map((name) => ({ text: html(sectionText(name)), link: `/${name}/` }))
  const redirects = navigation.redirects.flatMap((r) => (r.target !== null && written.has(r.target) ? [{ from: sitePath(r.from), to: sitePath(r.target) }] : []))
  return { nav, sidebar: Object.fromEntries(names.map((name) => [`/${name}/`, sidebar[`/${name}/`]!])), redirects }
}

/** The docs folders the site has a section for: those with a catalogue or a written page, by name. */
export function siteSections(navigation: IrNavigation, pages: readonly DocsIndexEntry[]): string[] {
  return [...new Set([...navigation.sections.map((s) => s.name), ...pages.map((p) => sectionOf(p.file))])].sort()
}

/** A group's heading: its label, with the protocol when the section has groups of that label in both. */
export function groupText(group: IrNavGroup, section: IrNavSection): string {
  const protocols = new Set(section.groups.filter((g) => g.label === group.label).map((g) => g.protocol))
  return protocols.size > 1 && group.protocol !== null ? `${group.label} (${group.protocol})` : group.label
}

function sidebarGroups(section: IrNavSection, written: ReadonlySet<string>, linked: Set<string>): SiteGroup[] {
  const groups = new Map<string, SiteGroup>()
  for (const group of section.groups) {
    const text = html(groupText(group, section))
    const merged = groups.get(text) ?? { text, collapsed: true as const, items: [] }
    for (const entry of group.entries) {
      const link = entryLink(entry, written)
      if (link === undefined || entry.target.kind !== 'nav-page') continue
      linked.add(entry.target.file)
      const item = { text: html(entry.mode === 'partner' ? `${entry.title}${PARTNER_MARK}` : entry.title), link }
      if (!merged.items.some((i) => i.text === item.text && i.link === item.link)) merged.items.push(item)
    }
    if (merged.items.length > 0) groups.set(text, merged)
  }
  return [...groups.values()]
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text as HTML that shows it. */
export function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}
