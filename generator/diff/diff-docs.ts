import type { Diagnostic } from '../diagnostics/report.js'
import { DEFAULT_TARGETS, runPages, type RunOptions } from '../run/run-pages.js'
import type { IrDocument } from '../ir/types.js'
import { PagePool } from '../run/page-pool.js'
import { compareDocuments } from './compare-documents.js'
import type { DiffReport } from './diff-types.js'
import type { Proof } from './prove-breaking.js'

export interface DiffOptions {
  /** The older docs folder. */
  base: string
  /** The newer docs folder. */
  head: string
  /** How the folders are named in diagnostics and generated headers (as given on the command line). */
  baseLabel?: string
  headLabel?: string
  /** The page cache `generate` uses; `false` for none. */
  cacheDir: string | false
  cwd?: string
  threads?: number
}

export interface DiffResult {
  report: DiffReport
  /** The TypeScript checker's verdict on every changed operation, in the order of `report.changed`. */
  proofs: Proof[]
  /** Changed operations where the IR's verdict and the checker's differ (a bug of the diff, reported, never hidden). */
  disagreements: string[]
  diagnostics: { base: Diagnostic[]; head: Diagnostic[] }
  /** Milliseconds: generating both versions (cached pages are not built again), comparing, proving. */
  timings: { generate: number; compare: number; prove: number }
}

/**
 * What changed between two docs folders, and what breaks callers. Both folders go through `generate` (its page pool
 * and cache, so a diff costs no more than generating both); the IR gives the changes and their verdicts, and the
 * TypeScript checker proves the verdict of every changed operation from the generated declarations.
 */
export async function diff(options: DiffOptions): Promise<DiffResult> {
  const started = performance.now()
  const pool = new PagePool(options.threads)
  const run = (docsDir: string) => {
    const runOptions: RunOptions = { docsDir, targets: DEFAULT_TARGETS, cacheDir: options.cacheDir, ...(options.cwd && { cwd: options.cwd }), ...(options.threads && { threads: options.threads }) }
    return runPages(runOptions, undefined, pool)
  }
  let base, head
  try {
    base = await run(options.base)
    head = await run(options.head)
  } finally {
    await pool.close()
  }
  const generated = performance.now()
  const document = (outputs: Map<string, string | Uint8Array>) => JSON.parse(Buffer.from(outputs.get('ir.json')!).toString('utf8')) as IrDocument
  const [before, after] = [document(base.outputs), document(head.outputs)]
  const report = compareDocuments(before, after)
  const compared = performance.now()
  // ts-morph loads the TypeScript compiler: only here, not with the rest of the public API.
  const { proveBreaking } = await import('./prove-breaking.js')
  const operations = (doc: IrDocument) => new Map(doc.operations.map((op) => [op.id, op]))
  const [old, now] = [operations(before), operations(after)]
  const proofs = proveBreaking(
    report.changed.map(({ id }) => ({ base: { operation: old.get(id)!, files: base.outputs }, head: { operation: now.get(id)!, files: head.outputs } })),
  )
  const disagreements = report.changed.filter((op, i) => op.breaking !== proofs[i]!.breaking).map((op) => op.id)
  const timings = { generate: generated - started, compare: compared - generated, prove: performance.now() - compared }
  return { report, proofs, disagreements, diagnostics: { base: base.diagnostics, head: head.diagnostics }, timings }
}
