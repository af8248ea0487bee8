// The site of the whole corpus, as a docs author builds it: generate ../shared/corpus into a temporary folder, then
// `SITE_DOCS=… npm run docs:build`; in headless Chromium the sidebar shows the catalogue's business groups and
// reaches the seed page, search finds the seed page by its Chinese title, a wide webhook table is readable, and the
// verb's hover shows its signature. Screenshots go to dist/screenshots.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { corpusDir, hasCorpus, projectDir } from '../helpers.js'
import { buildSite, hasChromium, openSite, type SiteUnderTest } from './site-browser.js'

const SHOTS = join(projectDir, 'dist/screenshots')
const SEED = '/openapi/v2/secapi/pay/profitsharingreturn.html'
// Opt-in for now: VitePress runs out of Node's default 4 GB heap while bundling the 1,077 corpus pages (measured:
// 874 s in, client + server bundles; see the issue note). `CORPUS_SITE=1 npx vitest run test/site/corpus-site.test.ts`.
const optedIn = process.env.CORPUS_SITE === '1'
if (!hasCorpus) console.log(`corpus site test skipped: no corpus at ${corpusDir}`)
else if (!optedIn) console.log('corpus site test skipped: set CORPUS_SITE=1 (the corpus site does not yet build within the default heap)')
let site: SiteUnderTest
let work: string

describe.skipIf(!hasCorpus || !hasChromium || !optedIn)('docs site of the whole corpus', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-corpus-site-'))
    execFileSync(process.execPath, [join(projectDir, 'dist/generator/cli.js'), 'generate', '--docs', corpusDir, '--out', join(work, 'out'), '--no-cache'], { cwd: projectDir, stdio: 'pipe' })
    const started = performance.now()
    const log = buildSite(join(work, 'site'), join(work, 'out/docs'))
    console.log(`corpus site built in ${((performance.now() - started) / 1000).toFixed(0)} s; ${log.split('\n').find((l) => l.startsWith('twoslash:'))}`)
    mkdirSync(SHOTS, { recursive: true })
    site = await openSite(join(work, 'site'))
  }, 3_600_000)

  afterAll(async () => {
    await site?.close()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  const open = async (path: string): Promise<Page> => {
    const page = await site.browser.newPage({ viewport: { width: 1440, height: 900 } })
    expect((await page.goto(`${site.origin}${path}`))?.status()).toBe(200)
    return page
  }

  test('the sidebar shows the business groups of the catalogue and reaches the seed page', async () => {
    const page = await open('/openapi/v2/pay/micropay.html')
    const groups = await page.locator('.VPSidebar .VPSidebarItem.level-0 > .item .text').allInnerTexts()
    // The APIv2 groups of openapi/index.md, read from its text, in order.
    const catalogue = readFileSync(join(corpusDir, 'openapi/index.md'), 'utf8')
    const v2 = [...new Set([...catalogue.matchAll(/^\|\s*([^|{]+?) \{data-protocol=v2 rowspan=\d+\}/gm)].map((m) => m[1]!))]
    expect(groups.slice(0, v2.length)).toEqual(v2)
    const group = page.locator('.VPSidebar .VPSidebarItem.level-0', { hasText: '分账' }).first()
    await group.locator('.item').first().click()
    const link = group.locator(`a[href$="${SEED}"]`)
    await link.click()
    await page.waitForURL(`**${SEED}`)
    expect(await page.locator('.vp-doc h1').first().innerText()).toContain('分账回退')
    await page.screenshot({ path: join(SHOTS, 'corpus-sidebar.png') })
    await page.close()
  })

  test('local search finds the seed page by its Chinese title', async () => {
    const page = await open('/index.html')
    await page.locator('.VPNavBarSearch button').click()
    await page.locator('.VPLocalSearchBox input').fill('分账回退')
    const hit = page.locator(`.VPLocalSearchBox .results a[href*="profitsharingreturn"]`).first()
    await hit.waitFor({ state: 'visible', timeout: 30_000 })
    await page.screenshot({ path: join(SHOTS, 'corpus-search.png') })
    await hit.click()
    await page.waitForURL(`**${SEED}`)
    await page.close()
  })

  test('a wide webhook table is readable without scrolling: every description cell inside the page', async () => {
    const page = await open('/webhook/v3/REFUND.SUCCESS.html')
    const table = page.locator('.vp-doc table').first()
    await table.scrollIntoViewIfNeeded()
    const fits = await table.evaluate((t) => ({ scroll: t.scrollWidth, client: t.clientWidth, right: t.getBoundingClientRect().right, viewport: window.innerWidth }))
    expect(fits.scroll).toBeLessThanOrEqual(fits.client + 1)
    expect(fits.right).toBeLessThanOrEqual(fits.viewport)
    const cells = await table.locator('tbody td:last-child').evaluateAll((tds) => tds.map((td) => ({ right: td.getBoundingClientRect().right, width: td.getBoundingClientRect().width })))
    expect(cells.length).toBeGreaterThan(10)
    for (const cell of cells) {
      expect(cell.right).toBeLessThanOrEqual(fits.viewport)
      expect(cell.width).toBeGreaterThan(200)
    }
    await page.screenshot({ path: join(SHOTS, 'corpus-webhook-table.png') })
    await page.close()
  })

  test("the seed page's verb shows its signature on hover", async () => {
    const page = await open(SEED)
    const verb = page.locator('.vp-doc .twoslash-highlighted .twoslash-hover').first()
    await verb.scrollIntoViewIfNeeded()
    const box = (await page.locator('.vp-doc .twoslash-highlighted').first().boundingBox())!
    await page.mouse.move(box.x + 4, box.y + box.height / 2)
    const popup = verb.locator('.twoslash-popup-container')
    await popup.waitFor({ state: 'visible', timeout: 15_000 })
    expect(await popup.innerText()).toContain('Profitsharingreturn.post(data: WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod.XmlDataRequest')
    await page.screenshot({ path: join(SHOTS, 'corpus-seed-hover.png') })
    await page.close()
  })
})
