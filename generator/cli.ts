#!/usr/bin/env node
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatDiagnostic, type Diagnostic } from './diagnostics/report.js'
import { emitClient } from './emit/client/emit-client.js'
import { emitDocs } from './emit/docs/emit-docs.js'
import { emitIr } from './emit/emit-ir.js'
import { emitTypes } from './emit/types/emit-types.js'
import { readDocs } from './read-docs.js'
import { staleOutputs, writeOutputs, type Outputs } from './write-outputs.js'

const USAGE = `Usage:
  wechatpay-codegen generate [--docs DIR] [--out DIR] [--targets ir,types,client,docs] [--check]
  wechatpay-codegen check    [--docs DIR] [--format text|json] [--level info|warning|error]

  --docs DIR     docs pages to read (default: docs)
  --out DIR      where generated files go (default: generated)
  --targets      comma-separated outputs (default: all): ir (ir.json), types (types/**.d.ts),
                 client (client.ts, needs types), docs (docs/**.md twoslash pages)
  --check        write nothing; exit 1 when the files in --out are stale
  --format       check output: text lines (default) or one JSON object
  --level        lowest severity printed as text (default: warning)
`

const LEVELS = ['info', 'warning', 'error'] as const
const TARGETS = new Set(['ir', 'types', 'client', 'docs'])

async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        docs: { type: 'string', default: 'docs' },
        out: { type: 'string', default: 'generated' },
        targets: { type: 'string', default: 'ir,types,client,docs' },
        check: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        level: { type: 'string', default: 'warning' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const command = positionals[0]
  if (values.help || command === undefined) {
    process.stdout.write(USAGE)
    return command === undefined && !values.help ? 2 : 0
  }
  const level = LEVELS.indexOf(values.level as (typeof LEVELS)[number])
  if (level < 0 || (values.format !== 'text' && values.format !== 'json')) {
    process.stderr.write(`Unexpected --level or --format value\n\n${USAGE}`)
    return 2
  }
  const { document, diagnostics } = readDocs(resolve(values.docs))
  const errors = diagnostics.filter((d) => d.severity === 'error').length

  if (command === 'check') {
    if (values.format === 'json') {
      const pages = document.pages.length
      process.stdout.write(`${JSON.stringify({ pages, operations: document.operations.length, diagnostics })}\n`)
    } else {
      printDiagnostics(diagnostics, level)
    }
    return errors > 0 ? 1 : 0
  }
  if (command !== 'generate') {
    process.stderr.write(`Unexpected command \`${command}\`\n\n${USAGE}`)
    return 2
  }
  printDiagnostics(diagnostics, Math.max(level, 1))
  if (errors > 0) {
    process.stderr.write(`${errors} error(s) in ${values.docs}: nothing written\n`)
    return 1
  }
  const targets = values.targets.split(',').map((t) => t.trim())
  const unknown = targets.filter((t) => !TARGETS.has(t))
  if (unknown.length > 0) {
    process.stderr.write(`Unexpected target(s) ${unknown.join(', ')}, expected: ${[...TARGETS].join(', ')}\n`)
    return 2
  }
  if (targets.includes('client') && !targets.includes('types')) {
    process.stderr.write('The client target needs the types target: add `types` to --targets\n')
    return 2
  }
  const outputs: Outputs = new Map()
  if (targets.includes('ir')) outputs.set('ir.json', emitIr(document, values.docs))
  if (targets.includes('types')) for (const [path, text] of await emitTypes(document, values.docs)) outputs.set(path, text)
  if (targets.includes('client')) outputs.set('client.ts', await emitClient(values.docs))
  if (targets.includes('docs')) for (const [path, text] of await emitDocs(document, values.docs)) outputs.set(path, text)
  const out = resolve(values.out)
  // Folders whose every file the generator owns: a file there that is no longer generated is removed.
  const owned = [...(targets.includes('types') ? ['types'] : []), ...(targets.includes('docs') ? ['docs'] : [])]
  if (values.check) {
    const stale = staleOutputs(out, outputs, owned)
    for (const path of stale) process.stderr.write(`stale: ${values.out}/${path}\n`)
    if (stale.length > 0) process.stderr.write('Run `npm run generate` to update.\n')
    return stale.length > 0 ? 1 : 0
  }
  const written = writeOutputs(out, outputs, owned)
  process.stderr.write(`${document.operations.length} operations from ${document.pages.length} pages; ${written.length} file(s) written or removed in ${values.out}\n`)
  return 0
}

function printDiagnostics(diagnostics: Diagnostic[], level: number): void {
  const shown = diagnostics.filter((d) => LEVELS.indexOf(d.severity) >= level)
  for (const d of shown) process.stderr.write(`${formatDiagnostic(d)}\n`)
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length
  process.stderr.write(`${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info\n`)
}

process.exitCode = await main(process.argv.slice(2))
