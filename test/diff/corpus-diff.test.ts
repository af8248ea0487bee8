import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { diff } from '../../generator/diff/diff-docs.js'
import { corpusDir, hasCorpus, hasHistory, historyDir, projectDir } from '../helpers.js'

const present = hasCorpus && hasHistory
if (!present) console.log(`skipped: the diff corpus test needs ${historyDir} and ${corpusDir}`)

// The real docs edits between 2026-01-01 and today's corpus: on every changed operation, the verdict decided from the
// IR equals the one the TypeScript checker proves from the generated declarations.
describe.skipIf(!present)('diff of the history against the corpus', () => {
  test('the IR verdict equals the checker verdict on every changed operation', async () => {
    const cacheDir = join(projectDir, 'node_modules/.cache/wechatpay-codegen')
    const { report, proofs, disagreements, diagnostics, timings } = await diff({ base: historyDir, head: corpusDir, cacheDir })
    expect([...diagnostics.base, ...diagnostics.head].filter((d) => d.severity === 'error')).toEqual([])
    expect(report.changed.length).toBeGreaterThan(0)
    expect(proofs.map((p) => p.id)).toEqual(report.changed.map((op) => op.id))
    expect(disagreements).toEqual([])
    const breaking = proofs.filter((p) => p.breaking).length
    // Both verdicts occur: the agreement is not that of a constant.
    expect(breaking).toBeGreaterThan(0)
    expect(breaking).toBeLessThan(proofs.length)
    const changes = report.changed.flatMap((op) => op.changes)
    const counts = new Map<string, number>()
    for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1)
    const kinds = [...counts].map(([kind, n]) => `${kind} ${n}`)
    console.log(
      `diff history → corpus: ${report.base.operations} → ${report.head.operations} operations; ${report.added.length} added, ` +
        `${report.removed.length} removed, ${report.changed.length} changed; the checker agrees on all ${proofs.length} ` +
        `(${breaking} breaking: ${proofs.filter((p) => !p.writes).length} break calls, ${proofs.filter((p) => !p.reads).length} break reading code); ` +
        `changes: ${kinds.join(', ')}; generate ${(timings.generate / 1000).toFixed(1)} s, prove ${(timings.prove / 1000).toFixed(1)} s`,
    )
  }, 600_000)
})
