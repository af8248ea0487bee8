// `npm run docs:build`: the twoslash blocks checked and rendered on worker threads into the cache, then VitePress's
// build, which finds every block there. SITE_DOCS names the generated docs folder (default generated/docs). With
// SITE_REPORT=1 the last line is a JSON summary (times, peak memory), which `npm run bench:site` reads.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lastUpdatedTimes } from './last-updated.js'
import { mergePartialBuild } from './merge-partial-build.js'
import { planSiteBuild } from './plan-site-build.js'
import { prerender } from './prerender.js'
import { forgetSiteManifest, readSiteManifest, siteInputs, sitePages, writeSiteManifest } from './site-manifest.js'
import { siteSettings } from './site-settings.js'
import { copyFragments } from './twoslash-fragments.js'
import { vitepressBuild } from './vitepress-build.js'

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
// A partial build's folder left by a build that was killed.
const partial = join(settings.cache, 'partial')
rmSync(partial, { recursive: true, force: true })
const inputs = siteInputs(settings, sitePages(settings.docs), lastUpdatedTimes(settings.docs))
const plan = planSiteBuild(settings.out, inputs, readSiteManifest(settings))
let built: { mode: 'none' | 'pages' | 'full'; pages: number }
if (plan.kind === 'none') {
  console.log(`site: no page changed since the last build; ${settings.out} is up to date`)
  built = { mode: 'none', pages: 0 }
} else {
  // Forgotten until this build is whole: one cut short is followed by a full build.
  forgetSiteManifest(settings)
  const changed = plan.kind === 'pages' ? plan.changed : []
  const reason = plan.kind === 'full' ? plan.reason : await buildChangedPages(changed, plan.cover)
  if (reason === '') {
    built = { mode: 'pages', pages: changed.length }
  } else {
    console.log(`site: a full build, since ${reason}`)
    await vitepressBuild(settings)
    built = { mode: 'full', pages: Object.keys(inputs.pages).length }
  }
  const fragments = copyFragments(settings)
  console.log(`twoslash: ${fragments} fragment(s) in ${settings.out}/code`)
  writeSiteManifest(settings, inputs)
}
if (process.env.SITE_REPORT === '1') {
  // maxRSS covers the worker threads too: they share this process.
  const report = { ...summary, failures: undefined, ...built, twoslashMs, buildMs: performance.now() - started - twoslashMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }
  console.log(JSON.stringify(report))
}

/** Builds the changed pages (and the cover pages) apart and merges them into the site; returns why not, or ''. */
async function buildChangedPages(changed: string[], cover: string[]): Promise<string> {
  try {
    await vitepressBuild(settings, { pages: [...changed, ...cover], outDir: partial })
    const merged = mergePartialBuild(partial, settings.out, changed)
    if (!merged.ok) return `a build of the ${changed.length} changed page(s) did not match the site: ${merged.reason}`
    console.log(`site: ${changed.length} changed page(s) built (with ${cover.length} unchanged for the shared chunks) and merged, ${merged.files} file(s) written`)
    return ''
  } catch (error) {
    return `a build of the ${changed.length} changed page(s) failed: ${error instanceof Error ? error.message : String(error)}`
  } finally {
    rmSync(partial, { recursive: true, force: true })
  }
}
