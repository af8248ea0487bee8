// End to end: the generated client (generated/client.ts, the real wechatpay-axios-plugin typed by the generated
// declarations) against a local HTTPS server that verifies what WeChat Pay verifies and signs what it signs.
import { Agent } from 'node:https'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWechatpay, type Wechatpay, type WechatpayConfig } from '../../generated/client.js'
import { MCHID, pem, startLocalWechatpay } from './local-wechatpay.js'
import type { FakeWechatpay } from './wechatpay-server.js'

let server: FakeWechatpay
// The runtime rewrites `secret` and `privateKey` in the object it is given, so each client gets a fresh one.
let configOf: (overrides?: Partial<WechatpayConfig>) => WechatpayConfig
let wxpay: Wechatpay
let trustedCa: string

beforeAll(async () => {
  const local = await startLocalWechatpay({
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
  })
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
