// What the site tests share: a static server over a built site, and Debian's Chromium driven by playwright-core.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { projectDir } from '../helpers.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.log(`site tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.woff2': 'font/woff2' }
// The flags this workplace's machines need: no sandbox as root, and no background connections to a closed network.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/**
 * `docs:build`'s two steps (the generator is built by the global setup) over `docs`, a generated docs folder, into
 * `out`; returns what they print.
 */
export function buildSite(out: string, docs?: string): string {
  const env = { ...process.env, ...(docs ? { SITE_DOCS: docs } : {}), SITE_OUT: out, SITE_EDIT_URL: 'https://example.invalid/edit/docs/:path' }
  const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: projectDir, env, encoding: 'utf8', stdio: 'pipe', maxBuffer: 1 << 26 })
  return run([join(projectDir, 'dist/site/twoslash/prepare-twoslash.js')]) + run([join(projectDir, 'node_modules/vitepress/bin/vitepress.js'), 'build', 'site'])
}

export interface SiteUnderTest {
  origin: string
  browser: Browser
  close(): Promise<void>
}

/** Serves `dir` on 127.0.0.1 (an unknown path is a 404, as on a static host) and starts Chromium. */
export async function openSite(dir: string): Promise<SiteUnderTest> {
  const server = createServer(async (req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)))
    try {
      const body = await readFile(path.endsWith('/') ? join(path, 'index.html') : path)
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
  return {
    origin,
    browser,
    async close() {
      await browser.close()
      server.close()
    },
  }
}
