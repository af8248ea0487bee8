// One generate run in a process of its own, for the benchmark: prints its wall time, peak memory (worker threads
// included) and where the time went, as one JSON line.
import { generate } from '../generator/generate.js'
import { writeOutputs } from '../generator/write-outputs.js'

const [docsDir, outDir, cacheDir] = process.argv.slice(2) as [string, string, string]
const started = performance.now()
const { outputs, stats } = await generate({ docsDir, docsLabel: 'corpus', targets: ['ir', 'types', 'client', 'docs'], cacheDir })
const writing = performance.now()
const written = writeOutputs(outDir, outputs, ['types', 'docs']).length
const ended = performance.now()
process.stdout.write(
  `${JSON.stringify({
    ms: ended - started,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    built: stats.built,
    pages: stats.pages,
    written,
    timings: { ...stats.timings, write: ended - writing },
  })}\n`,
)
