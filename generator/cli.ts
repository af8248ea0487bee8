#!/usr/bin/env node
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatDiagnostic, type Diagnostic } from './diagnostics/report.js'
import { DEFAULT_TARGETS, generate, TARGETS, type GenerateOptions, type Target } from './generate.js'
import { generateInto } from './generate-into.js'
import { PagePool } from './page-pool.js'
import { progressReporter } from './progress.js'
import { watchDocs } from './watch.js'

const USAGE = `Usage:
  wechatpay-codegen generate [--docs DIR] [--out DIR] [--targets ir,types,client,docs,…] [--check] [--watch]
  wechatpay-codegen check    [--docs DIR] [--format text|json] [--level info|warning|error]

  --docs DIR       docs pages to read (default: docs)
  --out DIR        where generated files go (default: generated)
  --targets        comma-separated outputs (default: ir,types,client,docs): ir (ir.json), types (types/**.d.ts),
                   client (client.ts, needs types), docs (docs/**.md twoslash pages), and when asked for:
                   validation (validation/**.json, the client's schemas, needs client), openapi (openapi.json/.yaml)
  --check          write nothing; exit 1 when the files in --out are stale
  --watch          regenerate when a docs page changes, until interrupted
  --cache-dir DIR  page cache (default: node_modules/.cache/wechatpay-codegen)
  --no-cache       read and write no cache
  --format         check output: text lines (default) or one JSON object
  --level          lowest severity printed as text (default: warning)
`

const LEVELS = ['info', 'warning', 'error'] as const

async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        docs: { type: 'string', default: 'docs' },
        out: { type: 'string', default: 'generated' },
        targets: { type: 'string', default: DEFAULT_TARGETS.join(',') },
        check: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        'cache-dir': { type: 'string', default: 'node_modules/.cache/wechatpay-codegen' },
        'no-cache': { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        level: { type: 'string', default: 'warning' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    return usage((error as Error).message)
  }
  const { values, positionals } = parsed
  const command = positionals[0]
  if (values.help || command === undefined) {
    process.stdout.write(USAGE)
    return command === undefined && !values.help ? 2 : 0
  }
  const level = LEVELS.indexOf(values.level as (typeof LEVELS)[number])
  if (level < 0 || (values.format !== 'text' && values.format !== 'json')) return usage('Unexpected --level or --format value')
  if (command !== 'check' && command !== 'generate') return usage(`Unexpected command \`${command}\``)
  const targets = command === 'check' ? [] : values.targets.split(',').map((t) => t.trim())
  const unknown = targets.filter((t) => !(TARGETS as readonly string[]).includes(t))
  if (unknown.length > 0) return usage(`Unexpected target(s) ${unknown.join(', ')}, expected: ${TARGETS.join(', ')}`)
  if (targets.includes('client') && !targets.includes('types')) return usage('The client target needs the types target: add `types` to --targets')
  if (targets.includes('validation') && !targets.includes('client')) return usage('The validation target needs the client target: add `client` to --targets')

  const options: GenerateOptions = {
    docsDir: resolve(values.docs),
    docsLabel: values.docs,
    targets: targets as Target[],
    cacheDir: values['no-cache'] ? false : resolve(values['cache-dir']),
  }
  if (command === 'check') {
    const { pages, operations, diagnostics } = await generate({ ...options, onProgress: progressReporter() })
    if (values.format === 'json') {
      process.stdout.write(`${JSON.stringify({ pages, operations, diagnostics })}\n`)
    } else {
      printDiagnostics(diagnostics, level)
    }
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0
  }
  if (!values.watch) return generateOnce(options, values.out, values.check, Math.max(level, 1))
  // One pool for the session: its workers stay, with the page modules loaded.
  const pool = new PagePool(options.threads)
  try {
    const run = () => generateOnce(options, values.out, values.check, Math.max(level, 1), pool)
    await run()
    await watchDocs(options.docsDir, run)
  } finally {
    await pool.close()
  }
  return 0
}

/** One generate run: diagnostics, then write (or with --check compare) the outputs; the exit code. */
async function generateOnce(options: GenerateOptions, outLabel: string, check: boolean, level: number, pool?: PagePool): Promise<number> {
  const result = await generateInto({ ...options, onProgress: progressReporter() }, resolve(outLabel), check, pool)
  printDiagnostics(result.diagnostics, level)
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length
  if (errors > 0) {
    process.stderr.write(`${errors} error(s) in ${options.docsLabel}: nothing written\n`)
    return 1
  }
  if (check) {
    for (const path of result.changed) process.stderr.write(`stale: ${outLabel}/${path}\n`)
    if (result.changed.length > 0) process.stderr.write('Run `npm run generate` to update.\n')
    return result.changed.length > 0 ? 1 : 0
  }
  const how = result.unchanged ? 'pages and outputs as the last run left them' : `${result.stats!.built} built, ${result.pages - result.stats!.built} cached`
  process.stderr.write(`${result.operations} operations from ${result.pages} pages (${how}); ${result.changed.length} file(s) written or removed in ${outLabel}\n`)
  return 0
}

function usage(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}`)
  return 2
}

function printDiagnostics(diagnostics: Diagnostic[], level: number): void {
  const shown = diagnostics.filter((d) => LEVELS.indexOf(d.severity) >= level)
  for (const d of shown) process.stderr.write(`${formatDiagnostic(d)}\n`)
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length
  process.stderr.write(`${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info\n`)
}

/** A file or folder the run needs is missing or cannot be written: its message, not a stack. Anything else is a bug. */
function failed(error: unknown): number {
  if (!(error instanceof Error) || typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
  process.stderr.write(`wechatpay-codegen: ${error.message}\n`)
  return 1
}

process.exitCode = await main(process.argv.slice(2)).catch(failed)
