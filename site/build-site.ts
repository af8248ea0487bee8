// `npm run docs:build`: the twoslash blocks checked on worker threads into the cache, then VitePress's build, which
// reads every result from the cache. SITE_DOCS names the generated docs folder (default generated/docs).
import { fileURLToPath } from 'node:url'
import { build } from 'vitepress'
import { prerender } from './prerender.js'
import { siteSettings } from './site-settings.js'

const settings = siteSettings()
const started = performance.now()
const summary = await prerender(settings)
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(`twoslash: ${summary.blocks} block(s), ${summary.cached} from the cache, ${summary.blocks - summary.cached} checked in ${seconds} s`)
if (summary.failures.length > 0) {
  for (const failure of summary.failures) console.error(failure)
  process.exit(1)
}
await build(fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../site' : '.', import.meta.url)))
