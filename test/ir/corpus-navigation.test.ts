// The corpus's catalogue pages as navigation: every link is an operation's page, or a diagnostic. The figures are
// counted here from the catalogue text and the corpus files, independently of the generator, never written down.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import type { DocsIndexEntry } from '../../generator/emit/docs/docs-index.js'
import { emitSite, SITE_DATA } from '../../generator/emit/site/emit-site.js'
import type { SiteData } from '../../generator/emit/site/site-data.js'
import type { IrNavigation } from '../../generator/ir/types.js'
import { listPages } from '../../generator/run/list-pages.js'
import { readDocs, type DocsResult } from '../../generator/run/read-docs.js'
import { corpusDir, hasCorpus, testCacheDir } from '../helpers.js'

const CATALOGUES = ['openapi/index.md', 'webhook/index.md']

/** A catalogue link as the text has it, and what the corpus files say of it. */
interface CountedLink {
  catalogue: string
  line: number
  target: string
  /** The page file it names, followed through `Moved to` stubs. */
  file: string
  moved: boolean
  known: boolean
}

/** Every `](/…)` link of a catalogue's table rows, checked against the files of the corpus. */
function countLinks(catalogue: string): CountedLink[] {
  const lines = readFileSync(join(corpusDir, catalogue), 'utf8').split('\n')
  const links: CountedLink[] = []
  lines.forEach((text, i) => {
    if (!text.startsWith('|')) return
    for (const m of text.matchAll(/\]\((\/[^)\s]+)\)/g)) {
      const target = m[1]!
      const [path, anchor] = target.split('#') as [string, string | undefined]
      let file = `${decodeURIComponent(path).slice(1).replace(/\/$/, '/index')}.md`
      let moved = false
      let source = existsSync(join(corpusDir, file)) ? readFileSync(join(corpusDir, file), 'utf8') : undefined
      const stub = source && /^title: Moved to .*\n[\s\S]*url=(\S+)/m.exec(source)
      if (stub) {
        moved = true
        file = `${stub[1]!.slice(1)}.md`
        source = existsSync(join(corpusDir, file)) ? readFileSync(join(corpusDir, file), 'utf8') : undefined
      }
      const method = anchor && /^(get|post|put|patch|delete)$/.test(anchor) ? anchor : undefined
      const known = source !== undefined && (method === undefined || source.includes(`{#${method}}`))
      links.push({ catalogue, line: i + 1, target, file, moved, known })
    }
  })
  return links
}

describe.skipIf(!hasCorpus)('navigation of the corpus catalogues (../shared/corpus)', () => {
  let result: DocsResult
  let navigation: IrNavigation
  let links: CountedLink[]
  let stubs: string[]
  beforeAll(async () => {
    result = await readDocs(corpusDir, { cwd: join(corpusDir, '..'), cacheDir: testCacheDir })
    navigation = result.document.navigation!
    links = CATALOGUES.flatMap(countLinks)
    stubs = listPages(corpusDir).filter((p) => /^title: Moved to /m.test(readFileSync(join(corpusDir, p), 'utf8')))
  })
  const rule = (id: string) => result.diagnostics.filter((d) => d.ruleId === id)

  test('every catalogue link is an entry, and links to an operation page or is a diagnostic', () => {
    const entries = navigation.sections.flatMap((s) => s.groups.flatMap((g) => g.entries))
    const unknown = links.filter((l) => !l.known)
    const moved = links.filter((l) => l.moved)
    console.log(
      `catalogues: ${links.length} links in ${navigation.sections.flatMap((s) => s.groups).length} groups; ${unknown.length} to no page of the corpus, ${moved.length} to a moved page; ${stubs.length} redirect stubs`,
    )
    expect(entries).toHaveLength(links.length)
    expect(rule('catalogue-row')).toEqual([])
    expect(rule('catalogue-rowspan')).toEqual([])
    // Each unknown link is reported where it is written; each known one resolves to an operation of its page.
    const at = (d: { file: string; line: number }) => `${d.file.replace(/^corpus\//, '')}:${d.line}`
    expect(rule('catalogue-link-unknown').map(at).sort()).toEqual(unknown.map((l) => `${l.catalogue}:${l.line}`).sort())
    expect(rule('catalogue-link-moved').map(at).sort()).toEqual(moved.map((l) => `${l.catalogue}:${l.line}`).sort())
    const operations = new Set(result.document.operations.map((op) => op.id))
    for (const entry of entries) {
      if (entry.target.kind !== 'nav-page') continue
      expect(entry.target.operations.length, entry.link).toBeGreaterThan(0)
      for (const id of entry.target.operations) expect(operations.has(id), `${entry.link} → ${id}`).toBe(true)
    }
    expect(entries.filter((e) => e.target.kind === 'nav-page').length).toBe(links.length - unknown.length)
  })

  test('groups carry a protocol, and the modes of the rows', () => {
    const groups = navigation.sections.flatMap((s) => s.groups)
    expect(groups.filter((g) => g.protocol === null)).toEqual([])
    const modes = new Set(groups.flatMap((g) => g.entries.map((e) => e.mode)))
    expect([...modes].sort()).toEqual(['both', 'direct', 'partner'])
    expect(navigation.sections.map((s) => s.name)).toEqual(['openapi', 'webhook'])
  })

  test('every redirect stub is a redirect to an existing page, or a diagnostic', () => {
    expect(navigation.redirects.map((r) => r.from).sort()).toEqual([...stubs].sort())
    const missing = navigation.redirects.filter((r) => r.target === null).map((r) => r.from)
    expect(rule('redirect-target-unknown').map((d) => d.file.replace(/^corpus\//, '')).sort()).toEqual(missing.sort())
    for (const r of navigation.redirects) if (r.target !== null) expect(existsSync(join(corpusDir, r.target)), r.target).toBe(true)
    console.log(`redirects: ${navigation.redirects.length} stubs, ${missing.length} to no page`)
  })

  test('site.json: every written page is reachable from the sidebar, links and redirects lead to written pages', () => {
    // The docs target writes a page per page with operations: the same list, from the IR.
    const pages: DocsIndexEntry[] = result.document.pages.filter((p) => p.role === 'operations' && p.operations.length > 0).map((p) => ({ file: p.source.file, title: p.title ?? p.source.file, operations: p.operations }))
    const files = new Map(emitSite(navigation, pages))
    const data = JSON.parse(files.get(SITE_DATA)!) as SiteData & { $comment: string }
    expect(Object.keys(data).sort()).toEqual(['$comment', 'nav', 'redirects', 'sidebar'])
    expect(data.nav).toEqual([
      { text: '开放接口', link: '/openapi/' },
      { text: '回调通知', link: '/webhook/' },
    ])
    const addresses = new Set(pages.map((p) => `/${p.file.replace(/\.md$/, '').replace(/\/index$/, '/')}`))
    const items = Object.values(data.sidebar).flatMap((groups) => groups.flatMap((g) => g.items))
    for (const groups of Object.values(data.sidebar)) for (const g of groups) expect(g).toMatchObject({ collapsed: true })
    for (const item of items) expect(addresses.has(item.link.split('#')[0]!), item.link).toBe(true)
    const reached = new Set(items.map((i) => i.link.split('#')[0]!))
    expect([...addresses].filter((a) => !reached.has(a))).toEqual([])
    const others = Object.values(data.sidebar).flatMap((groups) => groups.filter((g) => g.text === '其他').flatMap((g) => g.items))
    console.log(`site: ${pages.length} pages, ${items.length} sidebar links, ${others.length} pages in no catalogue (其他), ${data.redirects.length} redirects`)
    for (const r of data.redirects) expect(addresses.has(r.to), r.to).toBe(true)
    expect(data.redirects).toHaveLength(navigation.redirects.filter((r) => r.target !== null).length)
    // v2 and v3 both have groups named 分账: the sidebar tells them apart.
    expect(data.sidebar['/openapi/']!.map((g) => g.text)).toEqual(expect.arrayContaining(['分账 (v2)', '分账 (v3)']))
    // A redirect page per redirect, at the old address, refreshing to the new page.
    for (const r of data.redirects) {
      const page = files.get(`docs${r.from}.md`)!
      expect(page, r.from).toMatch(/http-equiv: refresh\n\s+content: 0; url=\S+\.html/)
      expect(page).toContain(`](${r.to})`)
    }
  })
})
