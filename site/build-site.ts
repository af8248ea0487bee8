// `npm run docs:build`: the twoslash blocks checked and rendered on worker threads into the cache, then VitePress's
// build, which finds every block there. SITE_DOCS names the generated docs folder (default generated/docs). With
// SITE_REPORT=1 the last line is a JSON summary (times, peak memory), which `npm run bench:site` reads.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { build } from 'vitepress'
import { prerender } from './prerender.js'
import { copyFragments } from './twoslash-fragments.js'
import { siteRoot, siteSettings } from './site-settings.js'

// Bundling and rendering a thousand pages makes many short-lived objects: with semi-spaces of 64 MB (V8's default
// is 16) a corpus rebuild's VitePress part took 59-63 s instead of 71 s, at the same peak memory. V8 reads the flag as
// the process starts, so the build runs in a child that has it.
const YOUNG_GENERATION = '--max-semi-space-size=64'
if (!process.execArgv.includes(YOUNG_GENERATION)) {
  const child = spawnSync(process.execPath, [...process.execArgv, YOUNG_GENERATION, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(child.status ?? 1)
}

const settings = siteSettings()
const started = performance.now()
const summary = await prerender(settings)
const twoslashMs = performance.now() - started
console.log(`twoslash: ${summary.blocks} block(s), ${summary.cached} from the cache, ${summary.blocks - summary.cached} rendered in ${(twoslashMs / 1000).toFixed(1)} s`)
if (summary.failures.length > 0) {
  for (const failure of summary.failures) console.error(failure)
  process.exit(1)
}
await build(siteRoot)
const fragments = copyFragments(settings)
console.log(`twoslash: ${fragments} fragment(s) in ${settings.out}/code`)
if (process.env.SITE_REPORT === '1') {
  // maxRSS covers the worker threads too: they share this process.
  const report = { ...summary, failures: undefined, twoslashMs, buildMs: performance.now() - started - twoslashMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }
  console.log(JSON.stringify(report))
}
