import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parameterTables, typeLabel } from '../../../generator/emit/docs/parameter-table.js'
import { newContext } from '../../../generator/emit/types/declare-object.js'
import type { IrEndpoint, IrType } from '../../../generator/ir/types.js'
import { corpusDir, docsDir, generated, hasCorpus, irOf, page, pageOutputs } from '../../helpers.js'

const request = newContext('request', false, undefined, 'JsonDataRequest')
const xmlReply = newContext('response', true, undefined, 'WellformedResponse')
const enumOf = (...values: Array<string | number>) => ({ kind: 'enum' as const, values })
const payload = { kind: 'object' as const, fields: [] }

// The type column is the type the declarations give the field, on one line.
describe('type labels', () => {
  const cases: Array<[string, { given: IrType; xml?: boolean; want: string }]> = [
    ['a string', { given: { kind: 'scalar', name: 'string' }, want: 'string' }],
    ['an integer is a number', { given: { kind: 'scalar', name: 'integer' }, want: 'number' }],
    ['an integer of an APIv2 reply is a string (XML text)', { given: { kind: 'scalar', name: 'integer' }, xml: true, want: 'string' }],
    ['a boolean of an APIv2 reply is a string', { given: { kind: 'scalar', name: 'boolean' }, xml: true, want: 'string' }],
    ['a string enum', { given: { kind: 'scalar', name: 'string', enum: enumOf('A', 'B') }, want: '"A" | "B"' }],
    ['a numeric enum on an integer', { given: { kind: 'scalar', name: 'integer', enum: enumOf(3, 6) }, want: '3 | 6' }],
    ['a numeric enum of an APIv2 reply', { given: { kind: 'scalar', name: 'integer', enum: enumOf(3, 6) }, xml: true, want: '"3" | "6"' }],
    ['an array of an enum, in parentheses', { given: { kind: 'array', items: { kind: 'scalar', name: 'string', enum: enumOf('a', 'b') } }, want: '("a" | "b")[]' }],
    ['an array of a one-value enum', { given: { kind: 'array', items: { kind: 'scalar', name: 'string', enum: enumOf('a') } }, want: '"a"[]' }],
    ['an array of integers', { given: { kind: 'array', items: { kind: 'scalar', name: 'integer' } }, want: 'number[]' }],
    ['an object array', { given: { kind: 'array', items: { kind: 'object', fields: [] } }, want: 'object[]' }],
    ['an encrypted string', { given: { kind: 'encoded', via: 'aes-gcm', payload, shape: 'object' }, want: 'string' }],
    ['a payload without a marked encoding', { given: { kind: 'encoded', via: 'unspecified', payload, shape: 'object' }, want: 'string' }],
    ['an encoded enum', { given: { kind: 'encoded', via: 'json_encode', payload, shape: 'object', enum: enumOf('X') }, want: '"X"' }],
    ['a literal true', { given: { kind: 'true' }, want: 'true' }],
    ['a file part', { given: { kind: 'opaque', file: true }, want: 'file' }],
    ['a quote in a literal', { given: { kind: 'scalar', name: 'string', enum: enumOf("it's") }, want: '"it\'s"' }],
  ]
  test.each(cases)('%s', (_, { given, xml, want }) => {
    expect(typeLabel(given, xml ? xmlReply : request)).toBe(want)
  })
})

describe('parameter tables', () => {
  test('an array of an enum reads as one array type', () => {
    const { document } = irOf(page('| json {data-required} | object | x\n| limit_pay {data-indent=1} | string[] | `no_balance` \\| `no_credit` 枚举值之一'))
    const table = parameterTables(document.operations[0]!)
    expect(table).toContain('| `limit_pay` | ("no_balance" \\| "no_credit")[] |  |')
  })

  test('an encoded field names its decoded type', () => {
    const rows = '| body {data-required} | object | `multipart/form-data`\n| file {data-required data-indent=1} | object | x\n| meta {data-required data-indent=1} | string | JSON\n| {colspan=3 .im-table-line}\n| filename {data-required data-indent=2} | string | x'
    const { document } = irOf(page(rows), 'openapi/v3/merchant/media/upload.md')
    const table = parameterTables(document.operations[0]!)
    expect(table).toContain('| `meta` | string | ✓ | JSON<br/>内容：BinaryDataRequestMeta |')
    expect(table).not.toContain('unspecified')
  })

  test("an APIv2 reply's integer is the string the declarations give it", () => {
    const source = readFileSync(join(docsDir, 'openapi/v2/secapi/pay/profitsharingreturn.md'), 'utf8')
    const { document } = irOf(source, 'openapi/v2/secapi/pay/profitsharingreturn.md')
    const op = document.operations[0] as IrEndpoint
    const [requestTable, replyTable] = parameterTables(op).split('**返回参数**')
    expect(requestTable).toContain('| `return_amount` | number | ✓ |')
    expect(replyTable).toContain('| `return_amount` | string | ✓ |')
  })
})

describe('docs page notes', () => {
  test('every official link is kept', async () => {
    const links = [1, 2, 3, 4].map((n) => `[官方文档](https://pay.weixin.qq.com/doc/v3/partner/${n})`).join(' ')
    const markdown = page('| json {data-required} | object | x\n| a {data-indent=1} | string | x').replace(/参阅 .*/, `参阅 ${links}`)
    const outputs = await pageOutputs(markdown, 'openapi/v3/test/page.md', ['docs'])
    const text = outputs.get('docs/openapi/v3/test/page.md')!
    for (const n of [1, 2, 3, 4]) expect(text).toContain(`(https://pay.weixin.qq.com/doc/v3/partner/${n})`)
    expect(text).toContain('参阅 [官方文档](https://pay.weixin.qq.com/doc/v3/partner/2) [官方文档](https://pay.weixin.qq.com/doc/v3/partner/3)')
  })

  test("a webhook page keeps the docs' notes and samples, the samples as plain code blocks", async () => {
    const path = 'webhook/v3/PROFITSHARING.RETURN.md'
    const outputs = await pageOutputs(readFileSync(join(docsDir, path), 'utf8'), path, ['docs'])
    const text = outputs.get(`docs/${path}`)!
    expect(text).toContain('> [!IMPORTANT]\n> 注意：\n> - 同一通知可能送达多次，处理时须幂等。\n')
    const samples = text.slice(text.indexOf('## 官方示例'))
    expect(samples).toMatch(/^## 官方示例 \{#post-samples\}\n\n```php \[处理程序\]\n\$inBody = file_get_contents\('php:\/\/input'\);\n/)
    expect(samples).not.toContain('twoslash')
    // The twoslash block stays the only one before the samples.
    expect(text.slice(0, text.indexOf('## 官方示例')).match(/^```js twoslash$/gm)).toHaveLength(1)
  })
})

describe.skipIf(!hasCorpus)('docs pages of the corpus', () => {
  test("every official link, note and webhook sample is on its page; no table type reads as a bare union's array", async () => {
    const { document, outputs } = await generated(corpusDir, ['docs'])
    const missing: string[] = []
    let links = 0
    for (const op of document.operations) {
      const text = outputs.get(`docs/${op.source.file}`)!
      for (const link of op.links) {
        links++
        if (!text.includes(`(${link.url})`)) missing.push(`${op.id}: ${link.url}`)
      }
      if (op.notices.length > 0 && !text.includes('> [!')) missing.push(`${op.id}: notices`)
      if (op.kind === 'webhook' && op.samples.some((s) => !text.includes(s.code))) missing.push(`${op.id}: samples`)
    }
    expect(missing).toEqual([])
    expect(links).toBeGreaterThan(document.operations.length)
    const pages = [...outputs].filter(([path]) => path.startsWith('docs/'))
    // `"a" | "b"[]` (an array of the last value only) and the IR's `string (via)` are gone from every type column.
    expect(pages.filter(([, text]) => /^\| `[^`]*` \| "[^|]*\\\| [^|]*"\[\] \|/m.test(text)).map(([path]) => path)).toEqual([])
    expect(pages.filter(([, text]) => /^\| `[^`]*` \| string \(/m.test(text)).map(([path]) => path)).toEqual([])
  }, 300_000)
})
