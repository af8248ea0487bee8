// The receiver's fixed code as a unit, with a catalogue written here: how it reads headers and bodies, the replay
// window's edges, APIv2 signing rules, and the replies. The end-to-end tests run it as generated.
import { createHash, createCipheriv, generateKeyPairSync, randomBytes } from 'node:crypto'
import { XMLBuilder } from 'fast-xml-parser'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { NotificationError, notificationReceiver, replyV2, replyV3, type NotificationCatalogue } from '../../generator/emit/client/notification-receiver.js'
import { signV2 } from '../e2e/wechatpay-server.js'
import { projectDir } from '../helpers.js'
import { typeCheck } from '../type-check.js'
import { encryptGcm, signedHeaders, type Change, type NotifierKeys } from '../e2e/wechatpay-notifier.js'

const platform = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
const keys: NotifierKeys = { apiv3Key: randomBytes(16).toString('hex'), secret: randomBytes(16).toString('hex'), platformSerial: 'SERIAL1', platformPrivateKey: platform.privateKey }
const catalogue: NotificationCatalogue = {
  v3: ['A.B'],
  v2: {
    md5: { sign: { field: 'sign_type', fallback: 'MD5' } },
    algorithm: { sign: { field: 'algorithm', fallback: 'HMAC-SHA256' }, eventTypes: ['C.D'], encrypted: { field: 'event_ciphertext', via: 'aes-gcm', nonce: 'event_nonce', aad: 'event_associated_data' } },
    refund: { encrypted: { field: 'req_info', via: 'aes-ecb' } },
  },
}
const options = { apiv3Key: keys.apiv3Key, certs: { [keys.platformSerial]: platform.publicKey }, secret: keys.secret }
const receive = notificationReceiver<unknown, Record<string, unknown>>(catalogue, options)
const xml = (fields: Record<string, string>) => new XMLBuilder({}).build({ xml: fields }) as string

function v3Body(resource: unknown = { amount: 1 }, eventType = 'A.B', plaintext?: string): string {
  const ciphertext = encryptGcm(plaintext ?? JSON.stringify(resource), keys.apiv3Key, 'n0nce12chars', 'aad')
  return JSON.stringify({ id: '1', event_type: eventType, resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext, nonce: 'n0nce12chars', associated_data: 'aad' } })
}
const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'received', (error: unknown) => (error instanceof NotificationError ? error.code : `not a NotificationError: ${String(error)}`))

describe('APIv3', () => {
  const body = v3Body()
  const headers = signedHeaders(body, keys)
  const now = Math.floor(Date.now() / 1000)
  const cases: Array<[string, () => Promise<unknown>, string]> = [
    ['headers as Node gives them (lower case)', () => receive(lower(headers), Buffer.from(body)), 'received'],
    ['headers as written (mixed case)', () => receive(headers, body), 'received'],
    ['a fetch Headers', () => receive(new Headers(headers), body), 'received'],
    ['a header given twice', () => receive({ ...lower(headers), 'wechatpay-serial': [keys.platformSerial, 'X'] }, body), 'missing-header'],
    ['a header in two cases', () => receive({ ...headers, 'wechatpay-nonce': headers['Wechatpay-Nonce']! }, body), 'missing-header'],
    ['a timestamp that is not seconds', () => receive({ ...headers, 'Wechatpay-Timestamp': '1e9' }, body), 'missing-header'],
    ['299 s old', () => receive(signedHeaders(body, keys, { timestamp: now - 299 }), body), 'received'],
    ['310 s old', () => receive(signedHeaders(body, keys, { timestamp: now - 310 }), body), 'stale-timestamp'],
    ['another signature type', () => receive({ ...headers, 'Wechatpay-Signature-Type': 'WECHATPAY2-SM2-WITH-SM3' }, body), 'bad-signature'],
    ["WeChat Pay's probe signature", () => receive({ ...headers, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/' + headers['Wechatpay-Signature'] }, body), 'bad-signature'],
    ['a parsed body', () => receive(headers, JSON.parse(body) as never), 'malformed-body'],
    ['bytes that are not UTF-8', () => signedReceive(Buffer.from([0x7b, 0xff, 0x7d])), 'malformed-body'],
    ['an array body', () => signedReceive('[]'), 'malformed-body'],
    ['another algorithm', () => signedReceive(v3Body().replace('AEAD_AES_256_GCM', 'AES_128_CBC')), 'malformed-body'],
    ['a resource without associated data', () => signedReceive(JSON.stringify({ event_type: 'A.B', resource: { algorithm: 'AEAD_AES_256_GCM', nonce: 'n0nce12chars', ciphertext: encryptGcm('{}', keys.apiv3Key, 'n0nce12chars', '') } })), 'received'],
    ['an undocumented event', () => signedReceive(v3Body({}, 'X.Y')), 'unknown-event'],
    ['a resource that is not JSON', () => signedReceive(v3Body(undefined, 'A.B', '<xml/>')), 'malformed-resource'],
  ]
  test.each(cases)('%s', async (_, run, code) => expect(await codeOf(run())).toBe(code))

  test('returns the event type, the notification as posted and the decrypted resource', async () => {
    expect(await receive(headers, body)).toEqual({ event_type: 'A.B', notification: JSON.parse(body), resource: { amount: 1 } })
  })

  test('an unknown event is refused with what was verified and decrypted', async () => {
    const error = await receive(...signed(v3Body({ ok: true }, 'X.Y'))).catch((e: NotificationError) => e)
    expect(error).toMatchObject({ code: 'unknown-event', received: { event_type: 'X.Y', resource: { ok: true } } })
  })

  test('a narrower window, and keys checked when the receiver is made', async () => {
    const strict = notificationReceiver(catalogue, { ...options, maxAgeSeconds: 10 })
    expect(await codeOf(strict(...signed(body, { timestamp: now - 20 })))).toBe('stale-timestamp')
    expect(await codeOf(notificationReceiver(catalogue, { secret: keys.secret })(headers, body))).toBe('not-configured')
    expect(() => notificationReceiver(catalogue, { apiv3Key: 'short' })).toThrow(/32 bytes/)
    expect(() => notificationReceiver(catalogue, { certs: { S: 'not a key' } })).toThrow(/`certs` S/)
  })
})

describe('APIv2', () => {
  const hmac = (fields: Record<string, string>, type: 'MD5' | 'HMAC-SHA256') => ({ ...fields, sign: signV2(fields, keys.secret, type) })
  const ecb = (text: string) => {
    const cipher = createCipheriv('aes-256-ecb', createHash('md5').update(keys.secret).digest('hex'), null)
    return Buffer.concat([cipher.update(text), cipher.final()]).toString('base64')
  }
  const gcm = { event_type: 'C.D', event_nonce: 'n0nce12chars', event_associated_data: 'x', event_ciphertext: encryptGcm('<root><state>DONE</state></root>', keys.apiv3Key, 'n0nce12chars', 'x') }
  const cases: Array<[string, string, string, string]> = [
    ['MD5 when there is no sign_type', 'md5', xml(hmac({ a: '1' }, 'MD5')), 'received'],
    ['HMAC-SHA256 by sign_type', 'md5', xml(hmac({ a: '1', sign_type: 'HMAC-SHA256' }, 'HMAC-SHA256')), 'received'],
    ['a sign of the other type', 'md5', xml(hmac({ a: '1', sign_type: 'HMAC-SHA256' }, 'MD5')), 'bad-signature'],
    ['an unknown sign_type', 'md5', xml({ ...hmac({ a: '1' }, 'MD5'), sign_type: 'SHA1' }), 'bad-signature'],
    ['no sign', 'md5', xml({ a: '1' }), 'bad-signature'],
    ['nested XML', 'md5', '<xml><a><b>1</b></a></xml>', 'malformed-body'],
    ['the sign type in `algorithm`, and event_ciphertext', 'algorithm', xml(hmac({ ...gcm, algorithm: 'HMAC-SHA256' }, 'HMAC-SHA256')), 'received'],
    ['an undocumented event_type', 'algorithm', xml(hmac({ ...gcm, event_type: 'E.F' }, 'HMAC-SHA256')), 'unknown-event'],
    ['req_info', 'refund', xml({ return_code: 'SUCCESS', req_info: ecb('<root><refund_id>9</refund_id></root>') }), 'received'],
    ['req_info that is not XML', 'refund', xml({ req_info: ecb('refund_id=9') }), 'decrypt-failed'],
    ['no req_info', 'refund', xml({ return_code: 'SUCCESS' }), 'malformed-body'],
    ['a page the catalogue does not have', 'other', xml({ a: '1' }), 'unknown-event'],
  ]
  test.each(cases)('%s', async (_, page, body, code) => expect(await codeOf(receive.v2(page, body))).toBe(code))

  test('returns the page, the notification and what was decrypted', async () => {
    expect(await receive.v2('refund', xml({ req_info: ecb('<root><refund_id>9</refund_id></root>') }))).toMatchObject({ name: 'refund', decrypted: { refund_id: '9' } })
    expect(await receive.v2('algorithm', xml(hmac({ ...gcm, algorithm: 'HMAC-SHA256' }, 'HMAC-SHA256')))).toMatchObject({ decrypted: { state: 'DONE' } })
    expect(await receive.v2('md5', xml(hmac({ a: '1' }, 'MD5')))).toMatchObject({ name: 'md5', notification: { a: '1' }, decrypted: undefined })
  })

  test('needs the APIv2 key, and the APIv3 key for event_ciphertext', async () => {
    expect(await codeOf(notificationReceiver<unknown, Record<string, unknown>>(catalogue, {}).v2('refund', ''))).toBe('not-configured')
    expect(await codeOf(notificationReceiver<unknown, Record<string, unknown>>(catalogue, { secret: keys.secret }).v2('algorithm', ''))).toBe('not-configured')
  })
})

describe('replies', () => {
  test.each([
    ['received', undefined, { status: 204, body: '' }],
    ['unverifiable', new NotificationError('bad-signature', ''), { status: 401, body: '{"code":"FAIL","message":"bad-signature"}' }],
    ['malformed', new NotificationError('malformed-body', ''), { status: 400, body: '{"code":"FAIL","message":"malformed-body"}' }],
    ['a failure of the handler', new Error('database down'), { status: 500, body: '{"code":"FAIL","message":"internal-error"}' }],
  ])('APIv3, %s', (_, error, want) => expect(replyV3(error)).toMatchObject(want))

  test('APIv2', () => {
    expect(replyV2()).toMatchObject({ status: 200, body: '<xml><return_code>SUCCESS</return_code><return_msg>OK</return_msg></xml>' })
    expect(replyV2(new Error('x')).body).toBe('<xml><return_code>FAIL</return_code><return_msg>internal-error</return_msg></xml>')
  })
})

function signed(body: string, change: Change = {}): [Record<string, string>, string] {
  return [signedHeaders(body, keys, change), body]
}

function signedReceive(body: string | Buffer): Promise<unknown> {
  return receive(signedHeaders(body.toString('latin1'), keys), body)
}

describe('the copied receiver in a user project', () => {
  test('the generated client and receiver compile under the strictest options a project may set', () => {
    const dir = join(projectDir, 'generated')
    const files = new Map(
      (readdirSync(dir, { recursive: true }) as string[]).filter((p) => p.endsWith('.ts')).map((p) => [p, readFileSync(join(dir, p), 'utf8')]),
    )
    const strictest = {
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noPropertyAccessFromIndexSignature: true,
      noImplicitOverride: true,
      noImplicitReturns: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
    }
    expect(typeCheck(files, ['client.ts'], strictest).errors).toEqual([])
  })
})
