// End to end: the generated client (generated/client.ts, the real wechatpay-axios-plugin typed by the generated
// declarations) against a local HTTPS server that verifies what WeChat Pay verifies and signs what it signs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent } from 'node:https'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWechatpay, type Wechatpay, type WechatpayConfig, type WechatpayValidationError } from '../../generated/client.js'
import { docsDir, generated, projectDir } from '../helpers.js'
import { MCHID, pem, startLocalWechatpay } from './local-wechatpay.js'
import type { FakeWechatpay, Handler } from './wechatpay-server.js'

let server: FakeWechatpay
// The runtime rewrites `secret` and `privateKey` in the object it is given, so each client gets a fresh one.
let configOf: (overrides?: Partial<WechatpayConfig>) => WechatpayConfig
let wxpay: Wechatpay
let trustedCa: string
/** The local server's routes, by reference: a test may replace one for a while. */
let handlers: Record<string, Handler>

beforeAll(async () => {
  handlers = {
    'POST /secapi/pay/profitsharingreturn': ({ body }) => ({
      ...pick(body, ['appid', 'mch_id', 'sub_mch_id', 'out_return_no', 'return_account_type', 'return_account', 'return_amount', 'description']),
      return_no: '3008450740201411110007820472',
      result: 'SUCCESS',
    }),
    'POST /v3/profitsharing/orders': ({ body }) => ({
      ...pick(body, ['sub_mchid', 'transaction_id', 'out_order_no']),
      order_id: '3008450740201411110007820472',
      state: 'PROCESSING',
    }),
    'GET /v3/profitsharing/orders/{out_order_no}': ({ url }) => {
      const query = new URL(url, server.baseURL).searchParams
      return { sub_mchid: query.get('sub_mchid'), transaction_id: query.get('transaction_id'), out_order_no: url.split('?')[0]!.split('/').pop(), order_id: '30084507', state: 'FINISHED' }
    },
  }
  const local = await startLocalWechatpay(handlers)
  server = local.server
  const { ca, ...config } = local.config
  configOf = (overrides = {}) => ({ ...config, httpsAgent: new Agent({ ca }), ...overrides })
  trustedCa = ca
  wxpay = createWechatpay(configOf())
})

afterAll(() => server?.close())

function pick(body: Record<string, unknown> | undefined, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => body?.[n] !== undefined).map((n) => [n, body![n]]))
}

const seedRequest = {
  mch_id: MCHID,
  sub_mch_id: '1900000110',
  appid: 'wx8888888888888888',
  sign_type: 'HMAC-SHA256' as const,
  out_return_no: 'R20190516001',
  return_account_type: 'MERCHANT_ID',
  return_account: '86693852',
  return_amount: 888,
  description: '用户退款',
}

const orderRequest = {
  sub_mchid: '1900000109',
  transaction_id: '4208450740201411110007820472',
  out_order_no: 'P20150806125346',
  receivers: [{ type: 'MERCHANT_ID' as const, account: '86693852', amount: 888, description: '分给商户A' }],
  unfreeze_unsplit: true,
}
const serial = { headers: { 'Wechatpay-Serial': 'PUB_KEY_ID_0119000010920250101000000000000' } }

describe('the seed request over mutual TLS with an HMAC-SHA256 signature', () => {
  it('presents the merchant certificate, signs the XML, and verifies the signed reply', async () => {
    server.mode = 'signed'
    const { data } = await wxpay.v2.secapi.pay.profitsharingreturn.post(seedRequest, { security: true })
    const seen = server.seen.at(-1)!
    expect(seen.clientCertificate).toBe(MCHID)
    expect(seen.signatureValid).toBe(true)
    expect(seen.body).toMatchObject({ out_return_no: 'R20190516001', return_amount: '888', sign_type: 'HMAC-SHA256' })
    expect(seen.body?.nonce_str).toMatch(/^[0-9A-Za-z]{32}$/)
    expect(data.return_code).toBe('SUCCESS')
    expect(data.return_no).toBe('3008450740201411110007820472')
    // The declarations type `return_amount` as a string: APIv2 replies are XML text, and the runtime keeps it so.
    expect(data.return_amount).toBe('888')
  })

  it('is refused without the merchant certificate', async () => {
    server.mode = 'signed'
    const bare = createWechatpay(configOf({ merchant: { ca: trustedCa } }))
    await expect(bare.v2.secapi.pay.profitsharingreturn.post(seedRequest, { security: true })).rejects.toThrow(/403/)
    expect(server.seen.at(-1)!.clientCertificate).toBeUndefined()
  })

  it('is refused by the server when signed with another key', async () => {
    server.mode = 'signed'
    const wrongKey = createWechatpay(configOf({ secret: 'x'.repeat(32) }))
    await expect(wrongKey.v2.secapi.pay.profitsharingreturn.post(seedRequest, { security: true })).rejects.toThrow(/return_code's value is FAIL/)
    expect(server.seen.at(-1)!.signatureValid).toBe(false)
  })

  it.each([
    ['tampered', /sign\(\w+\) doesn't matched the local calculated/],
    ['wrong-signature', /sign\(\w+\) doesn't matched the local calculated/],
  ] as const)('rejects a %s reply', async (mode, message) => {
    server.mode = mode
    const call = wxpay.v2.secapi.pay.profitsharingreturn.post(seedRequest, { security: true })
    await expect(call).rejects.toThrow(message)
    expect(server.seen.at(-1)!.signatureValid).toBe(true)
  })
})

describe('APIv3 calls signed with the merchant key, replies signed with the platform key', () => {
  it('POSTs JSON with an Authorization signature the server verifies, and verifies the reply', async () => {
    server.mode = 'signed'
    const { data, status } = await wxpay.v3.profitsharing.orders.post(orderRequest, serial)
    expect(status).toBe(200)
    const seen = server.seen.at(-1)!
    expect(seen).toMatchObject({ method: 'POST', url: '/v3/profitsharing/orders', signatureValid: true })
    expect(seen.body).toEqual(orderRequest)
    expect(data).toMatchObject({ out_order_no: 'P20150806125346', state: 'PROCESSING' })
  })

  it('GETs with a path parameter and a query, both covered by the signature', async () => {
    server.mode = 'signed'
    const { data } = await wxpay.v3.profitsharing.orders._out_order_no_.get({
      out_order_no: 'P20150806125346',
      params: { sub_mchid: '1900000109', transaction_id: '4208450740201411110007820472' },
    })
    const seen = server.seen.at(-1)!
    expect(seen).toMatchObject({
      method: 'GET',
      url: '/v3/profitsharing/orders/P20150806125346?sub_mchid=1900000109&transaction_id=4208450740201411110007820472',
      signatureValid: true,
    })
    expect(data).toMatchObject({ out_order_no: 'P20150806125346', sub_mchid: '1900000109', state: 'FINISHED' })
  })

  it('is refused by the server when signed with another merchant key', async () => {
    server.mode = 'signed'
    const wrongKey = createWechatpay(configOf({ privateKey: pem().privateKey }))
    await expect(wrongKey.v3.profitsharing.orders.post(orderRequest, serial)).rejects.toThrow(/401/)
    expect(server.seen.at(-1)!.signatureValid).toBe(false)
  })

  it.each(['tampered', 'wrong-signature'] as const)('rejects a %s reply', async (mode) => {
    server.mode = mode
    const call = wxpay.v3.profitsharing.orders._out_order_no_.get({
      out_order_no: 'P20150806125346',
      params: { sub_mchid: '1900000109', transaction_id: '4208450740201411110007820472' },
    })
    await expect(call).rejects.toThrow(/Verify the response's data with: timestamp=\d+, nonce=\w+, signature=\S+, cert=\{PUB_KEY_ID_\w+: \.\.\.\} failed/)
    expect(server.seen.at(-1)!.signatureValid).toBe(true)
  })
})

describe('opt-in validation on the real runtime: requests before they are signed, replies after they are verified', () => {
  // generated/ is made with the default targets, so its client has no schemas: a client of docs/ made with the
  // `validation` target, in a folder of its own inside the project (so its imports resolve as a user's would).
  let checkedClient: typeof import('../../generated/client.js')
  let dir: string
  beforeAll(async () => {
    const { outputs } = await generated(docsDir, ['types', 'client', 'validation'])
    const base = join(projectDir, 'node_modules/.cache')
    mkdirSync(base, { recursive: true })
    dir = mkdtempSync(join(base, 'validation-e2e-'))
    for (const [path, text] of outputs) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    checkedClient = (await import(pathToFileURL(join(dir, 'client.ts')).href)) as typeof checkedClient
  })
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }))

  it('is refused when made without the schemas (generated/, default targets), not left unchecked', () => {
    expect(() => createWechatpay(configOf(), { validate: 'both' })).toThrow(/generate them with the `validation` target/)
  })

  it('lets valid calls through both ways, and checks the verified APIv2 reply as XML text', async () => {
    server.mode = 'signed'
    const checked = checkedClient.createWechatpay(configOf(), { validate: 'both' })
    const { data } = await checked.v2.secapi.pay.profitsharingreturn.post(seedRequest, { security: true })
    expect(data.return_amount).toBe('888')
    const { data: order } = await checked.v3.profitsharing.orders.post(orderRequest, serial)
    expect(order.state).toBe('PROCESSING')
  })

  it('rejects a request that breaks its schema before anything is signed or sent', async () => {
    const checked = checkedClient.createWechatpay(configOf(), { validate: 'request' })
    const before = server.seen.length
    const bad = { ...orderRequest, receivers: [{ ...orderRequest.receivers[0]!, type: 'SOMEONE' }] } as unknown as typeof orderRequest
    const error = await checked.v3.profitsharing.orders.post(bad, {} as typeof serial).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(checkedClient.WechatpayValidationError)
    expect((error as WechatpayValidationError).issues.map((i) => `${i.path} ${i.rule}`)).toEqual(['data.receivers[0].type enum', 'config.headers required'])
    expect((error as Error).message).toMatch(/^v3\/profitsharing\/orders#post request: data\.receivers\[0\]\.type must be equal to one of the allowed values/)
    expect(server.seen.length).toBe(before)
  })

  it('rejects a verified reply that breaks its schema; a tampered one still fails verification first', async () => {
    server.mode = 'signed'
    const route = 'POST /v3/profitsharing/orders'
    const honest = handlers[route]!
    handlers[route] = (seen) => ({ ...honest(seen), state: 'LOST' })
    try {
      const checked = checkedClient.createWechatpay(configOf(), { validate: 'reply' })
      const error = await checked.v3.profitsharing.orders.post(orderRequest, serial).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(checkedClient.WechatpayValidationError)
      expect((error as WechatpayValidationError).issues.map((i) => `${i.path} ${i.rule}`)).toEqual(['reply.state enum'])
      expect(server.seen.at(-1)!.signatureValid).toBe(true)
      server.mode = 'wrong-signature'
      await expect(checked.v3.profitsharing.orders.post(orderRequest, serial)).rejects.toThrow(/Verify the response's data/)
    } finally {
      handlers[route] = honest
      server.mode = 'signed'
    }
  })
})
