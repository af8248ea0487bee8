// Which docs folders a page-by-page rebuild cannot follow: a page whose output may depend on another file, a symbolic
// link, or a file besides the pages and site.json. Generated docs have none.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { siteInputs, sitePages } from '../../site/site-manifest.js'
import { siteSettings } from '../../site/site-settings.js'

const work = mkdtempSync(join(tmpdir(), 'wechatpay-site-manifest-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function entangled(files: Record<string, string>): string | undefined {
  const docs = mkdtempSync(join(work, 'docs-'))
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(docs, file)), { recursive: true })
    writeFileSync(join(docs, file), text)
  }
  return siteInputs(siteSettings({ SITE_DOCS: docs }), sitePages(docs), new Map()).entangled
}

describe('pages tied to other files', () => {
  // Broad on purpose: a page tied to a file it does not name this way would leave a stale site.
  test.each([
    ['<!--@include: ./parts/a.md-->', true],
    ['<!-- @include: ./parts/a.md{3,} -->', true],
    ['<<< ./snippet.js', true],
    ['   <<< @/snippets/a.ts{2}', true],
    ['> <<< ./webhook/index.md', true],
    ['- <<< ../outside.ts', true],
    ['| `a <<< b` | string | shift |', true],
    ['<script setup>\nimport A from "./A.vue"\n</script>', true],
    ['<style>.a { color: red }</style>', true],
    ['![chart](./chart.png)', true],
    ['![chart](https://example.com/chart.png)', true],
    ['![chart][r]\n\n[r]: ../../chart.png', true],
    ['<img src="./chart.png">', true],
    ['<img alt="a>b" src=chart.png>', true],
    ['<video src="../../clip.mp4"></video>', true],
    ['<picture><source srcset="a.webp"></picture>', true],
    ['# 分账回退 {#post}\n\n| mch_id | string | 商户号 |', false],
    ['[请求分账](./orders.md) and [官方文档](https://pay.weixin.qq.com/doc/v3/partner/4012526944)', false],
  ])('%s: %s', (text, tied) => expect(entangled({ 'a.md': 'ok', 'b.md': text })).toBe(tied ? 'b.md' : undefined))

  test('a file besides the pages and site.json', () => {
    expect(entangled({ 'a.md': 'ok', 'site.json': '{}' })).toBeUndefined()
    expect(entangled({ 'a.md': 'ok', 'site.json': '{}', 'public/robots.txt': 'User-agent: *' })).toBe('public/robots.txt')
    expect(entangled({ 'a.md': 'ok', 'webhook/pic.png': 'png' })).toBe('webhook/pic.png')
    // A git work tree's own files are not VitePress's.
    expect(entangled({ 'a.md': 'ok', '.git/COMMIT_EDITMSG': 'docs' })).toBeUndefined()
  })

  test('a symbolic link: a page or folder VitePress follows where the listing does not', () => {
    const outside = mkdtempSync(join(work, 'outside-'))
    writeFileSync(join(outside, 'ext.md'), '# Ext')
    const docs = mkdtempSync(join(work, 'docs-'))
    writeFileSync(join(docs, 'a.md'), 'ok')
    symlinkSync(join(outside, 'ext.md'), join(docs, 'ext.md'))
    expect(siteInputs(siteSettings({ SITE_DOCS: docs }), sitePages(docs), new Map()).entangled).toBe('ext.md')
    rmSync(join(docs, 'ext.md'))
    symlinkSync(outside, join(docs, 'linked'))
    expect(siteInputs(siteSettings({ SITE_DOCS: docs }), sitePages(docs), new Map()).entangled).toBe('linked')
  })
})

describe("the site's fingerprint", () => {
  test('an ordinary page edit keeps it; a page no longer tied to a file changes it, so that build is whole too', () => {
    const docs = mkdtempSync(join(work, 'docs-'))
    const settings = siteSettings({ SITE_DOCS: docs })
    const inputs = () => siteInputs(settings, sitePages(docs), new Map())
    writeFileSync(join(docs, 'a.md'), '| mch_id | string | 商户号 |')
    writeFileSync(join(docs, 'b.md'), '![chart](./chart.png)')
    writeFileSync(join(docs, 'chart.png'), 'png')
    const tied = inputs()
    writeFileSync(join(docs, 'a.md'), '| mch_id | string | 商户号（已核对） |')
    const edited = inputs()
    expect(edited.site).toBe(tied.site)
    expect(edited.pages['a.md']).not.toBe(tied.pages['a.md'])
    writeFileSync(join(docs, 'b.md'), 'no chart')
    rmSync(join(docs, 'chart.png'))
    const untied = inputs()
    expect(untied.entangled).toBeUndefined()
    expect(untied.site).not.toBe(tied.site)
  })
})
