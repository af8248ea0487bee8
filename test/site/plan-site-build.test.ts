// What a site build does, given what the last one recorded and the site folder it left: nothing, the changed pages
// with the cover pages for the shared chunks, or a full build with its reason.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { planSiteBuild } from '../../site/plan-site-build.js'
import { folderDigest, type SiteInputs, type SiteManifest } from '../../site/site-manifest.js'

const work = mkdtempSync(join(tmpdir(), 'wechatpay-plan-site-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

// Eight pages; their chunks import from the framework chunk: a, b and c import `_` and `o`, d imports `_` and `x`,
// the others `_` alone. Covering every name takes two pages: one of a/b/c, and d.
const pages = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md', 'g.md', 'h.md']
const imports: Record<string, string> = { 'a.md': '_ as a,o as b', 'b.md': '_ as c,o', 'c.md': 'o,_', 'd.md': 'x as y,_' }
const hashmap = JSON.stringify(Object.fromEntries(pages.map((page) => [page, 'H1'])))
const out = join(work, 'site')
for (const [file, text] of Object.entries({
  'hashmap.json': hashmap,
  ...Object.fromEntries(pages.map((page) => [page.replace('.md', '.html'), '<html>'])),
  ...Object.fromEntries(pages.map((page) => [`assets/${page}.H1.js`, `import{${imports[page] ?? '_'}}from"./chunks/framework.F1.js";export default 1`])),
})) {
  mkdirSync(dirname(join(out, file)), { recursive: true })
  writeFileSync(join(out, file), text)
}

const fingerprints = (changed: string[]) => Object.fromEntries(pages.map((page) => [page, changed.includes(page) ? 'new' : 'old']))
const manifest: SiteManifest = { version: 2, site: 'S', pages: fingerprints([]), files: folderDigest(out) }
const inputs = (changed: string[], more: Partial<SiteInputs> = {}): SiteInputs => ({ site: 'S', pages: fingerprints(changed), ...more })

describe('planning a site build', () => {
  test.each([
    ['no page changed', inputs([]), manifest, { kind: 'none' }],
    ['one page changed', inputs(['e.md']), manifest, { kind: 'pages', changed: ['e.md'], cover: ['a.md', 'd.md'] }],
    ['a page of the cover changed', inputs(['a.md', 'd.md']), manifest, { kind: 'pages', changed: ['a.md', 'd.md'], cover: ['b.md'] }],
    ['no manifest', inputs(['e.md']), undefined, { kind: 'full', reason: 'no earlier build is recorded' }],
    ['the site changed', inputs(['e.md'], { site: 'T' }), manifest, { kind: 'full', reason: "the site's code, settings, navigation, page list or files tied to pages changed" }],
    ['a page tied to other files', inputs([], { entangled: 'g.md' }), manifest, { kind: 'full', reason: 'g.md ties pages to other files (includes, snippets, scripts, images, assets), which only a full build follows' }],
    ['another site folder', inputs(['e.md']), { ...manifest, files: folderDigest(work) }, { kind: 'full', reason: `files in ${out} changed since the last build` }],
    ['no site folder', inputs(['e.md']), manifest, { kind: 'full', reason: `files in ${join(work, 'gone')} changed since the last build` }, join(work, 'gone')],
    ['three of eight pages changed', inputs(['a.md', 'b.md', 'c.md']), manifest, { kind: 'full', reason: '3 of 8 pages changed' }],
  ])('%s', (_, given, last, want, folder = out) => expect(planSiteBuild(folder, given, last)).toEqual(want))

  test('a file of the site folder changed, added or removed, or a page its hash map lacks: a full build', () => {
    const changed = { kind: 'full', reason: `files in ${out} changed since the last build` }
    writeFileSync(join(out, 'h.html'), '<html>.')
    expect(planSiteBuild(out, inputs(['e.md']), manifest)).toEqual(changed)
    writeFileSync(join(out, 'h.html'), '<html>')
    utimesSync(join(out, 'h.html'), 1, 1)
    expect(planSiteBuild(out, inputs(['e.md']), manifest)).toEqual(changed)
    const now = { ...manifest, files: folderDigest(out) }
    writeFileSync(join(out, 'stray.txt'), '')
    expect(planSiteBuild(out, inputs(['e.md']), now)).toEqual(changed)
    rmSync(join(out, 'stray.txt'))
    rmSync(join(out, 'assets/h.md.H1.js'))
    expect(planSiteBuild(out, inputs(['e.md']), now)).toEqual(changed)
    const more = { ...inputs(['e.md']), pages: { ...fingerprints(['e.md']), 'i.md': 'old' } }
    expect(planSiteBuild(out, more, { ...manifest, files: folderDigest(out) })).toEqual({ kind: 'full', reason: `${out}/hashmap.json does not list every page` })
  })
})
