import { stringify } from 'yaml'
import type { IrNavEntry, IrNavSection } from '../../ir/types.js'
import type { DocsIndexEntry } from '../docs/docs-index.js'
import { markdownText } from '../docs/markdown-text.js'
import { generatedBy } from '../header.js'
import { entryLink, sectionOf, sectionText, sitePath } from './site-paths.js'
import { groupText, OTHERS } from './site-data.js'

/** Where a section's landing page goes: the address of its catalogue page, `docs/openapi/index.md`. */
export function sectionPagePath(name: string): string {
  return `docs/${name}/index.md`
}

/**
 * A section's landing page: the catalogue's title and description, then each business group as a heading with a
 * table of its rows (the entry, and whether it serves the direct and the partner mode, or a link for each), under
 * the catalogue's own headings; then the written pages no catalogue links. Entries whose page is not written are
 * shown unlinked, so the site has no dead links. `linked`: the pages any catalogue links.
 */
export function sectionPageText(name: string, section: IrNavSection | undefined, pages: readonly DocsIndexEntry[], linked: ReadonlySet<string>): string {
  const written = new Set(pages.map((page) => page.file))
  const title = section?.title ?? sectionText(name)
  const frontmatter = stringify({ title, description: section?.description ?? null })
  const parts = [`---\n${frontmatter}---`, `<!-- ${generatedBy(section?.source.file)} -->`, `# ${markdownText(title)}`]
  if (section?.description) parts.push(markdownText(section.description))
  let heading: string | null = null
  for (const group of section?.groups ?? []) {
    if (group.heading !== null && group.heading !== heading) parts.push(`## ${markdownText(group.heading)}`)
    heading = group.heading
    const level = heading === null ? '##' : '###'
    const rows = rowsOf(group.entries).map((row) => tableRow(row, written))
    parts.push(`${level} ${markdownText(groupText(group, section!))}`, ['| 接口 | 直连商户模式 | 合作伙伴模式 |', '| --- | :---: | :---: |', ...rows].join('\n'))
  }
  const others = pages.filter((page) => sectionOf(page.file) === name && !linked.has(page.file))
  if (others.length > 0) {
    parts.push(`## ${OTHERS}`, others.map((page) => `- [${cell(page.title)}](${sitePath(page.file)})`).join('\n'))
  }
  return `${parts.join('\n\n')}\n`
}

/** The entries of one catalogue row: a direct entry and the partner entry on its line are one row. */
function rowsOf(entries: readonly IrNavEntry[]): IrNavEntry[][] {
  const rows: IrNavEntry[][] = []
  for (const entry of entries) {
    const last = rows.at(-1)
    if (entry.mode === 'partner' && last?.length === 1 && last[0]!.mode === 'direct' && last[0]!.source.line === entry.source.line) last.push(entry)
    else rows.push([entry])
  }
  return rows
}

function tableRow(row: IrNavEntry[], written: ReadonlySet<string>): string {
  const [first, second] = row as [IrNavEntry, IrNavEntry | undefined]
  if (second) {
    const title = first.title === second.title ? label(first) : `${label(first)} / ${label(second)}`
    return `| ${title} | ${linked('直连', first, written)} | ${linked('服务商', second, written)} |`
  }
  const direct = first.mode !== 'partner' ? '✓' : ''
  const partner = first.mode !== 'direct' ? '✓' : ''
  return `| ${linked(label(first), first, written)} | ${direct} | ${partner} |`
}

/** The entry's text as the catalogue writes it (struck or not), with its emoji markers. */
function label(entry: IrNavEntry): string {
  const text = cell(entry.title)
  const struck = /^~~.*~~$/.test(entry.text) ? `~~${text}~~` : text
  return [struck, ...entry.markers.map((m) => `:${m}:`)].join(' ')
}

function linked(text: string, entry: IrNavEntry, written: ReadonlySet<string>): string {
  const link = entryLink(entry, written)
  return link === undefined ? text : `[${text}](${link})`
}

/** Text for a table cell or a link's text: inert, no `|` to split the cell, no bracket to end the link. */
function cell(text: string): string {
  return markdownText(text).replace(/[|[\]\\]/g, (c) => `\\${c}`)
}
