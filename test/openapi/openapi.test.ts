import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'
import { emitOpenapi, OPENAPI_JSON, OPENAPI_YAML } from '../../generator/emit/openapi/emit-openapi.js'
import { operationIdOf } from '../../generator/emit/openapi/endpoint-operation.js'
import { openapiDocument } from '../../generator/emit/openapi/openapi-document.js'
import type { IrOperation } from '../../generator/ir/types.js'
import { docsDir, generated, irOf, page } from '../helpers.js'
import { lintOpenapi, operationsOf, type Doc } from './openapi-checks.js'

const opOf = (rows: string, path: string, response?: string, method?: string) => irOf(page(rows, response, method), path).document.operations
const documentOf = (operations: IrOperation[]) => openapiDocument(operations, 'test') as Doc
const only = (operations: IrOperation[]) => [...operationsOf(documentOf(operations)).values()][0]!

// The document as a run with the `openapi` target makes it.
const { document, outputs } = await generated(docsDir, ['openapi'])

describe('the OpenAPI document of docs/', () => {
  const json = JSON.parse(outputs.get(OPENAPI_JSON)!) as Doc

  test('golden openapi.yaml', async () => {
    await expect(outputs.get(OPENAPI_YAML)).toMatchFileSnapshot('../fixtures/golden/openapi.yaml')
  })

  test('the YAML is the JSON document', () => {
    expect(parse(outputs.get(OPENAPI_YAML)!)).toEqual(json)
  })

  test('is valid OpenAPI 3.1 and lint-clean under the recommended rules', async () => {
    const { errors } = await lintOpenapi(outputs.get(OPENAPI_JSON)!)
    expect(errors).toEqual([])
  })

  test('holds every operation of the IR, under the chain as its id', () => {
    expect([...operationsOf(json).keys()].sort()).toEqual(document.operations.map(operationIdOf).sort())
  })

  test('does not depend on the order of the operations', () => {
    expect(emitOpenapi([...document.operations].reverse())).toEqual(new Map([OPENAPI_JSON, OPENAPI_YAML].map((path) => [path, outputs.get(path)])))
  })
})

describe('operations', () => {
  test('APIv2 XML: the `xml` root, text replies, `sign` and `nonce_str` optional, the merchant certificate', () => {
    const rows = '| security {data-required} | `true` | x\n| xml {data-required} | object | x\n| mch_id {data-required data-indent=1} | string | x\n| sign {data-required data-indent=1} | string | x\n| total_fee {data-required data-indent=1} | integer | x'
    const op = only(opOf(rows, 'openapi/v2/pay/refund.md', '| return_code {data-required} | string | `SUCCESS` \\| `FAIL` 枚举值之一\n| total_fee {data-required} | integer | x'))
    const body = op.requestBody.content['text/xml'].schema
    expect(body).toMatchObject({ xml: { name: 'xml' }, required: ['mch_id', 'total_fee'], properties: { total_fee: { type: 'integer' }, nonce_str: { type: 'string' } } })
    expect(op.responses['200'].content['text/xml'].schema.properties.total_fee).toEqual({ description: 'x', type: 'string' })
    expect(op).toMatchObject({ operationId: 'v2.pay.refund.post', security: [{ MerchantCertificate: [] }], 'x-wechatpay-security': true })
  })

  test('APIv3: path parameters, query, headers (no Content-Type), signature scheme, base_uri as a server', () => {
    const rows = '| base_uri | string | 声明接入点`https://apihk.mch.weixin.qq.com/`(香港接入)\n| id {data-required} | integer | x\n| query {data-required} | object | x\n| limit {data-required data-indent=1} | integer | x\n| headers {data-required} | object | x\n| Wechatpay-Serial {data-required data-indent=1} | string | 序列号'
    const op = only(opOf(rows, 'openapi/v3/things/{id}.md', undefined, 'get'))
    expect(op.parameters).toEqual([
      { name: 'id', in: 'path', description: 'x', required: true, schema: { type: 'integer' } },
      { name: 'limit', in: 'query', description: 'x', required: true, schema: { type: 'integer' } },
      { name: 'Wechatpay-Serial', in: 'header', description: '序列号', required: true, schema: { type: 'string' } },
    ])
    expect(op.security).toEqual([{ 'WECHATPAY2-SHA256-RSA2048': [] }])
    expect(op.servers).toEqual([{ url: 'https://api.mch.weixin.qq.com' }, { url: 'https://apihk.mch.weixin.qq.com', description: expect.any(String) }])
    expect(op.operationId).toBe('v3.things._id_.get')
  })

  test('encrypted and encoded fields: the wire string, its decoded shape, how it is encoded', () => {
    const rows = `| json {data-required} | object | x
| name {data-indent=1} | string {data-encrypted=by-rsa-pubkey} | x
| scene {data-indent=1} | string {data-encoded=by-json_encode} | x
| {colspan=3 .im-table-line}
| a {data-required data-indent=2} | string | x
| b {data-indent=2} | integer | x`
    const [op] = opOf(rows, 'openapi/v3/encoded.md').filter((o) => o.kind === 'endpoint')
    const body = only([op!]).requestBody.content['application/json'].schema.properties
    expect(body.name).toMatchObject({ type: 'string', 'x-wechatpay-encrypted': 'rsa-pubkey' })
    expect(body.scene).toMatchObject({ type: 'string', contentMediaType: 'application/json', contentSchema: { type: 'object', required: ['a'] } })
  })

  test('an empty reply: 204', () => {
    const noContent = only(opOf('| id {data-required} | string | x', 'openapi/v3/things/{id}.md', '| 空字符串(无返回内容) {align=center colspan=3}', 'delete'))
    expect(Object.keys(noContent.responses)).toEqual(['204'])
  })
})

describe('shared shapes', () => {
  const amount = (extra = '') => `| json {data-required} | object | x\n| amount {data-required data-indent=1} | object | 金额\n| total {data-required data-indent=2} | integer | 总金额\n| currency {data-indent=2} | string | 币种${extra}`
  const twice = [...opOf(amount(), 'openapi/v3/a.md'), ...opOf(amount(), 'openapi/v3/b.md')]

  test('a shape in two operations becomes one component, referenced with the field description beside it', () => {
    const doc = documentOf(twice)
    expect(Object.keys(doc.components.schemas)).toEqual(['Amount'])
    expect(doc.components.schemas.Amount).toEqual({ type: 'object', properties: { total: { description: '总金额', type: 'integer' }, currency: { description: '币种', type: 'string' } }, required: ['total'] })
    for (const op of operationsOf(doc).values()) expect(op.requestBody.content['application/json'].schema.properties.amount).toEqual({ $ref: '#/components/schemas/Amount', description: '金额' })
  })

  test('a shape in one operation stays inline; a different description makes a different shape', () => {
    expect(documentOf(twice.slice(0, 1)).components.schemas).toBeUndefined()
    const differing = [...opOf(amount(), 'openapi/v3/a.md'), ...opOf(amount('（元）'), 'openapi/v3/b.md')]
    expect(documentOf(differing).components.schemas).toBeUndefined()
  })

  test('names of shapes that would share one are numbered by use, then content, whatever the order of pages', () => {
    const other = opOf(amount('（元）'), 'openapi/v3/c.md')
    const three = [...twice, ...other, ...opOf(amount('（元）'), 'openapi/v3/d.md'), ...opOf(amount(), 'openapi/v3/e.md')]
    const doc = documentOf(three)
    expect(Object.keys(doc.components.schemas)).toEqual(['Amount', 'Amount2'])
    expect(doc.components.schemas.Amount.properties.currency.description).toBe('币种') // used by three operations
    expect(documentOf([...three].reverse())).toEqual(doc)
  })
})
