// The notification receiver: fixed code, copied as it is beside the generated client.ts, which types it by the docs'
// webhook pages. It is framework-neutral (headers and the raw body in, a typed value or a NotificationError out) and
// uses only the runtime's own crypto, the same the client verifies replies with.
import type { KeyLike, KeyObject } from 'node:crypto'
import { Aes, Formatter, Hash, Rsa, Transformer } from 'wechatpay-axios-plugin'

/** Why a notification was refused; stable, so callers can branch on it. */
export type NotificationErrorCode =
  /** The receiver lacks the key this notification needs (`apiv3Key` and `certs`, or `secret`). */
  | 'not-configured'
  /** A `Wechatpay-*` header is absent, repeated or malformed. */
  | 'missing-header'
  /** `Wechatpay-Timestamp` lies outside the replay window. */
  | 'stale-timestamp'
  /** `Wechatpay-Serial` names no certificate or public key the receiver was given. */
  | 'unknown-serial'
  /** The signature does not cover this body: the body, a header or the signature itself was changed. */
  | 'bad-signature'
  /** The body is not the raw text of a notification (not UTF-8, not JSON or XML, or without the protocol's fields). */
  | 'malformed-body'
  /** Verified, but its `event_type` is not one the docs describe (`received` holds what was decrypted). */
  | 'unknown-event'
  /** The encrypted part does not decrypt with the key given (a wrong key, or an altered ciphertext). */
  | 'decrypt-failed'
  /** It decrypted, but the plaintext is not the JSON or XML the docs describe. */
  | 'malformed-resource'

/** The one error the receiver throws (its promise rejects with), with a `code` per reason. */
export class NotificationError extends Error {
  override readonly name = 'NotificationError'
  readonly code: NotificationErrorCode
  /** For `unknown-event`: the verified and decrypted notification. */
  readonly received: unknown

  constructor(code: NotificationErrorCode, message: string, received?: unknown) {
    super(message)
    this.code = code
    this.received = received
  }
}

export interface NotificationReceiverOptions {
  /** The APIv3 key (32 bytes): decrypts APIv3 `resource`s and the `event_ciphertext` of some APIv2 notifications. */
  apiv3Key?: string
  /** Platform certificates or public keys by serial (`Wechatpay-Serial`), as the client takes them. */
  certs?: Record<string, KeyLike>
  /** The APIv2 key: checks `sign`; its MD5 decrypts `req_info`. */
  secret?: string
  /** The replay window: how far `Wechatpay-Timestamp` may be from now, either way. Default 300 seconds. */
  maxAgeSeconds?: number
}

/** An APIv3 notification, verified and decrypted. `event_type` tells the members of a union apart. */
export interface ReceivedV3<EventType extends string, Body, Resource> {
  event_type: EventType
  /** The notification as posted, its `resource` still encrypted. */
  notification: Body
  /** `resource.ciphertext`, decrypted and parsed. */
  resource: Resource
}

/** An APIv2 notification of the page `name`, its `sign` checked and its encrypted field decrypted. */
export interface ReceivedV2<Name extends string, Body, Decrypted> {
  name: Name
  /** The XML notification as an object (values are strings). */
  notification: Body
  /** The encrypted field (`req_info`, `event_ciphertext`), decrypted and parsed; `undefined` when there is none. */
  decrypted: Decrypted
}

/** Headers as Node gives them (`req.headers`, names in lower case), any other record, or a fetch `Headers`. */
export type HeadersLike =
  { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>

/** The body exactly as received: the signature covers these bytes, so not a parsed or re-serialized object. */
export type RawBody = string | Uint8Array

export interface NotificationReceiver<V3, V2> {
  /** An APIv3 notification: JSON, signed in the `Wechatpay-*` headers. */
  (headers: HeadersLike, body: RawBody): Promise<V3>
  /** An APIv2 notification: XML; its page names it, since most carry no event type. */
  v2<Name extends keyof V2 & string>(name: Name, body: RawBody): Promise<V2[Name]>
}

/** What the docs say of each notification, generated into client.ts. */
export interface NotificationCatalogue {
  /** Every `event_type` of the APIv3 notifications. */
  v3: readonly string[]
  v2: Readonly<Record<string, V2Rules>>
}

export interface V2Rules {
  /** Where the sign type is read, and the type when that field is absent; no `sign` when the page has none. */
  sign?: { field: string; fallback: SignType }
  /** The `event_type`s the page documents, checked when the notification has one. */
  eventTypes?: readonly string[]
  encrypted?: { field: string; via: 'aes-ecb' } | { field: string; via: 'aes-gcm'; nonce: string; aad: string }
}

type SignType = 'MD5' | 'HMAC-SHA256'
const SIGN_TYPES: readonly string[] = ['MD5', 'HMAC-SHA256']

/** Makes a receiver for the notifications of `catalogue`; client.ts calls it with the docs' catalogue and types. */
export function notificationReceiver<V3, V2>(catalogue: NotificationCatalogue, options: NotificationReceiverOptions) {
  const { apiv3Key, secret, maxAgeSeconds = 300 } = options
  if (apiv3Key !== undefined && Buffer.byteLength(apiv3Key) !== 32) throw new TypeError('`apiv3Key` must be 32 bytes')
  // Keys are loaded once, as the client loads them: a bad one fails here, not on the first notification.
  const certs = new Map(Object.entries(options.certs ?? {}).map(([serial, key]) => [serial, publicKey(serial, key)]))
  const events = new Set(catalogue.v3)

  const receive = async (headers: HeadersLike, body: RawBody): Promise<V3> => {
    if (apiv3Key === undefined || certs.size === 0) throw fail('not-configured', 'APIv3 needs `apiv3Key` and `certs`')
    const text = verified(headers, textOf(body), certs, maxAgeSeconds)
    const notification = parsed(() => JSON.parse(text) as unknown, 'malformed-body')
    if (!isRecord(notification) || typeof notification['event_type'] !== 'string')
      throw fail('malformed-body', 'No `event_type`')
    const { ciphertext, nonce, associated_data = '' } = gcmResource(notification['resource'])
    const plaintext = decrypt(() => Aes.AesGcm.decrypt(ciphertext, apiv3Key, nonce, associated_data))
    const resource = parsed(() => JSON.parse(plaintext) as unknown, 'malformed-resource')
    const received = { event_type: notification['event_type'], notification, resource }
    if (!events.has(received.event_type)) throw fail('unknown-event', `No page for ${received.event_type}`, received)
    return received as V3
  }

  const v2 = async (name: string, body: RawBody): Promise<unknown> => {
    const rules = Object.prototype.hasOwnProperty.call(catalogue.v2, name) ? catalogue.v2[name] : undefined
    if (!rules) throw fail('unknown-event', `No page for the APIv2 notification ${name}`)
    const gcm = rules.encrypted?.via === 'aes-gcm'
    if (secret === undefined || (gcm && apiv3Key === undefined)) throw fail('not-configured', `${name} needs its keys`)
    const notification = xmlOf(textOf(body), 'malformed-body')
    if (rules.sign) {
      const type = notification[rules.sign.field] ?? rules.sign.fallback
      const signed = SIGN_TYPES.includes(type) && Hash.sign(type as SignType, notification, secret)
      if (!signed || !Hash.equals(signed, notification['sign']))
        throw fail('bad-signature', 'The `sign` does not verify it')
    }
    const eventType = notification['event_type']
    if (eventType !== undefined && rules.eventTypes && !rules.eventTypes.includes(eventType)) {
      throw fail('unknown-event', `${name} has no \`event_type\` ${eventType}`)
    }
    const encrypted = rules.encrypted
    if (!encrypted) return { name, notification, decrypted: undefined }
    const ciphertext = notification[encrypted.field]
    if (ciphertext === undefined) throw fail('malformed-body', `No \`${encrypted.field}\``)
    if (encrypted.via === 'aes-ecb') {
      // AES-ECB carries no tag: a wrong key or an altered block shows only as bytes that are not text, or not XML.
      const plaintext = decrypt(() => Aes.AesEcb.decrypt(ciphertext, Hash.md5(secret)))
      if (/[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(plaintext)) throw fail('decrypt-failed', 'Not text')
      return { name, notification, decrypted: xmlOf(plaintext, 'decrypt-failed') }
    }
    const nonce = notification[encrypted.nonce]
    if (nonce === undefined) throw fail('malformed-body', `No \`${encrypted.nonce}\``)
    const plaintext = decrypt(() => Aes.AesGcm.decrypt(ciphertext, apiv3Key!, nonce, notification[encrypted.aad] ?? ''))
    return { name, notification, decrypted: xmlOf(plaintext, 'malformed-resource') }
  }

  return Object.assign(receive, { v2 }) as NotificationReceiver<V3, V2>
}

/** The body's text once the `Wechatpay-*` headers show it signed, recently, by a key the receiver was given. */
function verified(headers: HeadersLike, text: string, certs: Map<string, KeyObject>, maxAgeSeconds: number): string {
  const [timestamp, nonce, serial, signature] = ['timestamp', 'nonce', 'serial', 'signature'].map((name) => {
    const value = header(headers, `wechatpay-${name}`)
    if (!value) throw fail('missing-header', `\`Wechatpay-${name}\` is absent or repeated`)
    return value
  }) as [string, string, string, string]
  if (!/^\d{1,12}$/.test(timestamp)) throw fail('missing-header', '`Wechatpay-Timestamp` is not in seconds')
  const age = Math.abs(Formatter.timestamp() - Number(timestamp))
  if (age > maxAgeSeconds) throw fail('stale-timestamp', `\`Wechatpay-Timestamp\` is ${age} s from now`)
  const key = certs.get(serial)
  if (!key) throw fail('unknown-serial', `No certificate for \`Wechatpay-Serial\` ${serial}`)
  const type = header(headers, 'wechatpay-signature-type') ?? 'WECHATPAY2-SHA256-RSA2048'
  const valid =
    type === 'WECHATPAY2-SHA256-RSA2048' && Rsa.verify(Formatter.response(timestamp, nonce, text), signature, key)
  if (!valid) throw fail('bad-signature', 'The signature does not verify the body')
  return text
}

interface GcmResource {
  ciphertext: string
  nonce: string
  associated_data?: string
}

function gcmResource(value: unknown): GcmResource {
  const ok = isRecord(value) && value['algorithm'] === 'AEAD_AES_256_GCM' && typeof value['ciphertext'] === 'string'
  if (ok && typeof value['nonce'] === 'string' && ['string', 'undefined'].includes(typeof value['associated_data'])) {
    return value as unknown as GcmResource
  }
  throw fail('malformed-body', 'No AEAD_AES_256_GCM `resource`')
}

/** What to answer WeChat Pay: write `status`, `headers` and `body` as they are; `data` is `body` before serialising. */
export interface NotificationReply<Status extends number, Data> {
  status: Status
  headers: Record<string, string>
  data: Data
  body: string
}

/** The APIv3 replies: 204 with no body when received, else 4XX/5XX with `{ code: 'FAIL', message }`. */
export type ReplyV3 =
  NotificationReply<204, undefined> | NotificationReply<400 | 401 | 500, { code: 'FAIL'; message: string }>

/** The APIv2 replies: XML `return_code` `SUCCESS`, or `FAIL` with the reason. */
export type ReplyV2 = NotificationReply<200, { return_code: 'SUCCESS' | 'FAIL'; return_msg: string }>

const UNAUTHENTIC: readonly NotificationErrorCode[] = [
  'missing-header',
  'stale-timestamp',
  'unknown-serial',
  'bad-signature',
]

/** The reply to an APIv3 notification: success without `error`, else failure, so that WeChat Pay sends it again. */
export function replyV3(error?: unknown): ReplyV3 {
  if (error === undefined) return { status: 204, headers: {}, data: undefined, body: '' }
  const code = error instanceof NotificationError ? error.code : undefined
  const status = code === undefined || code === 'not-configured' ? 500 : UNAUTHENTIC.includes(code) ? 401 : 400
  const data = { code: 'FAIL' as const, message: code ?? 'internal-error' }
  return { status, headers: { 'Content-Type': 'application/json' }, data, body: JSON.stringify(data) }
}

/** The reply to an APIv2 notification: `SUCCESS` without `error`, else `FAIL`. */
export function replyV2(error?: unknown): ReplyV2 {
  const data =
    error === undefined
      ? { return_code: 'SUCCESS' as const, return_msg: 'OK' }
      : { return_code: 'FAIL' as const, return_msg: error instanceof NotificationError ? error.code : 'internal-error' }
  return { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' }, data, body: Transformer.toXml(data) }
}

function publicKey(serial: string, key: KeyLike): KeyObject {
  try {
    return Rsa.from(key, Rsa.KEY_TYPE_PUBLIC)
  } catch (error) {
    throw new TypeError(`\`certs\` ${serial}: not a certificate or public key (${(error as Error).message})`)
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function textOf(body: RawBody): string {
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return parsed(() => UTF8.decode(body), 'malformed-body')
  throw new NotificationError('malformed-body', 'Expected the raw body (a Buffer or a string), not a parsed object')
}

/** A header by name in any case; `undefined` when absent, empty, repeated, or given twice in different cases. */
function header(headers: HeadersLike, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) || undefined
  const values = Object.entries(headers).filter(([key]) => key.toLowerCase() === name)
  const value = values.length === 1 ? values[0]![1] : undefined
  return (
    (typeof value === 'string' ? value : Array.isArray(value) && value.length === 1 ? value[0] : undefined) || undefined
  )
}

function fail(code: NotificationErrorCode, message: string, received?: unknown): NotificationError {
  return new NotificationError(code, message, received)
}

function parsed<T>(parse: () => T, code: NotificationErrorCode): T {
  try {
    return parse()
  } catch (error) {
    throw fail(code, `Unexpected content: ${(error as Error).message}`)
  }
}

function decrypt(run: () => string): string {
  return parsed(run, 'decrypt-failed')
}

/** XML as the runtime reads it; an APIv2 notification and its decrypted parts are flat, so every value is a string. */
function xmlOf(text: string, code: NotificationErrorCode): Record<string, string> {
  const value = parsed(() => Transformer.toObject(text) as unknown, code)
  if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string'))
    throw new NotificationError(code, 'Expected XML of one level of elements')
  return value as Record<string, string>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
