import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { buildPage, type PageInput } from '../../generator/run/build-page.js'
import { decodeEntry, encodeEntry, PageCache, writeEntry } from '../../generator/run/page-cache.js'
import { docsDir } from '../helpers.js'

const path = 'openapi/v2/secapi/pay/profitsharingreturn.md'
const other = 'openapi/v3/merchant/media/upload.md'
const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-cache-'))
const cache = new PageCache(work, 'test')
const inputOf = (page: string): PageInput => {
  const input: PageInput = { path: page, source: readFileSync(join(docsDir, page)), targets: ['types', 'docs'] }
  return { ...input, key: cache.key(input) }
}
const input = inputOf(path)

/** A result with its UTF-8 texts as strings, to compare by value. */
const plain = (result: ReturnType<typeof buildPage>) => ({
  ...result,
  operations: result.operations.map((op) => ({ ...op, entry: Buffer.from(op.entry).toString() })),
  outputs: Object.fromEntries(Object.entries(result.outputs).map(([p, text]) => [p, Buffer.from(text).toString()])),
})

describe('page cache entries', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const result = buildPage(input)

  test('an entry decodes to the result it was encoded from', () => {
    expect(Object.keys(result.outputs)).toHaveLength(2)
    expect(plain(decodeEntry(encodeEntry(result)))).toEqual(plain(result))
  })

  test('a cut-short, lengthened or garbled entry is a miss, not a crash', async () => {
    const key = input.key!
    const entry = encodeEntry(result)
    await writeEntry(cache.fileOf(key), entry)
    expect(plain(cache.get(key, input)!)).toEqual(plain(result))
    expect(cache.get(key, { ...input, targets: ['types', 'docs', 'other' as 'docs'] })).toBeUndefined()
    for (const damaged of [entry.subarray(0, entry.length - 1), Buffer.concat([entry, Buffer.from('x')]), Buffer.from('{"page":\n'), Buffer.alloc(0)]) {
      writeFileSync(cache.fileOf(key), damaged)
      expect(() => decodeEntry(damaged)).toThrow()
      expect(cache.get(key, input)).toBeUndefined()
    }
    expect(cache.get('0'.repeat(64), input)).toBeUndefined()
  })

  // Finding 5 of issue 12: entries are untrusted.
  test('an entry made for another page or key, or naming another output path, is a miss', async () => {
    const key = input.key!
    const otherInput = inputOf(other)
    const otherEntry = encodeEntry(buildPage(otherInput))
    // Copied over this page's key: made for another key and page.
    await writeEntry(cache.fileOf(key), otherEntry)
    expect(cache.get(key, input)).toBeUndefined()
    // This page's entry, with an output path that leaves the output folder.
    const escaping = { ...result, outputs: { ...result.outputs, '../../ESCAPED.md': Buffer.from('x') } }
    await writeEntry(cache.fileOf(key), encodeEntry(escaping))
    expect(cache.get(key, input)).toBeUndefined()
    // Its own entry still hits, and hands out only the targets asked for.
    await writeEntry(cache.fileOf(key), encodeEntry(result))
    expect(Object.keys(cache.get(key, { ...input, targets: ['types'] })!.outputs)).toEqual(['types/openapi/v2/secapi/pay/profitsharingreturn.d.ts'])
  })

  test('an entry with the validation target holds only its own endpoints’ schema files', async () => {
    const withSchemas = { ...input, targets: ['types', 'docs', 'validation'] } satisfies PageInput
    const key = withSchemas.key!
    const built = buildPage(withSchemas)
    const schemas = 'validation/v2/secapi/pay/profitsharingreturn.post.json'
    expect(Object.keys(built.outputs)).toContain(schemas)
    await writeEntry(cache.fileOf(key), encodeEntry(built))
    expect(Object.keys(cache.get(key, withSchemas)!.outputs)).toContain(schemas)
    // Asked without validation: the schema file is left out, and the entry serves the narrower run.
    expect(Object.keys(cache.get(key, input)!.outputs)).not.toContain(schemas)
    // Another page's schema file in this page's entry: a miss.
    const foreign = { ...built, outputs: { ...built.outputs, 'validation/v3/merchant/media/upload.post.json': Buffer.from('{}') } }
    await writeEntry(cache.fileOf(key), encodeEntry(foreign))
    expect(cache.get(key, withSchemas)).toBeUndefined()
  })
})
