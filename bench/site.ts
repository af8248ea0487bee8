// `npm run bench:site`: the docs site of the whole corpus, in one run. The corpus is generated into a temporary
// folder (not timed as the site), then the site is built cold (no twoslash results cached) with `docs:build`'s two
// steps, each a process of its own timed whole with its peak memory (GNU time); then one page's description is
// changed, the docs regenerated, and the site built again. Goals: cold ≤ 300 s, peak < 4 GiB, one page ≤ 0.25 of cold.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

interface Step {
  seconds: number
  peakMb: number
  output: string
}

const project = fileURLToPath(new URL('../..', import.meta.url))
const corpus = process.argv[2] ?? join(project, '../shared/corpus')
const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-site-'))
const docs = join(work, 'docs')
cpSync(corpus, docs, { recursive: true })
const env = { ...process.env, SITE_DOCS: join(work, 'out/docs'), SITE_TWOSLASH_CACHE: join(work, 'twoslash') }

/** One step as a process of its own under GNU time: wall seconds and peak resident memory of that process. */
function timed(command: string, args: string[]): Step {
  const report = join(work, 'time.txt')
  const output = execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', report, command, ...args], { cwd: project, env, encoding: 'utf8', maxBuffer: 1 << 26 })
  const [seconds, kb] = readFileSync(report, 'utf8').trim().split(/\s+/).slice(-2).map(Number) as [number, number]
  return { seconds, peakMb: kb / 1024, output }
}
const generate = () => timed(process.execPath, [join(project, 'dist/generator/cli.js'), 'generate', '--docs', docs, '--out', join(work, 'out'), '--cache-dir', join(work, 'cache')])
const prepass = () => timed(process.execPath, [join(project, 'dist/site/twoslash/prepare-twoslash.js')])
const site = () => timed(process.execPath, [join(project, 'node_modules/vitepress/bin/vitepress.js'), 'build', 'site', '--outDir', join(work, 'site')])

const load = loadavg()[0]!.toFixed(1)
const generated = generate()
const cold = [prepass(), site()] as const
// A maintainer's edit: one field's description on one page.
const page = join(docs, 'openapi/v3/pay/transactions/jsapi.md')
writeFileSync(page, readFileSync(page, 'utf8').replace('| 应用ID', '| 应用ID(已核对)'))
const regenerated = generate()
const again = [prepass(), site()] as const
const loadAfter = loadavg()[0]!.toFixed(1)
rmSync(work, { recursive: true, force: true })

const sum = (steps: readonly Step[]) => steps.reduce((s, step) => s + step.seconds, 0)
const peak = (steps: readonly Step[]) => Math.max(...steps.map((s) => s.peakMb))
const line = (name: string, steps: readonly [Step, Step]) =>
  `${name}: ${sum(steps).toFixed(1)} s (twoslash prepass ${steps[0].seconds.toFixed(1)} s, ${steps[0].output.trim().split('\n').at(-1)}; ` +
  `VitePress ${steps[1].seconds.toFixed(1)} s), peak ${peak(steps).toFixed(0)} MB (prepass ${steps[0].peakMb.toFixed(0)} MB, VitePress ${steps[1].peakMb.toFixed(0)} MB)`
console.log(`corpus site: ${availableParallelism()} cores, load average ${load} before, ${loadAfter} after`)
console.log(`generate the corpus docs: ${generated.seconds.toFixed(1)} s; after one page changed: ${regenerated.seconds.toFixed(1)} s`)
console.log(line('cold site build', cold))
console.log(line('one page changed', again))
const ratio = sum(again) / sum(cold)
console.log(`cold ≤ 300 s: ${sum(cold) <= 300 ? 'met' : 'NOT met'}; peak < 4096 MB: ${Math.max(peak(cold), peak(again)) < 4096 ? 'met' : 'NOT met'}; one page ÷ cold: ${ratio.toFixed(3)} (goal ≤ 0.25) ${ratio <= 0.25 ? 'met' : 'NOT met'}`)
