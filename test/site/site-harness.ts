// What the docs-site browser tests share: building a site over a docs folder, serving it, and Debian's Chromium.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { isInside } from '../../generator/run/safe-paths.js'
import { projectDir } from '../helpers.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// The flags this workplace's machines need: no sandbox as root, and no background connections to a closed network.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' }

/** Chromium is there, or the test skips with the reason printed; with REQUIRE_CHROMIUM=1 (CI sets it) it fails. */
export function needsChromium(): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.env.REQUIRE_CHROMIUM === '1') throw new Error(`${CHROMIUM} is absent, and REQUIRE_CHROMIUM=1 requires it`)
  console.log(`skipped: the docs-site browser tests, since ${CHROMIUM} is absent (apt-get install chromium)`)
  return false
}

/**
 * `npm run docs:build` over `docs` into `out`, as a user runs it (dist/ is built by the tests' global setup); returns
 * what it printed, stdout and stderr, or throws with it when the build fails. `cache` is SITE_CACHE (default: the
 * project's).
 */
export function buildSite(docs: string, out: string, cache?: string): string {
  const env = { ...process.env, SITE_DOCS: docs, SITE_OUT: out, ...(cache ? { SITE_CACHE: cache } : {}) }
  const run = spawnSync(process.execPath, [join(projectDir, 'dist/site/build-site.js')], { env, encoding: 'utf8', maxBuffer: 64 << 20 })
  const log = `${run.stdout}${run.stderr}`
  if (run.status !== 0) throw new Error(`docs:build failed (${run.status ?? run.signal}):\n${log}`)
  return log
}

export interface SiteServer {
  origin: string
  browser: Browser
  close(): Promise<void>
}

/** A static server over a built site (`/x/` serves `/x/index.html`) and a headless Chromium. */
export async function serveSite(root: string): Promise<SiteServer> {
  const server = createServer(async (req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)))
    try {
      if (!isInside(path, root)) throw new Error('outside')
      const body = await readFile(path.endsWith('/') ? join(path, 'index.html') : path)
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'text/html' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    close: async () => {
      await browser.close()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
