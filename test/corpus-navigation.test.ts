// The navigation over the corpus: every link of the two catalogue pages is an item of the navigation or a
// diagnostic at its place, decided here from the files themselves; every page of operations is reached; every
// redirect stub leads to a page of operations.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { emitSite } from '../generator/emit/site/site-pages.js'
import { buildNavigation, type NavProblem } from '../generator/ir/build-navigation.js'
import type { IrNavigation, IrOperation, IrPage } from '../generator/ir/types.js'
import { readDocs, type DocsResult } from '../generator/read-docs.js'
import { corpusDir, hasCorpus } from './helpers.js'

describe.skipIf(!hasCorpus)('navigation from the corpus catalogues', () => {
  let result: DocsResult
  let navigation: IrNavigation
  let problems: NavProblem[]
  const operationsOf = (page: IrPage): IrOperation[] => result.document.operations.filter((op) => op.source.file === page.source.file)
  beforeAll(() => {
    result = readDocs(corpusDir)
    ;({ navigation, problems } = buildNavigation(result.document.pages, (page) =>
      operationsOf(page).map((op) => ({ id: op.id, method: op.method, variants: op.kind === 'webhook' ? op.variants.map((v) => v.url.slice(1)) : [] })),
    ))
  })

  test('both catalogues are read: a section each, with the business groups of the table', () => {
    const catalogues = result.document.pages.filter((p) => p.catalogue)
    expect(catalogues.map((p) => p.source.file)).toEqual(['openapi/index.md', 'webhook/index.md'])
    expect(navigation.sections.map((s) => s.name)).toEqual(['openapi', 'webhook'])
    // Group labels counted from the text: a first cell with `rowspan`.
    const text = readFileSync(join(corpusDir, 'openapi/index.md'), 'utf8')
    const labels = [...text.matchAll(/^\|\s*([^|{]+?) \{data-protocol=(v2|v3) rowspan=\d+\}/gm)].map((m) => m[1]!.replace('<br/>', ' '))
    expect(catalogues[0]!.catalogue!.groups.map((g) => g.label)).toEqual(labels)
    expect(navigation.sections[0]!.groups.filter((g) => !g.unlisted).map((g) => g.label)).toEqual(labels)
    expect(result.diagnostics.filter((d) => d.ruleId === 'catalogue-row')).toEqual([])
  })

  test('every catalogue link is an item or a diagnostic, as the files decide', () => {
    const entries = result.document.pages.flatMap((p) => p.catalogue?.groups.flatMap((g) => g.entries) ?? [])
    const links = readFileSync(join(corpusDir, 'openapi/index.md'), 'utf8').match(/\]\(\/openapi\//g)!.length + readFileSync(join(corpusDir, 'webhook/index.md'), 'utf8').match(/\]\(\/webhook\//g)!.length
    expect(entries).toHaveLength(links)
    const items = new Set(navigation.sections.flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => `${i.source.file}:${i.source.line}:${i.source.column}`))))
    const reported = new Map(problems.map((p) => [`${p.file}:${p.place.line}:${p.place.column}`, p.ruleId]))
    let missing = 0
    for (const entry of entries) {
      const at = `${entry.source.file}:${entry.source.line}:${entry.source.column}`
      const file = join(corpusDir, entry.page!)
      const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
      const moved = /^title: Moved to /m.test(text)
      // The anchor names a method heading or a variant footnote of the page.
      const anchored = entry.anchor === undefined || new RegExp(`\\{#${entry.anchor}\\}\\s*$`, 'm').test(text)
      if (text && !moved && anchored) {
        expect(items.has(at), at).toBe(true)
        expect(reported.has(at), at).toBe(false)
      } else if (moved) {
        expect(reported.get(at), at).toBe('catalogue-link-moved')
        expect(items.has(at), at).toBe(true)
      } else {
        missing++
        expect(reported.get(at), at).toBe('catalogue-link-unknown')
        expect(items.has(at), at).toBe(false)
      }
    }
    // The corpus keeps about one page in ten aside: its catalogue links are the unknown ones.
    expect(problems.filter((p) => p.ruleId === 'catalogue-link-unknown')).toHaveLength(missing)
    console.log(`catalogue links: ${entries.length}, ${missing} to pages not in the corpus`)
  })

  test('every page of operations is reached, once from its section', () => {
    const reached = new Set(navigation.sections.flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => i.page))))
    const pages = result.document.pages.filter((p) => p.role === 'operations').map((p) => p.source.file)
    expect(pages.filter((p) => !reached.has(p))).toEqual([])
    for (const section of navigation.sections) {
      const unlisted = section.groups.filter((g) => g.unlisted).flatMap((g) => g.items.map((i) => i.page))
      expect(new Set(unlisted).size).toBe(unlisted.length)
    }
  })

  test('every redirect stub leads to a page of operations, and gets a page at its old address', () => {
    const stubs = result.document.pages.filter((p) => p.role === 'redirect')
    expect(stubs.length).toBeGreaterThan(0)
    expect(navigation.redirects.map((r) => r.from)).toEqual(stubs.map((p) => p.source.file))
    for (const redirect of navigation.redirects) expect(existsSync(join(corpusDir, redirect.to)), redirect.to).toBe(true)
    const outputs = emitSite(navigation, (page) => page, 'corpus')
    for (const redirect of navigation.redirects) expect(outputs.get(`docs/${redirect.from}`)).toContain('http-equiv: refresh')
    // The site's sidebars link each reached page.
    const sidebar = JSON.parse(outputs.get('docs/site.json')!) as { sidebar: Record<string, Array<{ items: Array<{ link: string }> }>> }
    const linked = new Set(Object.values(sidebar.sidebar).flatMap((groups) => groups.flatMap((g) => g.items.map((i) => i.link.replace(/#.*/, '')))))
    const missing = result.document.pages.filter((p) => p.role === 'operations').filter((p) => !linked.has(`/${p.source.file.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '')}`))
    expect(missing.map((p) => p.source.file)).toEqual([])
  })
})
