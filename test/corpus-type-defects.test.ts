import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { IrField, IrObjectType } from '../generator/ir/types.js'
import { corpusDir, hasCorpus, irOf, pageOutputs } from './helpers.js'

// The four type defects an independent check found (issue 15), each on the corpus page it was found on.
if (!hasCorpus) console.log(`corpus-type-defects: skipped, ${corpusDir} is absent`)

const read = (path: string) => readFileSync(join(corpusDir, path), 'utf8')
/** The declarations of one corpus page, JSDoc kept (`text`) and stripped to single spaces (`bare`). */
async function typesOf(path: string) {
  const text = (await pageOutputs(read(path), path, ['types'])).get(`types/${path.replace(/\.md$/, '.d.ts')}`)!
  return { text, bare: text.replace(/\/\*\*[\s\S]*?\*\/\s*/g, '').replace(/\s+/g, ' ') }
}
const field = (fields: IrField[], name: string) => fields.find((f) => f.name === name)!
const objectOf = (f: IrField) => f.type as IrObjectType

describe.skipIf(!hasCorpus)('issue 15 type defects, on their corpus pages', () => {
  test('MCHWITHDRAW.CHANGE: the decrypted resource is one of the three results, not wrapped in `original_data`', async () => {
    const path = 'webhook/v3/MCHWITHDRAW.CHANGE.md'
    const { document, diagnostics } = irOf(read(path), path)
    const body = document.operations[0]!.request.roots.find((r) => r.role === 'body')!.field
    const ciphertext = field(objectOf(field(objectOf(body).fields, 'resource')).fields, 'ciphertext')
    expect(ciphertext.type.kind).toBe('encoded')
    const payload = ciphertext.type.kind === 'encoded' ? ciphertext.type.payload : undefined
    // The page documents three `original_data` results, the members the handler's `resource.original_data` holds.
    const written = (read(path).match(/^\| original_data \{data-indent=2\}/gm) ?? []).length
    expect(written).toBeGreaterThan(1)
    expect(payload?.fields).toEqual([])
    expect(payload?.variants).toHaveLength(written)
    for (const variant of payload!.variants!) {
      expect(variant.map((f) => f.name)).toEqual(expect.arrayContaining(['status', 'withdraw_id', 'out_request_no']))
    }
    expect(diagnostics.filter((d) => d.ruleId === 'payload-handler-key')).toHaveLength(1)
    const { bare } = await typesOf(path)
    expect(bare).toMatch(/export type JsonDataRequestResourceCiphertext = \| \{ status: 'CREATE_SUCCESS'/)
    expect(bare).not.toContain('original_data')
  })

  test('offlineface/transactions: the childless `promotion_detail` object[] is an array of objects', async () => {
    const path = 'openapi/v3/offlineface/transactions.md'
    const { document } = irOf(read(path), path)
    const reply = document.operations[0]!.response.fields
    expect(field(reply, 'promotion_detail').type).toEqual({ kind: 'array', items: { kind: 'opaque', file: false } })
    expect((await typesOf(path)).bare).toContain('promotion_detail?: Array<{ [key: string]: unknown }>')
  })

  test('report-trade-union-information: `offline_delivery_label`, 枚举值 in prose before its list, is 1 | 2', async () => {
    const path = 'openapi/v3/merchant-risk-manage/report-trade-union-information.md'
    const { diagnostics } = irOf(read(path), path)
    const about = diagnostics.filter((d) => d.message.includes('`offline_delivery_label`')).map((d) => d.ruleId)
    expect(about).toEqual(['enum-irregular'])
    expect((await typesOf(path)).bare).toContain('offline_delivery_label?: 1 | 2')
  })

  test('a required root whose members are all optional: `params?` and `data?`, each saying why', async () => {
    const query = await typesOf('openapi/v3/marketing/partnerships.md')
    expect(query.bare).toMatch(/interface RequestConfig extends AxiosRequestConfig \{[^}]* params\?: \{/)
    expect(query.text).toContain('`params` is optional: the docs mark `query` required, but none of its members is.')
    const body = await typesOf('openapi/v3/brand/applyments/cancel-applyment.md')
    expect(body.bare).toMatch(/post\( data\?: \w+\.PostHttpMethod\.JsonDataRequest,/)
    expect(body.text).toContain('`data` is optional: the docs mark `json` required, but none of its members is.')
  })
})
