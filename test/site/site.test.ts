// The docs site over generated/docs: `npm run docs:build` (twoslash prepass, then VitePress), and in headless
// Chromium the seed page's verb hover, the navigation made from docs/'s catalogue pages, and the redirect page.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { projectDir } from '../helpers.js'
import { buildSite, hasChromium, openSite, type SiteUnderTest } from './site-browser.js'

const SHOTS = join(projectDir, 'dist/screenshots')
const SEED = '/openapi/v2/secapi/pay/profitsharingreturn.html'
let site: SiteUnderTest

describe.skipIf(!hasChromium)('docs site of generated/docs', () => {
  beforeAll(async () => {
    const out = join(projectDir, 'dist/test-site')
    buildSite(out)
    mkdirSync(SHOTS, { recursive: true })
    site = await openSite(out)
  }, 600_000)

  afterAll(async () => {
    await site?.close()
  })

  test('the seed page shows the twoslash hover of the verb: signature, description, official link', async () => {
    const page = await site.browser.newPage()
    expect((await page.goto(`${site.origin}${SEED}`))?.status()).toBe(200)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    // The caret marker rendered as a highlight on the verb; its hover is the one inside it.
    const verb = page.locator('.vp-doc .twoslash-highlighted .twoslash-hover').first()
    await verb.scrollIntoViewIfNeeded()
    // The pointer goes onto the verb's text itself: the box of the hover also holds its (hidden) popup.
    const box = (await page.locator('.vp-doc .twoslash-highlighted').first().boundingBox())!
    await page.mouse.move(box.x + 4, box.y + box.height / 2)
    const popup = verb.locator('.twoslash-popup-container')
    await popup.waitFor({ state: 'visible', timeout: 15_000 })
    const text = await popup.innerText()
    expect(text).toContain('Profitsharingreturn.post(data: WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod.XmlDataRequest')
    expect(text).toContain('AxiosPromise<WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod.WellformedResponse>')
    expect(text).toContain('https://pay.weixin.qq.com/wiki/doc/api/allocation_sp.php?chapter=25_7&index=9')
    expect(await page.locator('.vp-doc .twoslash-highlighted').first().innerText()).toContain('post')
    await page.screenshot({ path: join(SHOTS, 'docs-seed-hover.png') })
    // The edit link names the docs page the generated page came from.
    expect(await page.locator('.edit-link a').getAttribute('href')).toBe('https://example.invalid/edit/docs/openapi/v2/secapi/pay/profitsharingreturn.md')
    await page.close()
  })

  test('the sidebar shows the catalogue groups, and the landing page links every operation', async () => {
    const page = await site.browser.newPage()
    await page.goto(`${site.origin}/openapi/v3/profitsharing/orders.html`)
    const groups = await page.locator('.VPSidebar .VPSidebarItem.level-0 > .item .text').allInnerTexts()
    expect(groups).toEqual(['分账', '消费者投诉', '其他能力'])
    await page.goto(`${site.origin}/openapi/index.html`)
    const links = await page.locator('.vp-doc table a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    expect(links).toHaveLength(7)
    // Each page once (the mix page is linked at three anchors), and each anchor an operation's heading.
    for (const href of new Set(links.map((l) => l.replace(/#.*/, '')))) expect((await page.goto(href))?.status()).toBe(200)
    for (const href of links.filter((l) => l.includes('#'))) {
      await page.goto(href)
      expect(await page.locator(`[id="${href.split('#')[1]}"]`).count()).toBe(1)
    }
    await page.goto(`${site.origin}/index.html`)
    expect(await page.locator('.VPHero .name').innerText()).toContain('微信支付 API')
    expect(await page.locator('.VPNavBarMenu a').allInnerTexts()).toEqual(['开放接口', '回调通知'])
    await page.close()
  })

  test("a moved page's old address leads to its new one", async () => {
    const page = await site.browser.newPage()
    await page.goto(`${site.origin}/openapi/v3/profitsharing/orders/query.html`)
    await page.waitForURL(/orders\/%7Bout_order_no%7D\.html$/, { timeout: 15_000 })
    expect(await page.locator('.vp-doc h1').first().innerText()).toContain('查询分账结果')
    await page.close()
  })
})
