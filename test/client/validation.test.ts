import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { pageSchemaFiles } from '../../generator/emit/client/operation-schemas.js'
import { withValidation, WechatpayValidationError, type ValidateOption } from '../../generator/emit/client/validation.js'
import { irOf, page } from '../helpers.js'

// The validation runtime as the generated client runs it: schema files written by the generator for a page, a fake
// runtime whose `request` records what reached it (what would be signed and sent) and answers with a given reply.
const dir = mkdtempSync(join(tmpdir(), 'wechatpay-validation-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const request = `| json {data-required} | object | x
| out_trade_no {data-required data-indent=1} | string | x
| amount {data-required data-indent=1} | object | x
| total {data-required data-indent=2} | integer | x
| currency {data-indent=2} | string | \`CNY\` 枚举值之一
| detail {data-indent=1} | object[] | x
| goods_id {data-required data-indent=2} | string | x
| quantity {data-indent=2} | integer | x
| tags {data-indent=1} | string[] | x
| id {data-required} | string | x
| query {data-required} | object | x
| mchid {data-required data-indent=1} | string | x
| headers {data-required} | object | x
| Wechatpay-Serial {data-required data-indent=1} | string | x`
const reply = `| state {data-required} | string | \`OPEN\` \\| \`CLOSED\` 枚举值之一
| payer | object | x
| openid {data-required data-indent=1} | string | x`
const { document } = irOf(page(request, reply), 'openapi/v3/things/{id}.md')
for (const [path, text] of pageSchemaFiles(document.pages[0]!, document.operations)) {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), text)
}
const schemas = pathToFileURL(join(dir, 'validation/'))

const valid = {
  data: { out_trade_no: 'T1', amount: { total: 1, currency: 'CNY' }, detail: [{ goods_id: 'G', quantity: 2 }], tags: ['a'] },
  config: { id: 'X', params: { mchid: '1900000109' }, headers: { 'Wechatpay-Serial': 'PUB_KEY_ID_1' } },
}

function client(validate: ValidateOption, answer: unknown = { state: 'OPEN', payer: { openid: 'o' } }) {
  const sent: unknown[] = []
  const fake = {
    client: {
      request: async (pathname: string, method: string, data?: unknown, config?: unknown) => {
        sent.push({ pathname, method, data, config })
        return { data: answer }
      },
    },
  }
  const wxpay = withValidation(fake, validate, schemas)
  const call = (data: unknown, config: unknown, pathname = 'v3/things/{id}') => wxpay.client.request(pathname, 'post', data, config as Record<string, unknown>)
  return { call, sent }
}

async function issuesOf(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(WechatpayValidationError)
  return (error as WechatpayValidationError).issues.map((i) => `${i.path} ${i.rule}`)
}

describe('request validation: each rule kind named with its path, nothing sent', () => {
  const cases: Array<[string, { data?: unknown; config?: unknown; want: string[] }]> = [
    ['missing required member', { data: { ...valid.data, out_trade_no: undefined }, want: ['data.out_trade_no required'] }],
    ['wrong type', { data: { ...valid.data, out_trade_no: 1 }, want: ['data.out_trade_no type'] }],
    ['enum', { data: { ...valid.data, amount: { total: 1, currency: 'USD' } }, want: ['data.amount.currency enum'] }],
    ['nested path', { data: { ...valid.data, amount: { total: '1' } }, want: ['data.amount.total type'] }],
    ['object array item', { data: { ...valid.data, detail: [{ goods_id: 'G' }, { quantity: 1 }] }, want: ['data.detail[1].goods_id required'] }],
    ['scalar array item', { data: { ...valid.data, tags: ['a', 2] }, want: ['data.tags[1] type'] }],
    ['missing body', { data: undefined, want: ['data.out_trade_no required', 'data.amount required'] }],
    ['missing path parameter', { config: { ...valid.config, id: undefined }, want: ['config.id required'] }],
    ['missing query member', { config: { ...valid.config, params: {} }, want: ['config.params.mchid required'] }],
    ['missing header', { config: { ...valid.config, headers: {} }, want: ['config.headers["Wechatpay-Serial"] required'] }],
    ['no config at all', { config: undefined, want: ['config.id required', 'config.params required', 'config.headers required'] }],
  ]
  test.each(cases)('%s', async (_, given) => {
    const { call, sent } = client('request')
    const data = 'data' in given ? given.data : valid.data
    const config = 'config' in given ? given.config : valid.config
    expect(await issuesOf(call(data, config))).toEqual(given.want)
    expect(sent).toEqual([])
  })

  test('a valid call reaches the runtime unchanged; headers match whatever their case', async () => {
    const { call, sent } = client('both')
    const config = { ...valid.config, headers: { 'wechatpay-serial': 'PUB_KEY_ID_1' } }
    await expect(call(valid.data, config)).resolves.toEqual({ data: { state: 'OPEN', payer: { openid: 'o' } } })
    expect(sent).toEqual([{ pathname: 'v3/things/{id}', method: 'post', data: valid.data, config }])
  })

  test('the message names the operation, the path and the rule', async () => {
    const { call } = client('request')
    await expect(call({ ...valid.data, amount: { total: 1, currency: 'USD' } }, valid.config)).rejects.toThrow(
      'v3/things/{id}#post request: data.amount.currency must be equal to one of the allowed values: "CNY" (enum)',
    )
  })

  test.each(['v3/unknown/thing', 'v3/../../etc/passwd', 'v3/things/%2e%2e', 'x'])('a call to %s, which has no schema, is not checked', async (pathname) => {
    const { call, sent } = client('both')
    await call({}, {}, pathname)
    expect(sent).toHaveLength(1)
  })

  test('without the schema files (no `validation` target) the client is refused, not left unchecked', () => {
    const nowhere = pathToFileURL(join(dir, 'missing/'))
    expect(() => withValidation({ client: { request: async () => ({}) } }, 'both', nowhere)).toThrow(/generate them with the `validation` target/)
  })

  test('an unknown mode is refused when the client is made', () => {
    expect(() => withValidation({ client: { request: async () => ({}) } }, 'all' as ValidateOption, schemas)).toThrow(/Unexpected validate option "all"/)
  })
})

describe('reply validation, after the runtime verified the reply', () => {
  test.each([
    ['enum', { state: 'PAUSED' }, ['reply.state enum']],
    ['missing nested member', { state: 'OPEN', payer: {} }, ['reply.payer.openid required']],
    ['missing member', {}, ['reply.state required']],
  ])('%s', async (_, answer, want) => {
    const { call } = client('reply', answer)
    const error = await call(valid.data, valid.config).catch((e: unknown) => e)
    expect((error as WechatpayValidationError).issues.map((i) => `${i.path} ${i.rule}`)).toEqual(want)
    expect((error as WechatpayValidationError).direction).toBe('reply')
    expect((error as WechatpayValidationError).response).toEqual({ data: answer })
  })

  test("'request' leaves replies alone, 'reply' leaves requests alone", async () => {
    await expect(client('request', { state: 'PAUSED' }).call(valid.data, valid.config)).resolves.toBeDefined()
    await expect(client('reply').call({}, {})).resolves.toBeDefined()
  })
})
