import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { buildPage, type PageInput } from '../generator/run/build-page.js'
import { decodeEntry, encodeEntry, PageCache, writeEntry } from '../generator/run/page-cache.js'
import { docsDir } from './helpers.js'

const path = 'openapi/v2/secapi/pay/profitsharingreturn.md'
const input: PageInput = { path, source: readFileSync(join(docsDir, path), 'utf8'), displayPath: `docs/${path}`, docsLabel: 'docs', targets: ['types', 'docs'] }

/** A result with its UTF-8 texts as strings, to compare by value. */
const plain = (result: ReturnType<typeof buildPage>) => ({
  ...result,
  operations: result.operations.map((op) => ({ ...op, entry: Buffer.from(op.entry).toString() })),
  outputs: Object.fromEntries(Object.entries(result.outputs).map(([p, text]) => [p, Buffer.from(text).toString()])),
})

describe('page cache entries', () => {
  const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-cache-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const result = buildPage(input)

  test('an entry decodes to the result it was encoded from', () => {
    expect(Object.keys(result.outputs)).toHaveLength(2)
    expect(plain(decodeEntry(encodeEntry(result)))).toEqual(plain(result))
  })

  test('a cut-short, lengthened or garbled entry is a miss, not a crash', async () => {
    const cache = new PageCache(work, 'test')
    const key = cache.key(input)
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
})
