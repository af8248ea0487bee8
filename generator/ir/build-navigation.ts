import type { RuleId } from '../diagnostics/rules.js'
import type { Place } from '../diagnostics/report.js'
import { pageOfLink } from '../parse/read-catalogue.js'
import type { IrCatalogueEntry, IrNavGroup, IrNavigation, IrNavItem, IrNavSection, IrPage, IrRedirect } from './types.js'

/** What the navigation needs of an operation: its id and, for a webhook, the anchors of its variants. */
export interface NavOperation {
  id: string
  method: string
  variants: string[]
}

/** A problem found while linking, on the page at `file` (relative to the docs root). */
export interface NavProblem {
  file: string
  place: Place
  ruleId: RuleId
  message: string
}

const SECTION_TITLES: Record<string, string> = { openapi: '开放接口', webhook: '回调通知' }

/**
 * The site's navigation from the catalogue pages: each catalogue becomes a section (named after its folder) whose
 * groups link the operations the catalogue lists. Every link is checked against the pages and operations there are;
 * a link to a redirect stub is followed. Pages of operations no catalogue lists are added to their section in groups
 * of their own, by protocol, so that every page is reached. `operationsOf` gives the operations of a page.
 */
export function buildNavigation(pages: IrPage[], operationsOf: (page: IrPage) => NavOperation[]): { navigation: IrNavigation; problems: NavProblem[] } {
  const problems: NavProblem[] = []
  const byFile = new Map(pages.map((p) => [p.source.file, p]))
  const redirects: IrRedirect[] = []
  for (const page of pages) {
    if (page.role !== 'redirect' || page.redirect === undefined) continue
    const to = pageOfLink(page.redirect.split('#')[0]!)
    const target = to === null ? undefined : byFile.get(to)
    if (!target || target.role !== 'operations') {
      problems.push({ file: page.source.file, place: page.source, ruleId: 'redirect-target-unknown', message: `Unexpected redirect to \`${page.redirect}\`, which is no page of operations in the docs` })
    } else redirects.push({ kind: 'redirect', from: page.source.file, to: target.source.file, source: page.source })
  }
  const movedTo = new Map(redirects.map((r) => [r.from, r.to]))
  const listed = new Set<string>()
  const sections: IrNavSection[] = []
  // A section per catalogue page, then one per top folder of pages that no catalogue covers.
  const names = [...new Set([...pages.filter((p) => p.catalogue).map(folderOf), ...pages.filter((p) => p.role === 'operations').map(folderOf)])]
  for (const name of names) {
    const page = pages.find((p) => p.catalogue && folderOf(p) === name)
    const catalogue = page?.catalogue
    const groups: IrNavGroup[] = (catalogue?.groups ?? []).map((group) => {
      const items = group.entries.flatMap((entry) => {
        const item = itemOf(entry, byFile, movedTo, operationsOf, problems)
        if (item) listed.add(item.page)
        return item ? [item] : []
      })
      const navGroup: IrNavGroup = { kind: 'nav-group', label: group.label, items, source: group.source }
      if (group.protocol) navGroup.protocol = group.protocol
      return navGroup
    })
    const source = catalogue?.source ?? { file: `${name}/index.md`, line: 1, column: 1 }
    sections.push({ kind: 'nav-section', name, title: SECTION_TITLES[name] ?? page?.title ?? name, description: catalogue?.description ?? null, catalogue: page?.source.file ?? null, groups, source })
  }
  for (const section of sections) section.groups.push(...unlistedGroups(section, pages, listed, operationsOf))
  return { navigation: { kind: 'navigation', sections, redirects }, problems }
}

function itemOf(
  entry: IrCatalogueEntry,
  byFile: Map<string, IrPage>,
  movedTo: Map<string, string>,
  operationsOf: (page: IrPage) => NavOperation[],
  problems: NavProblem[],
): IrNavItem | undefined {
  const unknown = (message: string) => {
    problems.push({ file: entry.source.file, place: entry.source, ruleId: 'catalogue-link-unknown', message })
    return undefined
  }
  if (entry.page === null) return unknown(`Unexpected link \`${entry.href}\` off the docs, expected \`/openapi/…\` or \`/webhook/…\``)
  let file = entry.page
  const moved = movedTo.get(file)
  if (moved) {
    problems.push({ file: entry.source.file, place: entry.source, ruleId: 'catalogue-link-moved', message: `Link \`${entry.href}\` names a moved page; linked to \`${moved}\`` })
    file = moved
  }
  const page = byFile.get(file)
  if (!page || page.role !== 'operations') return unknown(`Unexpected link \`${entry.href}\`, which is no page of operations in the docs`)
  const operations = operationsOf(page)
  const item: IrNavItem = { kind: 'nav-item', label: entry.label, page: page.source.file, modes: entry.modes, marks: entry.marks, source: entry.source }
  const anchor = entry.anchor
  if (anchor === undefined) {
    if (operations.length === 1) item.operation = operations[0]!.id
    return item
  }
  const byMethod = operations.find((op) => op.method === anchor.toLowerCase())
  const variant = operations.find((op) => op.variants.includes(anchor))
  if (!byMethod && !variant) return unknown(`Unexpected anchor \`#${anchor}\` in \`${entry.href}\`, expected a method or variant of the page`)
  item.anchor = anchor
  item.operation = (byMethod ?? variant)!.id
  return item
}

/** The section's pages that no catalogue lists, as one group per protocol, in path order. */
function unlistedGroups(section: IrNavSection, pages: IrPage[], listed: Set<string>, operationsOf: (page: IrPage) => NavOperation[]): IrNavGroup[] {
  const groups: IrNavGroup[] = []
  for (const protocol of ['v2', 'v3'] as const) {
    const prefix = `${section.name}/${protocol}/`
    const items: IrNavItem[] = pages
      .filter((p) => p.role === 'operations' && p.source.file.startsWith(prefix) && !listed.has(p.source.file))
      .map((p) => {
        const operations = operationsOf(p)
        const item: IrNavItem = { kind: 'nav-item', label: p.title ?? p.source.file, page: p.source.file, modes: [], marks: [], source: p.source }
        if (operations.length === 1) item.operation = operations[0]!.id
        return item
      })
    if (items.length === 0) continue
    groups.push({ kind: 'nav-group', label: `其他 API${protocol}`, protocol, items, unlisted: true, source: section.source })
  }
  return groups
}

/** `openapi` for `openapi/v3/x.md` and `openapi/index.md`. */
function folderOf(page: IrPage): string {
  return page.source.file.split('/')[0]!
}
