// The merge of a partial site build, on small made-up sites: what it writes when the partial build agrees with the
// site, and that it refuses, writing nothing, when any shared file differs or the hash map is not VitePress's form.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { mergePartialBuild } from '../../site/merge-partial-build.js'
import { chunkKey } from '../../site/plan-site-build.js'

const work = mkdtempSync(join(tmpdir(), 'wechatpay-merge-site-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const SITE_DATA = 'window.__VP_SITE_DATA__=JSON.parse("{}");'
const metadata = (map: Record<string, string>) => `window.__VP_HASH_MAP__=JSON.parse(${JSON.stringify(JSON.stringify(map))});${SITE_DATA}`
const metadataName = (text: string) => `metadata.${createHash('sha256').update(text).digest('hex').slice(0, 8)}.js`
const html = (meta: string, body: string) => `<script src="/assets/chunks/${meta}"></script>${body}`

function folder(name: string, files: Record<string, string>): string {
  const root = join(work, name)
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), text)
  }
  return root
}

function tree(root: string): Record<string, string> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  return Object.fromEntries(files.map((e) => [relative(root, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]).sort())
}

const siteMap = { 'a.md': 'AAAA1111', 'b.md': 'BBBB1111' }
const siteMeta = metadata(siteMap)
const builtMap = { 'a.md': 'AAAA2222', 'b.md': 'BBBB1111' }
const builtMeta = metadata(builtMap)

/** A site of pages a and b, and a partial build in which page a changed, in folders named `name`. */
function sites(name: string) {
  const site = folder(`site-${name}`, {
    'hashmap.json': `${JSON.stringify(siteMap)}\n`,
    [`assets/chunks/${metadataName(siteMeta)}`]: siteMeta,
    'assets/chunks/framework.F1.js': 'framework',
    'assets/a.md.AAAA1111.js': 'a old',
    'assets/a.md.AAAA1111.lean.js': 'a old lean',
    'assets/b.md.BBBB1111.js': 'b',
    'assets/b.md.BBBB1111.lean.js': 'b lean',
    'a.html': html(metadataName(siteMeta), 'a old'),
    'b.html': html(metadataName(siteMeta), 'b'),
    'code/0123.html': 'fragment',
  })
  const partial = folder(`partial-${name}`, {
    'hashmap.json': `${JSON.stringify(builtMap)}\n`,
    [`assets/chunks/${metadataName(builtMeta)}`]: builtMeta,
    'assets/chunks/framework.F1.js': 'framework',
    'assets/a.md.AAAA2222.js': 'a new',
    'assets/a.md.AAAA2222.lean.js': 'a new lean',
    'assets/b.md.BBBB1111.js': 'b',
    'assets/b.md.BBBB1111.lean.js': 'b lean',
    'a.html': html(metadataName(builtMeta), 'a new'),
    'b.html': html(metadataName(builtMeta), 'b'),
  })
  return { site, partial }
}

describe('merging a partial site build', () => {
  test('writes the changed page, renames the hash map chunk everywhere, and removes the old chunks', () => {
    const { site, partial } = sites('agreeing')
    expect(mergePartialBuild(partial, site, ['a.md'])).toEqual({ ok: true, files: 6 })
    const merged = metadata({ 'a.md': 'AAAA2222', 'b.md': 'BBBB1111' })
    expect(tree(site)).toEqual({
      'a.html': html(metadataName(merged), 'a new'),
      'assets/a.md.AAAA2222.js': 'a new',
      'assets/a.md.AAAA2222.lean.js': 'a new lean',
      'assets/b.md.BBBB1111.js': 'b',
      'assets/b.md.BBBB1111.lean.js': 'b lean',
      'assets/chunks/framework.F1.js': 'framework',
      [`assets/chunks/${metadataName(merged)}`]: merged,
      'b.html': html(metadataName(merged), 'b'),
      'code/0123.html': 'fragment',
      'hashmap.json': `${JSON.stringify({ 'a.md': 'AAAA2222', 'b.md': 'BBBB1111' })}\n`,
    })
  })

  test.each([
    ['a shared chunk differs', (p: string) => writeFileSync(join(p, 'assets/chunks/framework.F1.js'), 'other'), 'assets/chunks/framework.F1.js differs'],
    ['an unchanged page renders differently', (p: string) => writeFileSync(join(p, 'b.html'), 'other'), 'b.html differs'],
    ['a new shared chunk', (p: string) => writeFileSync(join(p, 'assets/chunks/theme.T1.js'), 'theme'), 'assets/chunks/theme.T1.js differs'],
    ['a hash map of another form', (p: string) => writeFileSync(join(p, `assets/chunks/${metadataName(builtMeta)}`), `window.__VP_HASH_MAP__={};${SITE_DATA}`), 'unknown form'],
    ['other site data', (p: string) => writeFileSync(join(p, `assets/chunks/${metadataName(builtMeta)}`), builtMeta.replace('{}', '{\\"lang\\":\\"en\\"}')), "site's data differs"],
    ['a malformed hashmap.json', (p: string) => writeFileSync(join(p, 'hashmap.json'), '{"a.md": 1}'), 'malformed'],
    ['the site has an asset the partial build did not make', (p: string) => writeFileSync(join(dirname(p), `site-${basename(p).slice('partial-'.length)}`, 'assets/clip.C1.mp4'), 'mp4'), 'assets/clip.C1.mp4 would be left over'],
  ])('refuses, writing nothing, when %s', (name, spoil, reason) => {
    const { site, partial } = sites(name.replaceAll(' ', '-'))
    spoil(partial)
    const before = tree(site)
    const result = mergePartialBuild(partial, site, ['a.md'])
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.reason).toContain(reason)
    expect(tree(site)).toEqual(before)
  })
})

describe("a page's key in VitePress's hash map", () => {
  test.each([
    ['index.md', 'index.md'],
    ['openapi/v3/refund/domestic/refunds/{out_refund_no}.md', 'openapi_v3_refund_domestic_refunds__out_refund_no_.md'],
    ['webhook/v3/MCHWITHDRAW.CHANGE.md', 'webhook_v3_mchwithdraw.change.md'],
    ['_draft.md', 'draft.md'],
  ])('%s → %s', (page, key) => expect(chunkKey(page)).toBe(key))
})
