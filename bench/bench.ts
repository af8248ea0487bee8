// `npm run bench`: the generator over ../shared/corpus, every figure measured in this one run and printed as
// ratios, since these machines are shared and noisy. Every run is a process of its own, timed whole (Node's start-up,
// reading and writing included), the remark-only baseline too; its parse loop alone is printed beside it.
// Goals: (a) ≤ 1.0, (b) ≤ 0.05, (c) ≤ 0.10, peak < 1 GiB.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { listPages } from '../generator/run/list-pages.js'

interface Run {
  /** Wall time of the whole process, Node's start-up included. */
  ms: number
  maxRssMb: number
  built: number
  pages: number
  written: number
  /** The run found the pages and outputs as the previous run left them. */
  unchanged: boolean
  timings?: Record<string, number>
}

const corpus = process.argv[2] ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-bench-'))
// A copy, so one page can be changed; the corpus itself is never written.
cpSync(corpus, join(work, 'docs'), { recursive: true })
const docs = join(work, 'docs')
const pages = listPages(docs)

const script = (name: string) => fileURLToPath(new URL(`./${name}.js`, import.meta.url))
/** The remark-only process: its wall time (as every figure here), and the time of its parse loop alone. */
const remarkOnly = (): { ms: number; loopMs: number } => {
  const started = performance.now()
  const loopMs = Number(execFileSync(process.execPath, [script('remark-only'), docs], { encoding: 'utf8' }))
  return { ms: performance.now() - started, loopMs }
}
const generateRun = (cache: string, out: string): Run => {
  const started = performance.now()
  const report = execFileSync(process.execPath, [script('run-generate'), docs, join(work, out), join(work, cache)], { encoding: 'utf8' })
  return { ...(JSON.parse(report) as Omit<Run, 'ms'>), ms: performance.now() - started }
}
// Shared machines are noisy: each figure is the best of two runs, baseline and cold runs taken in turn.
const fastest = (runs: Run[]): Run => runs.reduce((best, run) => (run.ms < best.ms ? run : best))
const baselines: Array<{ ms: number; loopMs: number }> = []
const colds: Run[] = []
for (const i of [1, 2]) {
  baselines.push(remarkOnly())
  colds.push(generateRun(`cache-${i}`, `out-${i}`))
}
const baseline = baselines.reduce((best, run) => (run.ms < best.ms ? run : best))
const loopOnly = Math.min(...baselines.map((run) => run.loopMs))
const cold = fastest(colds)
const warm = fastest([generateRun('cache-2', 'out-2'), generateRun('cache-2', 'out-2')])
// An edit a maintainer makes: a field's description, which changes the page's IR, declarations and docs page.
const changedPage = join(docs, pages.find((p) => p.startsWith('openapi/v3/') && readFileSync(join(docs, p), 'utf8').includes('| 商户号'))!)
const changed = fastest(
  ['(已核对)', '(再核对)'].map((mark) => {
    writeFileSync(changedPage, readFileSync(changedPage, 'utf8').replace(/\| 商户号(\([^)]*\))?/, `| 商户号${mark}`))
    return generateRun('cache-2', 'out-2')
  }),
)
rmSync(work, { recursive: true, force: true })

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const ratio = (value: number, goal: number) => `${value.toFixed(3)} (goal ≤ ${goal}) ${value <= goal ? 'met' : 'NOT met'}`
console.log(`corpus: ${pages.length} pages; ${availableParallelism()} cores`)
console.log(
  `remark-parse + gfm + frontmatter only, one core: ${s(baseline.ms)} (runs: ${baselines.map((r) => s(r.ms)).join(', ')}); ` +
    `its parse loop alone, without start-up and reading: ${s(loopOnly)}`,
)
console.log(`cold generate (${cold.built} pages built, ${cold.written} files written): ${s(cold.ms)} (runs: ${colds.map((r) => s(r.ms)).join(', ')}), peak memory ${cold.maxRssMb.toFixed(0)} MB (goal < 1024 MB) ${cold.maxRssMb < 1024 ? 'met' : 'NOT met'}`)
console.log(`warm generate, no change (${warm.built} built${warm.unchanged ? '; pages and outputs as the last run left them' : ''}): ${s(warm.ms)}`)
console.log(`one page changed (${changed.built} built, ${changed.written} files written): ${s(changed.ms)}`)
console.log(`(a) cold ÷ remark-only:  ${ratio(cold.ms / baseline.ms, 1.0)}; ÷ its parse loop alone: ${(cold.ms / loopOnly).toFixed(3)}`)
console.log(`(b) warm ÷ cold:         ${ratio(warm.ms / cold.ms, 0.05)}`)
console.log(`(c) one page ÷ cold:     ${ratio(changed.ms / cold.ms, 0.1)}`)
for (const [name, run] of [['cold run', cold], ['one-page run', changed]] as const) {
  const t = run.timings!
  const cpu = t.parse! + t.build! + t.emit! + t.format!
  console.log(
    `${name}, where time goes (parse/build/emit/format: CPU time summed over workers): parse ${s(t.parse!)}, ` +
      `build ${s(t.build!)}, emit ${s(t.emit!)}, format ${s(t.format!)} (${((100 * t.format!) / cpu).toFixed(0)}% of page CPU); ` +
      `main thread: read, hash and cache lookup ${s(t.read!)}, merge ${s(t.merge!)}, write ${s(t.write!)}`,
  )
}
