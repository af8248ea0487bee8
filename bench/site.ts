// `npm run bench:site`: the docs site over the whole corpus, every figure measured in this one run. The corpus is
// copied and generated (docs target) into a temporary folder; the site is built cold (an empty twoslash cache), then
// again after one page's field description changed and the docs were regenerated. Each build is a process of its
// own, timed whole; the rebuild builds the changed page alone and merges it (site/merge-partial-build.ts). Goals:
// cold ≤ 300 s, peak < 4 GB, a one-page rebuild a small fraction of cold.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

interface Build {
  ms: number
  blocks: number
  cached: number
  twoslashMs: number
  buildMs: number
  maxRssMb: number
  /** A full VitePress build, the changed pages built and merged, or none. */
  mode: 'full' | 'pages' | 'none'
  pages: number
}

const project = fileURLToPath(new URL('../..', import.meta.url))
const corpus = process.argv[2] ?? join(project, '../shared/corpus')
const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-bench-site-'))
cpSync(corpus, join(work, 'docs'), { recursive: true })
const cli = join(project, 'dist/generator/cli.js')
const generate = () =>
  execFileSync(process.execPath, [cli, 'generate', '--docs', join(work, 'docs'), '--out', join(work, 'out'), '--targets', 'docs', '--cache-dir', join(work, 'generate-cache')], { stdio: 'pipe' })
const build = (): Build => {
  const started = performance.now()
  const env = { ...process.env, SITE_DOCS: join(work, 'out/docs'), SITE_OUT: join(work, 'site'), SITE_CACHE: join(work, 'site-cache'), SITE_REPORT: '1' }
  const output = execFileSync(process.execPath, [join(project, 'dist/site/build-site.js')], { env, encoding: 'utf8', maxBuffer: 64 << 20 })
  const report = JSON.parse(output.trim().split('\n').at(-1)!) as Omit<Build, 'ms'>
  return { ...report, ms: performance.now() - started }
}

try {
  generate()
  const load = [loadavg()[0]]
  const cold = build()
  // An edit a docs author makes: the seed page's first field description, which changes that page only.
  const page = join(work, 'docs/openapi/v2/secapi/pay/profitsharingreturn.md')
  writeFileSync(page, readFileSync(page, 'utf8').replace('| 商户号', '| 商户号(已核对)'))
  generate()
  const rebuild = build()
  load.push(loadavg()[0])
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  const line = (name: string, b: Build) =>
    `${name}: ${s(b.ms)} (twoslash ${s(b.twoslashMs)} for ${b.blocks - b.cached} of ${b.blocks} blocks, VitePress ${s(b.buildMs)} ` +
    `${b.mode === 'pages' ? `for ${b.pages} changed page(s), merged` : `for ${b.pages} pages`}), peak ${(b.maxRssMb / 1024).toFixed(2)} GB`
  console.log(`corpus site: ${cold.blocks} twoslash blocks; ${availableParallelism()} cores; load average ${load.map((l) => l!.toFixed(1)).join(' → ')}`)
  console.log(line('cold build', cold))
  console.log(line('one page changed', rebuild))
  console.log(`cold ≤ 300 s: ${cold.ms <= 300_000 ? 'met' : 'NOT met'}; peak < 4 GB: ${Math.max(cold.maxRssMb, rebuild.maxRssMb) < 4096 ? 'met' : 'NOT met'}`)
  console.log(`one page changed ÷ cold: ${(rebuild.ms / cold.ms).toFixed(3)}; its VitePress part ÷ cold VitePress part: ${(rebuild.buildMs / cold.buildMs).toFixed(3)}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
