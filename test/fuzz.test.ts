import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { pageSchemaFiles } from '../generator/emit/client/operation-schemas.js'
import { openapiDocument } from '../generator/emit/openapi/openapi-document.js'
import { listPages } from '../generator/run/list-pages.js'
import { corpusDir, docsDir, hasCorpus, irOf } from './helpers.js'

type Mutation =
  | { kind: 'drop-cell'; line: number; cell: number }
  | { kind: 'indent'; line: number; indent: number }
  | { kind: 'break-attribute'; line: number; how: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; line: number; other: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop-cell' as const), line: fc.nat(), cell: fc.nat(4) }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), indent: fc.integer({ min: -1, max: 12 }) }),
  fc.record({ kind: fc.constant('break-attribute' as const), line: fc.nat(), how: fc.nat(4) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }),
)

/** Applies a mutation; line numbers wrap around, and most of them land in tables, where the interest is. */
function mutate(source: string, m: Mutation): string {
  if (m.kind === 'truncate') return source.slice(0, m.at % (source.length + 1))
  const lines = source.split('\n')
  const rows = lines.map((l, i) => (l.startsWith('|') ? i : -1)).filter((i) => i >= 0)
  const pick = (n: number) => (rows.length > 0 && n % 4 !== 0 ? rows[n % rows.length]! : n % lines.length)
  const i = pick(m.line)
  const line = lines[i] ?? ''
  switch (m.kind) {
    case 'drop-cell': {
      const cells = line.split('|')
      cells.splice(1 + (m.cell % Math.max(1, cells.length - 1)), 1)
      lines[i] = cells.join('|')
      break
    }
    case 'indent':
      lines[i] = m.indent < 0 ? line.replace(/ ?data-indent=\d+/, '') : /data-indent=\d+/.test(line) ? line.replace(/data-indent=\d+/, `data-indent=${m.indent}`) : line.replace(/^\| (\S+)/, `| $1 {data-indent=${m.indent}}`)
      break
    case 'break-attribute':
      lines[i] = [line.replace('}', ''), line.replace('{', ''), line.replace('=', '="'), line.replace(/\{[^}]*\}/, '{data-indent=}'), line.replace(/\{/, '{{')][m.how]!
      break
    case 'delete-line':
      lines.splice(i, 1)
      break
    case 'duplicate-line':
      lines.splice(i, 0, line)
      break
    case 'swap-lines': {
      const j = pick(m.other)
      ;[lines[i], lines[j]] = [lines[j] ?? '', line]
      break
    }
  }
  return lines.join('\n')
}

describe('fuzz: mutated pages never throw and always give positioned diagnostics', () => {
  const sources = [
    ...listPages(docsDir).map((p) => ({ path: p, text: readFileSync(join(docsDir, p), 'utf8') })),
    ...(hasCorpus ? listPages(corpusDir).filter((_, i) => i % 9 === 0).map((p) => ({ path: p, text: readFileSync(join(corpusDir, p), 'utf8') })) : []),
  ]
  test(`${sources.length} pages × 2,500 random mutation sets`, () => {
    let diagnostics = 0
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, mutations) => {
        const { path, text } = sources[which % sources.length]!
        const mutated = mutations.reduce(mutate, text)
        const { diagnostics: found, document } = irOf(mutated, path)
        diagnostics += found.length
        for (const d of found) {
          expect(Number.isInteger(d.line) && d.line >= 1).toBe(true)
          expect(Number.isInteger(d.column) && d.column >= 1).toBe(true)
          expect(d.ruleId).toMatch(/^[a-z-]+$/)
        }
        expect(() => JSON.stringify(document)).not.toThrow()
        // The emitters of the validation and openapi targets take whatever IR the page gives.
        for (const page of document.pages) expect(() => pageSchemaFiles(page, document.operations)).not.toThrow()
        expect(() => JSON.stringify(openapiDocument(document.operations, 'fuzz'))).not.toThrow()
      }),
      { numRuns: 2500, seed: Number(process.env.FUZZ_SEED ?? 20261121) },
    )
    // Mutations this destructive must be noticed somewhere.
    expect(diagnostics).toBeGreaterThan(2500)
  })
})
