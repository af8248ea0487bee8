import { diagnostic, type Diagnostic } from '../diagnostics/report.js'
import type { CatalogueGroup, CatalogueLink, CatalogueModel, CatalogueTable } from '../parse/catalogue-model.js'
import type { IrNavEntry, IrNavGroup, IrNavigation, IrNavSection, IrNavTarget, IrRedirect } from './navigation-types.js'
import { resolveLink } from './resolve-link.js'
import type { IrPage } from './types.js'

/**
 * The navigation of a docs folder: a section per folder with a catalogue page, its business groups and their
 * entries, each link resolved against `pages` (every page of the folder); and a redirect per redirect stub. Links
 * to no page are reported (`catalogue-link-unknown`) and kept unlinked; links to a redirect stub lead to its target
 * (`catalogue-link-moved`); a stub whose target is no page is reported (`redirect-target-unknown`). Diagnostics name
 * pages relative to the docs folder, as the page diagnostics do.
 */
export function buildNavigation(catalogues: readonly CatalogueModel[], pages: readonly IrPage[]): { navigation: IrNavigation; diagnostics: Diagnostic[] } {
  const byFile = new Map(pages.map((page) => [page.source.file, page]))
  const diagnostics: Diagnostic[] = []
  const sections = new Map<string, IrNavSection>()
  for (const catalogue of [...catalogues].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const name = catalogue.path.split('/')[0]!
    const section = sections.get(name) ?? { kind: 'nav-section', name, title: catalogue.title, description: catalogue.description, groups: [], source: { file: catalogue.path, line: 1, column: 1 } }
    sections.set(name, section)
    for (const table of catalogue.tables) {
      for (const group of table.groups) section.groups.push(buildGroup(catalogue.path, table, group, byFile, diagnostics))
    }
  }
  const redirects: IrRedirect[] = []
  for (const page of pages) {
    if (page.role !== 'redirect' || page.redirect === undefined) continue
    const resolved = resolveLink(page.redirect, page.source.file, byFile)
    const target = resolved.kind === 'page' ? resolved.page.source.file : null
    if (resolved.kind === 'unknown') diagnostics.push(diagnostic(page.source.file, page.source, 'redirect-target-unknown', `Unexpected redirect to \`${page.redirect}\`: ${resolved.reason}, expected a page of the docs; no redirect is made`))
    redirects.push({ kind: 'redirect', from: page.source.file, to: page.redirect, target, source: page.source })
  }
  const navigation: IrNavigation = { kind: 'navigation', sections: [...sections.values()], redirects }
  return { navigation, diagnostics }
}

function buildGroup(file: string, table: CatalogueTable, group: CatalogueGroup, pages: ReadonlyMap<string, IrPage>, diagnostics: Diagnostic[]): IrNavGroup {
  const entries: IrNavEntry[] = []
  const add = (mode: IrNavEntry['mode'], link: CatalogueLink | null) => {
    if (link) entries.push(buildEntry(file, mode, link, pages, diagnostics))
  }
  for (const row of group.rows) {
    if (row.both) add('both', row.direct)
    else {
      add('direct', row.direct)
      add('partner', row.partner)
    }
  }
  return {
    kind: 'nav-group',
    label: group.label,
    protocol: protocolOf(group, entries),
    heading: table.heading,
    column: table.columns[0] ?? '',
    entries,
    source: { file, ...group.place },
  }
}

function buildEntry(file: string, mode: IrNavEntry['mode'], link: CatalogueLink, pages: ReadonlyMap<string, IrPage>, diagnostics: Diagnostic[]): IrNavEntry {
  const resolved = resolveLink(link.target, file, pages)
  let target: IrNavTarget
  if (resolved.kind === 'page') {
    const { page, anchor, operations, movedFrom } = resolved
    target = { kind: 'nav-page', file: page.source.file, anchor, operations, movedFrom }
    if (movedFrom !== null) {
      diagnostics.push(diagnostic(file, link.place, 'catalogue-link-moved', `Unexpected link \`${link.target}\` to a moved page, expected its new address \`/${page.source.file.replace(/\.md$/, '')}\`; linked there`))
    }
  } else {
    target = { kind: 'nav-unknown' }
    const moved = resolved.movedFrom === null ? '' : ` (moved from \`${resolved.movedFrom}\`)`
    diagnostics.push(diagnostic(file, link.place, 'catalogue-link-unknown', `Unexpected link \`${link.target}\`: ${resolved.reason}${moved}, expected a page of the docs; it is not linked`))
  }
  return { kind: 'nav-entry', mode, title: link.title, text: link.text, markers: link.markers, link: link.target, target, source: { file, ...link.place } }
}

/** `data-protocol`, else the protocol all the group's links name (`/webhook/v2/…`), else null. */
function protocolOf(group: CatalogueGroup, entries: IrNavEntry[]): 'v2' | 'v3' | null {
  if (group.protocol === 'v2' || group.protocol === 'v3') return group.protocol
  const named = new Set(entries.map((e) => /^\/?(?:openapi|webhook)\/(v2|v3)\//.exec(e.link)?.[1] ?? null))
  const [only] = named
  return named.size === 1 && only !== undefined && only !== null ? (only as 'v2' | 'v3') : null
}
