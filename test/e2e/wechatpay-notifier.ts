// Plays WeChat Pay posting notifications. A notification is built from a webhook page's IR with values made from
// the declared types (the docs' webhook pages have no example values: their PHP samples are handlers, not calls),
// then encrypted and signed with node:crypto directly, so the receiver is checked against an independent
// implementation of the protocol, not against the runtime it uses.
import { createCipheriv, createHash, createPrivateKey, sign } from 'node:crypto'
import { XMLBuilder } from 'fast-xml-parser'
import type { IrField, IrType, IrWebhook } from '../../generator/ir/types.js'
import { signV2 } from './wechatpay-server.js'

export interface NotifierKeys {
  apiv3Key: string
  /** APIv2 key. */
  secret: string
  platformSerial: string
  platformPrivateKey: string
}

/** A request as WeChat Pay would send it, and what the receiver must make of it. */
export interface Outgoing {
  protocol: 'v2' | 'v3'
  /** The page's event: the APIv2 receiver is called with it. */
  page: string
  headers: Record<string, string>
  body: string
  expected: unknown
}

/** What a negative test changes; the default is an honest notification. */
export interface Change {
  timestamp?: number
  serial?: string
  /** Sign with this private key instead of the platform's. */
  privateKey?: string
  /** Encrypt with this key instead of the APIv3 key (APIv3), or this APIv2 key (APIv2 `sign` and `req_info`). */
  apiv3Key?: string
  secret?: string
  eventType?: string
  /** The plaintext to encrypt instead of the resource's JSON. */
  plaintext?: string
}

const xml = new XMLBuilder({})
const NONCE = 'n0nce12chars'

/** A value of `type`, the same every run; APIv2 values are strings, as XML gives them. */
export function sampleOf(type: IrType, path: string, asText = false): unknown {
  switch (type.kind) {
    case 'scalar': {
      const value = type.enum ? type.enum.values[0]! : type.name === 'string' ? `sample:${path}` : type.name === 'boolean' ? true : type.name === 'integer' ? path.length : path.length + 0.5
      return asText ? String(value) : value
    }
    case 'true':
      return asText ? 'true' : true
    case 'object':
      return Object.fromEntries([...type.fields, ...(type.variants?.[0] ?? [])].map((f) => [f.name, sampleOf(f.type, `${path}.${f.name}`, asText)]))
    case 'array':
      return [sampleOf(type.items, `${path}[]`, asText)]
    case 'encoded':
      if (type.enum) return String(type.enum.values[0])
      return type.via === 'json_encode' || type.via === 'unspecified' ? JSON.stringify(sampleOf(type.payload, path)) : `sample:${path}`
    case 'opaque':
      return {}
  }
}

export function bodyFields(op: IrWebhook): IrField[] {
  const body = op.request.roots.find((r) => r.role === 'body')?.field
  return body?.type.kind === 'object' ? body.type.fields : []
}

/** The notification of `op`, signed and encrypted as WeChat Pay does, with `change` applied. */
export function outgoing(op: IrWebhook, keys: NotifierKeys, change: Change = {}): Outgoing {
  return op.protocol === 'v3' ? outgoingV3(op, keys, change) : outgoingV2(op, keys, change)
}

function outgoingV3(op: IrWebhook, keys: NotifierKeys, change: Change): Outgoing {
  const fields = bodyFields(op)
  const notification = sampleOf({ kind: 'object', fields }, op.event) as Record<string, unknown>
  const eventTypes = fields.find((f) => f.name === 'event_type')?.type
  const documented = eventTypes?.kind === 'scalar' ? eventTypes.enum?.values.map(String) ?? [] : []
  notification.event_type = change.eventType ?? (documented.includes(op.event) ? op.event : documented[0] ?? op.event)
  const resourceField = fields.find((f) => f.name === 'resource')
  const ciphertext = resourceField?.type.kind === 'object' ? resourceField.type.fields.find((f) => f.name === 'ciphertext') : undefined
  const resource = ciphertext?.type.kind === 'encoded' ? payloadSample(ciphertext.type, 'resource', false) : { sample: op.event }
  const envelope = notification.resource as Record<string, unknown>
  envelope.algorithm = 'AEAD_AES_256_GCM'
  envelope.nonce = NONCE
  const aad = typeof envelope.associated_data === 'string' ? envelope.associated_data : ''
  envelope.ciphertext = encryptGcm(change.plaintext ?? JSON.stringify(resource), change.apiv3Key ?? keys.apiv3Key, NONCE, aad)
  const body = JSON.stringify(notification)
  return { protocol: 'v3', page: op.event, headers: signedHeaders(body, keys, change), body, expected: { event_type: notification.event_type, notification, resource } }
}

/** The `Wechatpay-*` headers over `body`, named as WeChat Pay writes them (Node lowercases them on arrival). */
export function signedHeaders(body: string, keys: NotifierKeys, change: Change = {}): Record<string, string> {
  const timestamp = String(change.timestamp ?? Math.floor(Date.now() / 1000))
  const nonce = createHash('sha256').update(body).digest('hex').slice(0, 32)
  const key = createPrivateKey(change.privateKey ?? keys.platformPrivateKey)
  return {
    'Content-Type': 'application/json',
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': change.serial ?? keys.platformSerial,
    'Wechatpay-Signature': sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`), key).toString('base64'),
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  }
}

function outgoingV2(op: IrWebhook, keys: NotifierKeys, change: Change): Outgoing {
  const fields = bodyFields(op)
  const notification = sampleOf({ kind: 'object', fields }, op.event, true) as Record<string, string>
  const secret = change.secret ?? keys.secret
  let decrypted: Record<string, string> | undefined
  for (const field of fields) {
    if (field.name.endsWith('nonce')) notification[field.name] = NONCE
    if (field.type.kind !== 'encoded' || (field.encryption !== 'aes-ecb' && field.encryption !== 'aes-gcm')) continue
    decrypted = payloadSample(field.type, field.name, true) as Record<string, string>
    const plaintext = change.plaintext ?? xml.build({ root: decrypted })
    if (field.encryption === 'aes-ecb') notification[field.name] = encryptEcb(plaintext, createHash('md5').update(secret).digest('hex'))
    else {
      const stem = field.name.slice(0, -'ciphertext'.length)
      notification[`${stem}nonce`] = NONCE
      notification[field.name] = encryptGcm(plaintext, change.apiv3Key ?? keys.apiv3Key, NONCE, notification[`${stem}associated_data`] ?? '')
    }
  }
  if (change.eventType) notification.event_type = change.eventType
  if (fields.some((f) => f.name === 'sign')) {
    // The sign type is in `sign_type`, or in `algorithm` on the pages that call it so; MD5 when neither is there.
    const typeField = fields.find((f) => f.name === 'sign_type') ?? fields.find((f) => f.name === 'algorithm' && f.type.kind === 'scalar' && f.type.enum?.values.includes('HMAC-SHA256'))
    if (typeField && !(typeField.type.kind === 'scalar' && typeField.type.enum)) notification[typeField.name] = 'HMAC-SHA256'
    notification.sign = signV2(notification, secret, typeField ? (notification[typeField.name] as 'MD5' | 'HMAC-SHA256') : 'MD5')
  }
  const body = xml.build({ xml: notification }) as string
  return { protocol: 'v2', page: op.event, headers: { 'Content-Type': 'text/xml' }, body, expected: { name: op.event, notification, decrypted } }
}

/** The decoded value of an encrypted field: its documented payload, a list where the docs say the payload is one. */
function payloadSample(type: Extract<IrType, { kind: 'encoded' }>, path: string, asText: boolean): unknown {
  const only = type.payload.fields.length === 1 ? type.payload.fields[0] : undefined
  if (type.shape === 'list' && only) return [sampleOf(only.type.kind === 'array' ? only.type.items : only.type, `${path}.${only.name}`, asText)]
  return sampleOf(type.payload, path, asText)
}

export function encryptGcm(plaintext: string, key: string, nonce: string, aad: string): string {
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(Buffer.from(aad))
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64')
}

function encryptEcb(plaintext: string, key: string): string {
  const cipher = createCipheriv('aes-256-ecb', key, null)
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64')
}

/** Alters the second block of `req_info`, inside a value: AES-ECB has no tag, so only the plaintext can show it. */
export function tamperV2(notification: Outgoing): Outgoing {
  return {
    ...notification,
    body: notification.body.replace(/<req_info>([^<]+)/, (_, text: string) => {
      const bytes = Buffer.from(text, 'base64')
      for (let i = 16; i < 32; i++) bytes[i]! ^= 0x5a
      return `<req_info>${bytes.toString('base64')}`
    }),
  }
}
