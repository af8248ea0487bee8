#!/usr/bin/env node
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatDiagnostic, type Diagnostic } from './diagnostics/report.js'
import { resolveOptions, type GenerateInput } from './generate.js'
import { generateInto, type GenerateOptions } from './run/generate-into.js'
import { PagePool } from './run/page-pool.js'
import { progressReporter } from './run/progress.js'
import { runPages, type Target } from './run/run-pages.js'
import { watchDocs } from './run/watch.js'
import { DIFF_FORMATS, diffCommand, FAIL_ON } from './diff/diff-command.js'

const USAGE = `Usage:
  wechatpay-codegen generate [--docs DIR] [--out DIR] [--targets ir,types,client,docs,…] [--include GLOB]
                             [--exclude GLOB] [--package-name NAME --package-version VERSION] [--check] [--force]
                             [--watch] [--config FILE] [--cache-dir DIR | --no-cache]
  wechatpay-codegen check    [--docs DIR] [--format text|json] [--level info|warning|error]
  wechatpay-codegen diff     --base OLD_DOCS [--docs NEW_DOCS] [--format text|json|markdown] [--fail-on breaking|any|none]
                             [--cache-dir DIR | --no-cache]

  --docs DIR       docs pages to read (default: docs)
  --out DIR        where generated files go (default: generated); not the docs folder, inside it or above it
  --targets        comma-separated outputs (default: ir,types,client,docs): ir (ir.json), types (types/**.d.ts),
                   client (client.ts, notification-receiver.ts, client/validation.ts; needs types), docs (docs/**.md
                   twoslash pages); and when asked for: validation (validation/**.json, the schemas the client's
                   validation reads; needs client or package), openapi (openapi.json and openapi.yaml),
                   package (an npm package: package.json, README.md, index.js and client.js with .d.ts, the
                   declarations in declarations.d.ts and groups/v3/pay.d.ts…: 'pkg/core' plus the groups an app calls)
  --package-name   the package target's npm name
  --package-version  the package target's version
  --include GLOB   only operations whose id (v3/pay/transactions/jsapi#post) or page path matches; repeatable
  --exclude GLOB   leave out operations whose id or page path matches; repeatable
  --config FILE    options as a JSON or YAML object (default: wechatpay-codegen.config.json or .yaml, if present);
                   flags win
  --check          write nothing; exit 1 when a file in --out differs from what would be written
  --force          replace or remove files in the way in --out that the generator did not write, or that were
                   edited since it wrote them (each is named)
  --watch          regenerate when a docs page changes, until interrupted
  --cache-dir DIR  page cache (default: node_modules/.cache/wechatpay-codegen)
  --no-cache       read and write no cache
  --format         check output: text lines (default) or one JSON object
  --level          lowest severity printed as text (default: warning)
  --base DIR       diff: the older docs folder, compared with --docs
  --fail-on        diff: exit 1 on breaking changes, any change, or never (default: none)
`

const LEVELS = ['info', 'warning', 'error'] as const

async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        docs: { type: 'string' },
        out: { type: 'string' },
        targets: { type: 'string', multiple: true },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        config: { type: 'string' },
        'package-name': { type: 'string' },
        'package-version': { type: 'string' },
        check: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        level: { type: 'string', default: 'warning' },
        base: { type: 'string' },
        'fail-on': { type: 'string', default: 'none' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    return usage((error as Error).message.split(/\.\s/)[0]!)
  }
  const { values, positionals } = parsed
  const command = positionals[0]
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (command === undefined) return usage('Expected a command, `generate`, `check` or `diff`')
  if (command === 'diff') {
    const format = DIFF_FORMATS.find((f) => f === values.format)
    const failOn = FAIL_ON.find((f) => f === values['fail-on'])
    if (values.base === undefined || !format || !failOn) return usage('diff needs --base, and --format text|json|markdown, --fail-on breaking|any|none')
    return diffCommand({ base: values.base, docs: values.docs ?? 'docs', format, failOn, cacheDir: values['no-cache'] ? false : resolve(values['cache-dir'] ?? 'node_modules/.cache/wechatpay-codegen') })
  }
  const level = LEVELS.indexOf(values.level as (typeof LEVELS)[number])
  if (level < 0 || (values.format !== 'text' && values.format !== 'json')) return usage('Unexpected --level or --format value')
  if (command !== 'check' && command !== 'generate') return usage(`Unexpected command \`${command}\`, expected \`generate\`, \`check\` or \`diff\``)
  if (positionals.length > 1) return usage(`Unexpected argument \`${positionals[1]}\``)
  const input: GenerateInput = {
    ...(values.docs !== undefined && { docs: values.docs }),
    ...(values.out !== undefined && { out: values.out }),
    // Repeated, the lists add up: `--targets types --targets client`.
    ...(values.targets !== undefined && { targets: [...new Set(values.targets.flatMap((list) => list.split(',')).map((t) => t.trim()))] as Target[] }),
    ...(values.include && { include: values.include }),
    ...(values.exclude && { exclude: values.exclude }),
    ...(values.config !== undefined && { config: values.config }),
    ...((values['package-name'] !== undefined || values['package-version'] !== undefined) && { package: { name: values['package-name'], version: values['package-version'] } }),
    ...(values['cache-dir'] !== undefined && { cacheDir: values['cache-dir'] }),
    ...(values['no-cache'] && { cacheDir: false }),
    force: values.force,
    command: ['wechatpay-codegen', ...argv].join(' '),
  }
  const options = resolveOptions(command === 'check' ? { ...input, targets: [] } : input)
  if (command === 'generate' && input.package !== undefined && !options.targets.includes('package')) return usage('--package-name and --package-version name the package target: add `package` to --targets')
  options.onWait = (owner) => process.stderr.write(`${options.outLabel} is being written by ${owner ? `pid ${owner.pid} (${owner.command})` : 'another run'}; waiting\n`)
  if (command === 'check') {
    const { pages, operations, diagnostics } = await runPages({ ...options, onProgress: progressReporter() })
    if (values.format === 'json') {
      process.stdout.write(`${JSON.stringify({ pages, operations, diagnostics })}\n`)
    } else {
      printDiagnostics(diagnostics, level)
    }
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0
  }
  const rerun = ['wechatpay-codegen', ...argv.filter((arg) => arg !== '--check')].join(' ')
  if (!values.watch) return generateOnce({ ...options, check: values.check }, Math.max(level, 1), rerun)
  // One pool for the session: its workers stay, with the page modules loaded.
  const pool = new PagePool(options.threads)
  try {
    const run = () => generateOnce(options, Math.max(level, 1), rerun, pool)
    await run()
    // A change that makes the options unusable (an --include glob that no longer matches) is said, not fatal.
    const again = async () => {
      try {
        return await run()
      } catch (error) {
        if ((error as { code?: string }).code !== 'EUSAGE') throw error
        process.stderr.write(`wechatpay-codegen: ${(error as Error).message}; nothing written, waiting for the next change\n`)
        return 2
      }
    }
    await watchDocs(options.docsDir, again)
  } finally {
    await pool.close()
  }
  return 0
}

/** One generate run: diagnostics, then write (or with --check compare) the outputs; the exit code. */
async function generateOnce(options: GenerateOptions, level: number, rerun: string, pool?: PagePool): Promise<number> {
  const result = await generateInto({ ...options, onProgress: progressReporter() }, pool)
  printDiagnostics(result.diagnostics, level)
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length
  if (errors > 0) {
    process.stderr.write(`${errors} error(s): nothing written to ${options.outLabel}\n`)
    return 1
  }
  if (options.check) {
    for (const path of result.changed) process.stderr.write(`stale: ${options.outLabel}/${path}\n`)
    if (result.changed.length > 0) process.stderr.write(`Run \`${rerun}\` to update.\n`)
    return result.changed.length > 0 ? 1 : 0
  }
  const how = result.unchanged ? 'pages and outputs as the last run left them' : `${result.stats!.built} built, ${result.pages - result.stats!.built} cached`
  process.stderr.write(`${result.operations} operations from ${result.pages} pages (${how}); ${result.changed.length} file(s) written or removed in ${options.outLabel}\n`)
  return 0
}

function usage(message: string): number {
  process.stderr.write(`wechatpay-codegen: ${message} (see wechatpay-codegen --help)\n`)
  return 2
}

function printDiagnostics(diagnostics: Diagnostic[], level: number): void {
  const shown = diagnostics.filter((d) => LEVELS.indexOf(d.severity) >= level)
  for (const d of shown) process.stderr.write(`${formatDiagnostic(d)}\n`)
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length
  const hidden = diagnostics.length - shown.length
  const more = hidden > 0 ? ` (${hidden} not shown: \`wechatpay-codegen check --level ${LEVELS[level - 1]}\` lists them)` : ''
  process.stderr.write(`${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info${more}\n`)
}

/**
 * A folder the run needs is missing, cannot be written or is held by another run, or the folders are refused: one
 * line, not a stack. Anything else is a bug, and shows its stack.
 */
function failed(error: unknown): number {
  if (!(error instanceof Error) || typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EUSAGE') return usage(error.message)
  process.stderr.write(`wechatpay-codegen: ${error.message}\n`)
  return 1
}

process.exitCode = await main(process.argv.slice(2)).catch(failed)
