// The site over the whole corpus, as a docs author builds it: the corpus generated (docs target) into a temporary
// folder, `docs:build` with SITE_DOCS, then in Chromium the sidebar's business groups reach the seed page, search finds
// it by its Chinese title, a wide webhook table fits the page, and a hover still shows the verb's signature. Each
// step leaves a screenshot in the folder the test prints.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { corpusDir, hasCorpus, projectDir } from '../helpers.js'
import { buildSite, needsChromium, serveSite, type SiteServer } from './site-harness.js'

const SEED = '/openapi/v2/secapi/pay/profitsharingreturn.html'
const work = mkdtempSync(join(tmpdir(), 'wechatpay-corpus-site-'))
const shots = join(tmpdir(), 'wechatpay-corpus-site-screenshots')
let site: SiteServer
let log = ''

describe.skipIf(!hasCorpus || !needsChromium())('docs site over the corpus', () => {
  beforeAll(async () => {
    const cli = join(projectDir, 'dist/generator/cli.js')
    execFileSync(process.execPath, [cli, 'generate', '--docs', corpusDir, '--out', join(work, 'out'), '--targets', 'docs', '--no-cache'], { stdio: 'pipe', maxBuffer: 64 << 20 })
    log = buildSite(join(work, 'out/docs'), join(work, 'site'))
    site = await serveSite(join(work, 'site'))
    mkdirSync(shots, { recursive: true })
    console.log(`corpus site screenshots: ${shots}`)
  })

  afterAll(async () => {
    await site?.close()
    rmSync(work, { recursive: true, force: true })
  })

  const open = async (path: string): Promise<Page> => {
    const page = await site.browser.newPage({ viewport: { width: 1440, height: 900 } })
    expect((await page.goto(`${site.origin}${path}`))?.status()).toBe(200)
    return page
  }

  test('the build logs no error (a title VitePress reads as markdown, a block that fails)', () => {
    expect(log).toContain('twoslash: ')
    expect(log).not.toMatch(/error/i)
  })

  test('the sidebar shows the business groups and reaches the seed page', async () => {
    const page = await open('/openapi/v2/pay/micropay.html')
    const groups = page.locator('.VPSidebar .VPSidebarItem.level-0 > .item .text')
    const names = await groups.allInnerTexts()
    for (const group of ['基础支付', '分账']) expect(names.some((n) => n.startsWith(group))).toBe(true)
    const sharing = page.locator('.VPSidebar .VPSidebarItem.level-0', { has: page.locator('> .item .text', { hasText: /^分账/ }) }).first()
    if (!(await sharing.locator('a', { hasText: '分账回退' }).isVisible())) await sharing.locator('> .item').click()
    await sharing.locator('a', { hasText: '分账回退' }).first().click()
    await page.waitForURL(`**${SEED}`)
    await expect.poll(() => page.locator('.VPSidebar a.is-active, .VPSidebar .is-active a').first().innerText()).toContain('分账回退')
    await page.screenshot({ path: join(shots, 'sidebar.png') })
    await page.close()
  })

  test('search finds the seed page by its Chinese title', async () => {
    const page = await open('/')
    await page.locator('.VPNavBarSearch button').click()
    await page.locator('.VPLocalSearchBox input').fill('分账回退')
    const first = page.locator('.VPLocalSearchBox .results a').first()
    await first.waitFor({ state: 'visible', timeout: 15_000 })
    expect(await first.getAttribute('href')).toContain(SEED.replace(/\.html$/, ''))
    await page.screenshot({ path: join(shots, 'search.png') })
    await page.close()
  })

  test('a wide webhook table fits the page without scrolling sideways', async () => {
    const page = await open('/webhook/v3/REFUND.SUCCESS.html')
    const tables = page.locator('.vp-doc table')
    expect(await tables.count()).toBeGreaterThan(0)
    // Neither scrolled inside (a block table) nor wider than the text column (a table grown to its content).
    const widths = await tables.evaluateAll((ts) =>
      ts.map((t) => ({ scroll: t.scrollWidth, client: t.clientWidth, right: t.getBoundingClientRect().right, column: t.closest('.vp-doc')!.getBoundingClientRect().right })),
    )
    for (const w of widths) {
      expect(w.scroll).toBeLessThanOrEqual(w.client + 1)
      expect(w.right).toBeLessThanOrEqual(Math.min(w.column, 1440) + 1)
    }
    await tables.first().scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(shots, 'wide-table.png') })
    await page.close()
  })

  test('a hover shows the verb signature on the seed page', async () => {
    const page = await open(SEED)
    await page.locator('.vp-doc .twoslash-highlighted .twoslash-hover').first().hover()
    const popup = page.locator('.twoslash-floating-popup')
    await popup.waitFor({ state: 'visible', timeout: 15_000 })
    expect(await popup.innerText()).toContain('Profitsharingreturn.post(data: WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod.XmlDataRequest')
    await page.screenshot({ path: join(shots, 'hover.png') })
    await page.close()
  })
})
