import type { Nodes, Root, TableCell } from 'mdast'
import type { VFile } from 'vfile'
import { report, type Place } from '../diagnostics/report.js'
import type { HttpMethod, IrLink, IrNotice } from '../ir/types.js'
import type { PageModel, SectionModel, TableModel } from './page-model.js'
import { finishPage } from './finish-page.js'
import { readFrontmatter, type Frontmatter } from './read-frontmatter.js'
import { linksOf, plainText } from './plain-text.js'
import { readExample } from './read-example.js'
import { parameterTableKind, readTable } from './read-table.js'

const METHODS = new Set<string>(['get', 'post', 'put', 'patch', 'delete'])
const HEADING = /^#{1,6}\s+(.*?)\s*(?:\{#([^}\s]+)\})?\s*$/

type Container = { kind: 'code-group'; fragment: boolean; place: Place } | { kind: 'tip'; place: Place } | { kind: 'notice'; notice: IrNotice; place: Place }

/**
 * Reads one parsed page into its sections (`descriptions`: the description cells of table rows, by line); every
 * problem becomes a message on `file`, nothing throws.
 */
export function readPage(file: VFile, tree: Root, descriptions: Map<number, TableCell[]>, source: string, path: string): PageModel {
  const lines = source.split('\n')
  const page: PageModel = { path, role: 'operations', title: null, sections: [], variants: [] }
  let frontmatter: Frontmatter = {}
  let section: SectionModel | undefined
  let pendingTable: TableModel | undefined
  let pendingNotices: IrNotice[] = []
  let catalogue = false
  let tipClosed = false
  let linksFollow = false
  const containers: Container[] = []
  const placeOf = (node: Nodes): Place => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 })

  const notices = (): IrNotice[] => section?.notices ?? pendingNotices
  const bindTable = (binding: 'request' | 'response' | undefined, place: Place): void => {
    if (!pendingTable) return
    const byHeader = pendingTable.kind === '请求参数' ? 'request' : 'response'
    if (binding === undefined) {
      report(file, 'table-unbound', `Unexpected \`${pendingTable.kind}\` table without \`{.im-table #${byHeader}}\`, expected the line after one blank line`, pendingTable.place)
    } else if (binding !== byHeader) {
      report(file, 'table-binding-mismatch', `Unexpected \`{.im-table #${binding}}\` after a \`${pendingTable.kind}\` table, expected \`#${byHeader}\``, place)
    }
    if (section) {
      if (section[byHeader]) report(file, 'table-binding-mismatch', `Unexpected second ${byHeader} table for \`${section.method}\``, pendingTable.place)
      else section[byHeader] = pendingTable
    }
    pendingTable = undefined
  }
  const closeContainer = (): void => {
    const top = containers.pop()
    if (top?.kind === 'notice') notices().push(top.notice)
    tipClosed = top?.kind === 'tip'
  }
  const openNotice = (): IrNotice | undefined => {
    for (let i = containers.length - 1; i >= 0; i--) {
      const c = containers[i]!
      if (c.kind === 'notice') return c.notice
    }
    return undefined
  }

  for (const node of tree.children) {
    const place = placeOf(node)
    switch (node.type) {
      case 'yaml': {
        frontmatter = readFrontmatter(file, node, place)
        page.title = typeof frontmatter.title === 'string' ? frontmatter.title : null
        break
      }
      case 'heading': {
        const m = HEADING.exec(lines[place.line - 1] ?? '')
        const text = m?.[1] ?? plainText(node)
        const anchor = m?.[2]?.toLowerCase()
        if (anchor === 'mix') {
          page.title = text
          break
        }
        if (anchor === undefined || !METHODS.has(anchor)) {
          report(file, 'heading-without-method', `Unexpected heading \`${text}\`${anchor ? ` with anchor \`#${anchor}\`` : ''}, expected \`{#get|post|put|patch|delete}\``, place)
          break
        }
        bindTable(undefined, place)
        while (containers.length > 0) closeContainer()
        if (page.sections.some((s) => s.method === anchor)) {
          report(file, 'duplicate-method', `Unexpected second \`{#${anchor}}\` heading, expected each method once per page`, place)
        }
        const title = /^\{\{\s*\$frontmatter\.title\s*\}\}$/.test(text) ? (page.title ?? '') : text
        section = { method: anchor as HttpMethod, title, description: null, place, links: [], notices: pendingNotices, request: null, response: null, examples: [] }
        pendingNotices = []
        page.sections.push(section)
        break
      }
      case 'paragraph': {
        const textLines = plainText(node).split('\n')
        const links = linksOf(node)
        for (let i = 0; place.line + i <= (node.position?.end.line ?? place.line); i++) {
          const line = place.line + i
          const raw = (lines[line - 1] ?? '').trim()
          const linePlace = { line, column: 1 }
          const lineLinks = links.filter((l) => l.line === line).map((l) => l.link)
          if (/^:::\s*$/.test(raw)) closeContainer()
          else if (/^:::\s*code-group\b/.test(raw)) {
            containers.push({ kind: 'code-group', fragment: tipClosed, place: linePlace })
            tipClosed = false
          } else if (/^:::\s*tip\b/.test(raw)) containers.push({ kind: 'tip', place: linePlace })
          else if (/^:::\s*\w+/.test(raw)) {
            const status = /\{\.im-([\w-]+)\}/.exec(raw)?.[1] ?? /^:::\s*(\w+)/.exec(raw)![1]!
            containers.push({ kind: 'notice', notice: { kind: 'notice', status, text: '', links: [], source: { file: path, ...linePlace } }, place: linePlace })
          } else if (/^\{\.im-table\s+#(request|response)\s*\}$/.test(raw)) {
            bindTable(/#(request|response)/.exec(raw)![1] as 'request' | 'response', linePlace)
          } else if (/^\{\.im-table\b/.test(raw)) catalogue = true
          else if (/^\{\{\s*\$frontmatter\.description\s*\}\}/.test(raw)) {
            if (section) section.description = typeof frontmatter.description === 'string' ? frontmatter.description : null
          } else if (/^参阅/.test(raw)) {
            if (section) section.links.push(...lineLinks)
            linksFollow = lineLinks.length === 0
          } else {
            const text = (textLines.length === (node.position?.end.line ?? 0) - place.line + 1 ? textLines[i] : raw) ?? raw
            const notice = openNotice()
            if (notice) {
              notice.text = notice.text ? `${notice.text}\n${text}` : text
              notice.links.push(...lineLinks)
            } else if (section && !section.request && !pendingTable && section.description === null && text.trim() !== '') {
              section.description = text.trim()
            }
          }
        }
        break
      }
      case 'table': {
        const header = lines[place.line - 1] ?? ''
        const kind = parameterTableKind(header)
        if (!kind) {
          catalogue = true
          break
        }
        const open = containers.findIndex((c) => c.kind === 'code-group')
        if (open >= 0) {
          report(file, 'unclosed-container', 'Unexpected table inside an open `::: code-group`, expected `:::` to close it first', containers[open]!.place)
          containers.length = open
        }
        bindTable(undefined, place)
        const end = node.position?.end.line ?? place.line
        pendingTable = readTable(file, lines.slice(place.line - 1, end), place.line, kind, descriptions)
        break
      }
      case 'code': {
        if (!section) break
        const label = /^\[(.*)\]$/.exec(node.meta?.trim() ?? '')?.[1] ?? node.meta ?? ''
        const group = containers.findLast((c) => c.kind === 'code-group')
        const fragment = group?.kind === 'code-group' && group.fragment
        // The code starts on the line after the opening fence.
        section.examples.push(readExample(file, label, node.value, place, fragment, node.lang ?? ''))
        break
      }
      case 'list': {
        const notice = openNotice()
        if (notice) {
          notice.text = [notice.text, plainText(node)].filter(Boolean).join('\n')
          notice.links.push(...linksOf(node).map((l) => l.link))
        } else if (linksFollow && section) {
          section.links.push(...linksOf(node).map((l) => l.link))
        } else {
          for (const item of node.children) {
            const raw = lines[(item.position?.start.line ?? 1) - 1] ?? ''
            const anchor = /\{#([A-Z_]+)\}\s*$/.exec(raw)
            if (anchor) page.variants.push({ kind: 'link', label: plainText(item).replace(/\s*\{#[A-Z_]+\}\s*$/, '').trim(), url: `#${anchor[1]}` })
          }
        }
        linksFollow = false
        break
      }
      case 'blockquote': {
        const text = blockText(node).trim()
        const status = /^\[!(\w+)\]/.exec(text)?.[1]?.toLowerCase() ?? 'quote'
        notices().push({ kind: 'notice', status, text: text.replace(/^\[!\w+\]\s*/, ''), links: linksOf(node).map((l) => l.link), source: { file: path, ...place } })
        break
      }
      default:
        break
    }
  }
  bindTable(undefined, { line: lines.length, column: 1 })
  for (const c of containers) {
    if (c.kind !== 'tip') report(file, 'unclosed-container', `Unexpected end of page inside \`:::\` ${c.kind}, expected \`:::\``, c.place)
  }
  finishPage(file, page, frontmatter, catalogue)
  return page
}

/** Plain text of a block container: a line per paragraph, and `- item` per list item, so a notice keeps its list. */
function blockText(node: Nodes): string {
  if (!('children' in node)) return plainText(node)
  return (node.children as Nodes[])
    .map((child) => (child.type === 'list' ? child.children.map((item) => `- ${blockText(item).replace(/\n/g, ' ')}`).join('\n') : child.type === 'paragraph' || child.type === 'heading' ? plainText(child) : blockText(child)))
    .filter((text) => text.trim() !== '')
    .join('\n')
}
