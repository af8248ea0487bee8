import { isDeepStrictEqual } from 'node:util'
import { Project } from 'ts-morph'
import { describe, expect, test } from 'vitest'
import { pageDeclarations } from '../generator/emit/types/emit-types.js'
import { typesPath } from '../generator/emit/types/types-index.js'
import { plain, readStructures } from './emit/read-structures.js'
import { corpusDir, generated, hasCorpus } from './helpers.js'

// Every declaration file generate prints for the corpus, read back with ts-morph, holds exactly the structures the
// types emitter printed: namespaces, interfaces, members, JSDoc and every type tree.
describe.skipIf(!hasCorpus)('declaration files of the corpus read back with ts-morph', () => {
  test('each file equals the ts-morph structures it was printed from', async () => {
    const { outputs, document } = await generated(corpusDir, ['types'])
    const byId = new Map(document.operations.map((op) => [op.id, op]))
    const project = new Project({ useInMemoryFileSystem: true })
    let files = 0
    let statements = 0
    for (const page of document.pages) {
      const text = outputs.get(typesPath(page.source.file))
      if (text === undefined) continue
      const file = project.createSourceFile('/page.d.ts', Buffer.from(text).toString('utf8'), { overwrite: true })
      const structures = pageDeclarations(page.operations.map((id) => byId.get(id)!))
      const read = readStructures(file)
      // One assertion per file would make a thousand diffs of a systematic fault; the first is enough to see it.
      const want = plain(structures)
      if (!isDeepStrictEqual(read, want)) expect({ file: page.source.file, ...firstDifference(read, want) }).toEqual({ file: page.source.file })
      files++
      statements += read.length
    }
    expect(files).toBe([...outputs.keys()].filter((path) => path.startsWith('types/openapi/') || path.startsWith('types/webhook/')).length)
    expect(files).toBeGreaterThan(0)
    console.log(`structures read back: ${files} declaration files, ${statements} top-level namespaces, all equal to the printed structures`)
  }, 600_000)
})

/** Where two values first differ, as a path and the two values there. */
function firstDifference(read: unknown, want: unknown, path = ''): { path: string; read: unknown; want: unknown } | undefined {
  if (isDeepStrictEqual(read, want)) return undefined
  if (read && want && typeof read === 'object' && typeof want === 'object') {
    for (const key of new Set([...Object.keys(read), ...Object.keys(want)])) {
      const found = firstDifference((read as Record<string, unknown>)[key], (want as Record<string, unknown>)[key], `${path}.${key}`)
      if (found) return found
    }
  }
  return { path, read, want }
}
