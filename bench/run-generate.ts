// One generate run in a process of its own, for the benchmark, as the CLI runs it: prints its peak memory (worker
// threads included), what it built and wrote, and where the time went, as one JSON line. The benchmark times the
// whole process.
import { generate } from '../generator/run/generate.js'

const [docsDir, outDir, cacheDir] = process.argv.slice(2) as [string, string, string]
const result = await generate({ docsDir, outDir, targets: ['ir', 'types', 'client', 'docs'], cacheDir })
const timings = result.stats ? { ...result.stats.timings, write: result.writeMs } : undefined
const { maxRSS } = process.resourceUsage()
const report = { maxRssMb: maxRSS / 1024, built: result.stats?.built ?? 0, pages: result.pages, written: result.changed.length, unchanged: result.unchanged, timings }
process.stdout.write(`${JSON.stringify(report)}\n`)
