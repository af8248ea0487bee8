// `npm run docs:build`: the twoslash blocks checked and rendered on worker threads into the cache, then VitePress's
// build, which finds every block there. SITE_DOCS names the generated docs folder (default generated/docs). With
// SITE_REPORT=1 the last line is a JSON summary (times, peak memory), which `npm run bench:site` reads.
import { fileURLToPath } from 'node:url'
import { build } from 'vitepress'
import { prerender } from './prerender.js'
import { copyFragments } from './twoslash-fragments.js'
import { siteSettings } from './site-settings.js'

const settings = siteSettings()
const started = performance.now()
const summary = await prerender(settings)
const twoslashMs = performance.now() - started
console.log(`twoslash: ${summary.blocks} block(s), ${summary.cached} from the cache, ${summary.blocks - summary.cached} rendered in ${(twoslashMs / 1000).toFixed(1)} s`)
if (summary.failures.length > 0) {
  for (const failure of summary.failures) console.error(failure)
  process.exit(1)
}
await build(fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../site' : '.', import.meta.url)))
const fragments = copyFragments(settings)
console.log(`twoslash: ${fragments} fragment(s) in ${settings.out}/code`)
if (process.env.SITE_REPORT === '1') {
  // maxRSS covers the worker threads too: they share this process.
  const report = { ...summary, failures: undefined, twoslashMs, buildMs: performance.now() - started - twoslashMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }
  console.log(JSON.stringify(report))
}
