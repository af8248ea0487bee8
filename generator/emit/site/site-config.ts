import type { IrNavGroup, IrNavigation, IrNavItem } from '../../ir/types.js'

/** The parts of VitePress's default-theme config the navigation fills, as plain JSON. */
export interface SiteConfig {
  nav: Array<{ text: string; link: string; activeMatch: string }>
  /** By path prefix: `/openapi/v2/`, `/openapi/v3/`, `/openapi/`, `/webhook/`. */
  sidebar: Record<string, SidebarGroup[]>
}

export interface SidebarGroup {
  text: string
  collapsed?: boolean
  items: Array<{ text: string; link: string }>
}

export const SITE_CONFIG = 'docs/site.json'

const PROTOCOL_TITLES = { v2: 'APIv2', v3: 'APIv3' }

/**
 * The top nav (one entry per section) and the sidebars: per section and protocol the business groups of the
 * catalogue, collapsed, then the pages no catalogue lists; a section's landing page shows the groups of every
 * protocol. Groups of one label and protocol are joined (the webhook catalogue splits `JSON` into many).
 */
export function siteConfig(navigation: IrNavigation): SiteConfig {
  const nav = navigation.sections.map((s) => ({ text: s.title, link: `/${s.name}/`, activeMatch: `^/${s.name}/` }))
  const sidebar: Record<string, SidebarGroup[]> = {}
  for (const section of navigation.sections) {
    const all: SidebarGroup[] = []
    for (const protocol of ['v2', 'v3'] as const) {
      const groups = joined(section.groups.filter((g) => g.protocol === protocol)).map(sidebarGroup)
      if (groups.length === 0) continue
      sidebar[`/${section.name}/${protocol}/`] = groups
      all.push({ text: `${section.title} ${PROTOCOL_TITLES[protocol]}`, collapsed: false, items: groups.flatMap((g) => (g.items[0] ? [{ text: g.text, link: g.items[0].link }] : [])) })
    }
    const other = joined(section.groups.filter((g) => g.protocol === undefined)).map(sidebarGroup)
    sidebar[`/${section.name}/`] = [...all, ...other]
  }
  return { nav, sidebar }
}

/** Groups with the same label and protocol as one, at the place of the first. */
export function joined(groups: IrNavGroup[]): IrNavGroup[] {
  const out = new Map<string, IrNavGroup>()
  for (const group of groups) {
    const key = `${group.protocol ?? ''}\0${group.label}`
    const first = out.get(key)
    if (first) out.set(key, { ...first, items: [...first.items, ...group.items] })
    else out.set(key, group)
  }
  return [...out.values()]
}

function sidebarGroup(group: IrNavGroup): SidebarGroup {
  return { text: group.label, collapsed: true, items: group.items.map((item) => ({ text: itemText(item, group), link: itemLink(item) })) }
}

/** The item's label, with its mode when the group offers others, its certificate lock and a deprecation note. */
export function itemText(item: IrNavItem, group: IrNavGroup): string {
  const single = (mode: string) => group.items.some((i) => i.modes.length === 1 && i.modes[0] !== mode)
  const mode = item.modes.length === 1 && single(item.modes[0]!) ? (item.modes[0] === 'direct' ? '（直连）' : '（合作伙伴）') : ''
  const marks = [item.marks.includes('certificate') ? ' 🔐' : '', item.marks.includes('deprecated') ? '（已废弃）' : ''].join('')
  return `${item.label}${mode}${marks}`
}

/** The site path of an item: `/openapi/v3/pay/transactions/jsapi`, `…/applyments/` for an index page, `#post`. */
export function itemLink(item: IrNavItem): string {
  return `${sitePath(item.page)}${item.anchor ? `#${item.anchor}` : ''}`
}

export function sitePath(page: string): string {
  return `/${page.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '')}`
}
