// Example calls over the corpus: how many import placeholder values instead of the docs' own, counted from the
// corpus, against what leaves-only values gave (the rule before objects were put back together). The twoslash corpus
// tests prove every one of these calls compiles.
import { describe, expect, test } from 'vitest'
import { callExample } from '../generator/emit/docs/call-example.js'
import { literalOf } from '../generator/emit/docs/example-values.js'
import type { IrEndpoint, IrField } from '../generator/ir/types.js'
import { readDocs } from '../generator/read-docs.js'
import { corpusDir, hasCorpus } from './helpers.js'

describe.skipIf(!hasCorpus)('example values over the corpus', () => {
  test('objects the PHP samples fill are written out: fewer calls with placeholders', () => {
    const { document } = readDocs(corpusDir)
    const endpoints = document.operations.filter((op): op is IrEndpoint => op.kind === 'endpoint')
    let calls = 0
    let placeholders = 0
    let leafOnlyCalls = 0
    let objectsWritten = 0
    for (const op of endpoints) {
      const example = callExample(op)
      const names = [...example.declared.entries.keys()]
      if (names.length > 0) calls++
      placeholders += names.length
      // Leaves only: a body member of object type never had a value of its own.
      const body = op.request.roots.find((r) => r.role === 'json' || r.role === 'xml' || r.role === 'body')?.field
      const members: IrField[] = body?.type.kind === 'object' ? body.type.fields : []
      const opaque = members.filter((f) => (f.type.kind === 'object' || (f.type.kind === 'array' && f.type.items.kind === 'object')) && literalOf(f.type, f.example) === undefined)
      if (names.length > 0 || opaque.length > 0) leafOnlyCalls++
      objectsWritten += opaque.filter((f) => !names.includes(f.name) && example.code.includes(`  ${f.name}: `)).length
    }
    console.log(
      `example calls: ${endpoints.length}; with placeholders: ${calls} (${placeholders} values); ` +
        `calls with an object member left to a placeholder by leaf values alone: ${leafOnlyCalls}; object members now written out: ${objectsWritten}`,
    )
    expect(calls).toBeLessThan(leafOnlyCalls)
    expect(objectsWritten).toBeGreaterThan(0)
  })
})
