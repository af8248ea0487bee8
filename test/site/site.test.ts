// The docs site: VitePress with twoslash builds over generated/docs, and in headless Chromium (Debian's, driven by
// playwright-core) the seed page shows the twoslash hover for the verb, typed by the generated declarations.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { projectDir } from '../helpers.js'

const SITE = join(projectDir, 'dist/site')
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }
// The flags this workplace's machines need: no sandbox as root, and no background connections to a closed network.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Chromium is there, or the test skips with the reason printed; with REQUIRE_CHROMIUM=1 (CI sets it) it fails. */
function needsChromium(): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.env.REQUIRE_CHROMIUM === '1') throw new Error(`${CHROMIUM} is absent, and REQUIRE_CHROMIUM=1 requires it`)
  console.log(`skipped: the docs-site browser test, since ${CHROMIUM} is absent (apt-get install chromium)`)
  return false
}

let server: Server
let browser: Browser
let origin: string

describe.skipIf(!needsChromium())('docs site', () => {
  beforeAll(async () => {
    execFileSync('npx', ['vitepress', 'build', 'site'], { cwd: projectDir, stdio: 'pipe' })
    server = createServer(async (req, res) => {
      const path = normalize(join(SITE, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)))
      try {
        const body = await readFile(path.endsWith('/') ? join(path, 'index.html') : path)
        res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body)
      } catch {
        res.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
  })

  afterAll(async () => {
    await browser?.close()
    server?.close()
  })

  test('the seed page shows the twoslash hover of the verb', async () => {
    const page = await browser.newPage()
    const response = await page.goto(`${origin}/openapi/v2/secapi/pay/profitsharingreturn.html`)
    expect(response?.status()).toBe(200)
    const verb = page.locator('.vp-doc .twoslash-hover', { hasText: /^post$/ }).first()
    await verb.hover()
    const popup = page.locator('.v-popper__popper--shown')
    await popup.waitFor({ state: 'visible', timeout: 15_000 })
    const text = await popup.innerText()
    expect(text).toContain('Profitsharingreturn.post(data: WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod.XmlDataRequest')
    expect(text).toContain('AxiosPromise<WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod.WellformedResponse>')
    expect(text).toContain('https://pay.weixin.qq.com/wiki/doc/api/allocation_sp.php?chapter=25_7&index=9')
    // The caret marker rendered as a highlight on the same verb.
    expect(await page.locator('.vp-doc .twoslash-highlighted').first().innerText()).toBe('post')
    await page.close()
  })

  test('every docs page is built', async () => {
    const page = await browser.newPage()
    await page.goto(`${origin}/index.html`)
    const links = await page.locator('.vp-doc a[href$=".html"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')))
    expect(links.length).toBeGreaterThanOrEqual(6)
    for (const href of links) expect((await page.goto(new URL(href!, `${origin}/index.html`).href))?.status()).toBe(200)
    await page.close()
  })
})
