// The docs site over generated/docs: VitePress with twoslash builds it, and in headless Chromium (Debian's, driven by
// playwright-core) the seed page shows the twoslash hover for the verb, typed by the generated declarations.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { projectDir } from '../helpers.js'
import { lastUpdatedTimes } from '../../site/last-updated.js'
import { buildSite, needsChromium, serveSite, type SiteServer } from './site-harness.js'

const out = mkdtempSync(join(tmpdir(), 'wechatpay-site-'))
let site: SiteServer

describe.skipIf(!needsChromium())('docs site over generated/docs', () => {
  beforeAll(async () => {
    buildSite(join(projectDir, 'generated/docs'), out)
    site = await serveSite(out)
  })

  afterAll(async () => {
    await site?.close()
    rmSync(out, { recursive: true, force: true })
  })

  test('the seed page shows the twoslash hover of the verb', async () => {
    const page = await site.browser.newPage()
    const response = await page.goto(`${site.origin}/openapi/v2/secapi/pay/profitsharingreturn.html`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    const verb = page.locator('.vp-doc .twoslash-highlighted .twoslash-hover').first()
    await verb.hover()
    const popup = page.locator('.twoslash-floating-popup')
    await popup.waitFor({ state: 'visible', timeout: 15_000 })
    const text = await popup.innerText()
    expect(text).toContain('Profitsharingreturn.post(data: WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod.XmlDataRequest')
    expect(text).toContain('AxiosPromise<WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod.WellformedResponse>')
    // The JSDoc is rendered as Markdown: the official page is a link, the @param's code a code element.
    const official = popup.locator('a[href="https://pay.weixin.qq.com/wiki/doc/api/allocation_sp.php?chapter=25_7&index=9"]')
    expect(await official.innerText()).toBe('官方文档')
    expect(await popup.locator('code', { hasText: 'security: true' }).count()).toBe(1)
    expect(text).not.toContain('[官方文档]')
    // The caret marker rendered as a highlight on the same verb.
    expect(await page.locator('.vp-doc .twoslash-highlighted').first().innerText()).toBe('post')
    // In a git checkout (CI's clone is one) the page shows its last commit's date.
    const time = lastUpdatedTimes(join(projectDir, 'generated/docs')).get('openapi/v2/secapi/pay/profitsharingreturn.md')
    if (time !== undefined) {
      expect(await page.locator('.VPLastUpdated').innerText()).toMatch(/^最后更新: \d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}$/)
      expect(await page.locator('.VPLastUpdated time').getAttribute('datetime')).toBe(new Date(time).toISOString())
    }
    await page.close()
  })

  test('the home page leads to the sections, and every page in the sidebar is built', async () => {
    const data = JSON.parse(readFileSync(join(projectDir, 'generated/docs/site.json'), 'utf8')) as { sidebar: Record<string, Array<{ text: string; items: Array<{ link: string }> }>> }
    // One entry per operation: a page of several links to each by its method's anchor.
    const links = [...new Set(Object.values(data.sidebar).flatMap((groups) => groups.flatMap((g) => g.items.map((i) => i.link.replace(/#.*/, '')))))]
    expect(links.length).toBe(readdirSync(join(projectDir, 'docs'), { recursive: true }).filter((f) => String(f).endsWith('.md') && !String(f).endsWith('index.md')).length)
    const page = await site.browser.newPage()
    await page.goto(`${site.origin}/`)
    const features = await page.locator('.VPFeature').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(features).toEqual(['/openapi/', '/webhook/'])
    for (const link of links) expect((await page.goto(`${site.origin}${link}.html`))?.status(), link).toBe(200)
    // A section's landing page shows its groups, closed: none of them holds the page shown.
    await page.goto(`${site.origin}/openapi/`)
    const groups = await page.locator('.VPSidebar .VPSidebarItem.level-0 > .item .text').allInnerTexts()
    expect(groups).toEqual(data.sidebar['/openapi/']!.map((g) => g.text))
    await page.close()
  })
})
