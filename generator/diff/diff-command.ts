import { resolve } from 'node:path'
import { formatDiagnostic } from '../diagnostics/report.js'
import { diff } from './diff-docs.js'
import { reportMarkdown } from './report-markdown.js'
import { reportText } from './report-text.js'

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const
export const FAIL_ON = ['breaking', 'any', 'none'] as const

export interface DiffCommandOptions {
  base: string
  docs: string
  format: (typeof DIFF_FORMATS)[number]
  failOn: (typeof FAIL_ON)[number]
  cacheDir: string | false
}

/**
 * `wechatpay-codegen diff`: the report on stdout, diagnostics and timings on stderr. Exit 1 when either folder has
 * an error (its operations would be missing from the diff) or when `--fail-on` is met.
 */
export async function diffCommand(options: DiffCommandOptions): Promise<number> {
  const result = await diff({ base: resolve(options.base), head: resolve(options.docs), baseLabel: options.base, headLabel: options.docs, cacheDir: options.cacheDir })
  const errors = [...result.diagnostics.base, ...result.diagnostics.head].filter((d) => d.severity === 'error')
  for (const d of errors) process.stderr.write(`${formatDiagnostic(d)}\n`)
  if (errors.length > 0) {
    process.stderr.write(`${errors.length} error(s) in the docs: no diff\n`)
    return 1
  }
  const { report, proofs, disagreements, timings } = result
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else if (options.format === 'markdown') process.stdout.write(reportMarkdown(report, disagreements.length === 0))
  else process.stdout.write(reportText(report))
  for (const id of disagreements) process.stderr.write(`wechatpay-codegen: the TypeScript checker disagrees on ${id}; the operation counts as breaking\n`)
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  process.stderr.write(
    `checker: ${proofs.length - disagreements.length} of ${proofs.length} verdicts proven; generate ${s(timings.generate)}, compare ${s(timings.compare)}, prove ${s(timings.prove)}\n`,
  )
  const breaking = proofs.some((p) => p.breaking) || report.changed.some((op) => op.breaking)
  const any = report.added.length + report.removed.length + report.changed.length > 0
  return (options.failOn === 'breaking' && breaking) || (options.failOn === 'any' && any) ? 1 : 0
}
