// End to end: every webhook page of docs/ becomes a notification, encrypted and signed as WeChat Pay does it, posted
// to a node:http server on 127.0.0.1 that hands Node's headers and the raw body to the generated receiver
// (generated/client.ts) and answers with its reply. The same values come back, typed; altered or unverifiable
// notifications are refused, each with its own code, and nothing is returned.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from 'vitest'
import * as client from '../../generated/client.js'
import { NotificationError, type Notification, type NotificationErrorCode } from '../../generated/client.js'
import type { IrWebhook } from '../../generator/ir/types.js'
import { readDocs } from '../../generator/run/read-docs.js'
import { docsDir } from '../helpers.js'
import { startEndpoint, type Endpoint, type ReceiverModule } from './receiver-server.js'
import { outgoing, signedHeaders, tamperV2, type Change, type NotifierKeys } from './wechatpay-notifier.js'
import { notifierKeys, pem } from './local-wechatpay.js'

const { keys, platform } = notifierKeys()
const webhooks = (await readDocs(docsDir)).document.operations.filter((op): op is IrWebhook => op.kind === 'webhook')
const v3 = webhooks.find((op) => op.protocol === 'v3')!
const v2 = webhooks.find((op) => op.protocol === 'v2')!

let endpoint: Endpoint
beforeAll(async () => {
  endpoint = await startEndpoint(client as unknown as ReceiverModule, { apiv3Key: keys.apiv3Key, certs: { [keys.platformSerial]: platform.publicKey }, secret: keys.secret })
})
afterAll(() => endpoint?.close())

describe('every webhook page of docs/, through node:http and the generated receiver', () => {
  test('docs/ has notifications of both protocols', () => {
    expect(webhooks.map((op) => op.protocol).sort()).toEqual(['v2', 'v3'])
  })

  test.each(webhooks.map((op) => [op.id, op] as const))('%s arrives verified, decrypted and equal to what was sent', async (_, op) => {
    const notification = outgoing(op, keys)
    const reply = await endpoint.post(notification)
    expect(endpoint.outcomes.at(-1)).toEqual({ value: notification.expected })
    if (op.protocol === 'v3') expect(reply).toEqual({ status: 204, contentType: null, body: '' })
    else expect(reply).toMatchObject({ status: 200, body: '<xml><return_code>SUCCESS</return_code><return_msg>OK</return_msg></xml>' })
  })
})

describe('refused with a distinct code, and nothing returned', () => {
  // Five seconds past the 300 s window, so that a slow run cannot bring them back inside it.
  const now = () => Math.floor(Date.now() / 1000)
  const cases: Array<[string, () => ReturnType<typeof outgoing>, NotificationErrorCode, number]> = [
    ['a tampered body', () => tamper(outgoing(v3, keys), 'body'), 'bad-signature', 401],
    ['a tampered signature', () => tamper(outgoing(v3, keys), 'signature'), 'bad-signature', 401],
    ['a signature by another key', () => outgoing(v3, keys, { privateKey: pem().privateKey }), 'bad-signature', 401],
    ['an unknown serial', () => outgoing(v3, keys, { serial: 'PUB_KEY_ID_0000000000000000000000000000000000' }), 'unknown-serial', 401],
    ['a stale timestamp', () => outgoing(v3, keys, { timestamp: now() - 305 }), 'stale-timestamp', 401],
    ['a timestamp from the future', () => outgoing(v3, keys, { timestamp: now() + 305 }), 'stale-timestamp', 401],
    ['a missing header', () => drop(outgoing(v3, keys), 'Wechatpay-Nonce'), 'missing-header', 401],
    ['a resource under another APIv3 key', () => outgoing(v3, keys, { apiv3Key: randomBytes(16).toString('hex') }), 'decrypt-failed', 400],
    ['a malformed (signed) body', () => signed('{"event_type": "PROFITSHARING.RETURN", '), 'malformed-body', 400],
    ['a body without a resource', () => signed('{"event_type":"PROFITSHARING.RETURN"}'), 'malformed-body', 400],
    ['a resource that is not JSON', () => outgoing(v3, keys, { plaintext: 'not json' }), 'malformed-resource', 400],
    ['an event no page describes', () => outgoing(v3, keys, { eventType: 'UNDOCUMENTED.EVENT' }), 'unknown-event', 400],
    ['an APIv2 notification encrypted under another key', () => outgoing(v2, keys, { secret: randomBytes(16).toString('hex') }), 'decrypt-failed', 200],
    ['an APIv2 notification whose req_info was altered', () => tamperV2(outgoing(v2, keys)), 'decrypt-failed', 200],
    ['an APIv2 body that is not XML', () => ({ ...outgoing(v2, keys), body: 'return_code=SUCCESS' }), 'malformed-body', 200],
  ]
  test.each(cases)('%s', async (_, make, code, status) => {
    const before = endpoint.outcomes.length
    const notification = make()
    const reply = await endpoint.post(notification)
    expect(endpoint.outcomes.length).toBe(before + 1)
    const outcome = endpoint.outcomes.at(-1)!
    expect(outcome).not.toHaveProperty('value')
    expect('error' in outcome && outcome.error).toBeInstanceOf(NotificationError)
    expect('error' in outcome && (outcome.error as NotificationError).code).toBe(code)
    expect(reply.status).toBe(status)
    if (notification.protocol === 'v3') expect(JSON.parse(reply.body)).toEqual({ code: 'FAIL', message: code })
    else expect(reply.body).toBe(`<xml><return_code>FAIL</return_code><return_msg>${code}</return_msg></xml>`)
  })
})

describe('types of what is received', () => {
  test('narrowing by event_type reaches the page resource type', () => {
    const check = (event: Notification) => {
      if (event.event_type === 'PROFITSHARING.RETURN') {
        expectTypeOf(event.resource).toEqualTypeOf<WeChatPay.Webhook.V3.PROFITSHARING.RETURN.JsonDataRequestResourceCiphertext>()
        expectTypeOf(event.resource.amount).toEqualTypeOf<number>()
      }
    }
    expect(typeof check).toBe('function')
  })
})

function signed(body: string, change: Change = {}): ReturnType<typeof outgoing> {
  return { protocol: 'v3', page: v3.event, headers: signedHeaders(body, keys, change), body, expected: undefined }
}

function tamper(notification: ReturnType<typeof outgoing>, part: 'body' | 'signature'): ReturnType<typeof outgoing> {
  if (part === 'body') return { ...notification, body: notification.body.replace('"summary":"', '"summary":"!') }
  const signature = notification.headers['Wechatpay-Signature']!
  const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11)
  return { ...notification, headers: { ...notification.headers, 'Wechatpay-Signature': flipped } }
}

function drop(notification: ReturnType<typeof outgoing>, header: string): ReturnType<typeof outgoing> {
  const { [header]: _, ...headers } = notification.headers
  return { ...notification, headers }
}
