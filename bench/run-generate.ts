// One generate run in a process of its own, for the benchmark, as the CLI runs it: prints its peak memory and CPU time
// (worker threads included), what it built and wrote, and where the time went, as one JSON line. The benchmark times the
// whole process. A fourth argument names the targets (comma-separated; the default targets otherwise).
import { generateInto } from '../generator/run/generate-into.js'
import { DEFAULT_TARGETS, type Target } from '../generator/run/run-pages.js'

const [docsDir, outDir, cacheDir, targets] = process.argv.slice(2) as [string, string, string, string | undefined]
const result = await generateInto({ docsDir, outDir, targets: targets ? (targets.split(',') as Target[]) : DEFAULT_TARGETS, cacheDir })
const timings = result.stats ? { ...result.stats.timings, write: result.writeMs } : undefined
const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage()
// CPU time of the whole process, its worker threads included: steadier than wall time on a loaded machine.
const report = { maxRssMb: maxRSS / 1024, cpuMs: (userCPUTime + systemCPUTime) / 1000, built: result.stats?.built ?? 0, pages: result.pages, written: result.changed.length, unchanged: result.unchanged, timings }
process.stdout.write(`${JSON.stringify(report)}\n`)
