import type { IrField, IrWebhook } from '../../ir/types.js'
import { reference, type TypeAlias, type TypeNode } from '../types/declarations.js'
import { alias } from './example-values.js'
import { eventNamespace, pascalName, quote } from '../types/identifiers.js'

/** The handler example of a notification, and what virtual.ts must declare for it. */
export interface WebhookExample {
  code: string
  declared: Map<string, TypeNode>
  /** Type aliases for the JSDoc types the handler uses. */
  aliases: TypeAlias[]
}

const SIGNATURE_HEADERS = ['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Serial', 'Wechatpay-Signature']

/**
 * APIv3: check the `Wechatpay-*` signature over `timestamp\nnonce\nbody\n`, then parse the body and decrypt its
 * AEAD_AES_256_GCM resource. APIv2: parse the XML, check its `sign`, and decrypt an AES-256-ECB field.
 */
export function webhookExample(op: IrWebhook): WebhookExample {
  const ns = `WeChatPay.Webhook.${op.protocol.toUpperCase()}.${eventNamespace(op.event)}`
  const body = op.request.roots.find((r) => r.role === 'body')?.field
  const fields = body?.type.kind === 'object' ? body.type.fields : []
  return op.protocol === 'v3' ? v3Handler(op, ns, fields) : v2Handler(ns, fields)
}

function v3Handler(op: IrWebhook, ns: string, fields: IrField[]): WebhookExample {
  const declared = new Map<string, TypeNode>([['json', reference('string')], ['apiv3Key', reference('string')]])
  const aliases = [alias('Notification', `${ns}.JsonDataRequest`)]
  const lines = ["import { Formatter, Rsa, Aes } from 'wechatpay-axios-plugin'", '']
  const headerRoot = op.request.roots.find((r) => r.role === 'headers')?.field
  const headerNames = headerRoot?.type.kind === 'object' ? headerRoot.type.fields.map((f) => f.name) : []
  if (SIGNATURE_HEADERS.every((h) => headerNames.includes(h))) {
    declared.set('headers', reference(`${ns}.RequestHeaders`))
    declared.set('platformPublicKeys', { kind: 'object', members: [], index: "[serial: string]: import('crypto').KeyLike" })
    lines.push(
      'const {',
      ...SIGNATURE_HEADERS.map((h) => `  ${quote(h)}: ${h.split('-')[1]!.toLowerCase()},`),
      '} = headers',
      '// The signature covers `timestamp\\nnonce\\nbody\\n`, by the key the serial names, within 5 minutes.',
      'const verified = Math.abs(Formatter.timestamp() - Number(timestamp)) <= 300',
      '  && Object.prototype.hasOwnProperty.call(platformPublicKeys, serial)',
      '  && Rsa.verify(Formatter.joinedByLineFeed(timestamp, nonce, json), signature, platformPublicKeys[serial])',
      '',
    )
  }
  const names = fields.map((f) => f.name).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))
  lines.push(`/** @type {import('./virtual').Notification} */`, `const { ${names.join(', ')} } = JSON.parse(json)`)
  const resource = fields.find((f) => f.name === 'resource')
  const ciphertext = resource?.type.kind === 'object' ? resource.type.fields.find((f) => f.name === 'ciphertext') : undefined
  if (ciphertext?.type.kind === 'encoded' && ciphertext.encryption === 'aes-gcm' && names.includes('resource')) {
    aliases.push(alias('Resource', `${ns}.JsonDataRequest${pascalName('resource')}${pascalName('ciphertext')}`))
    lines.push(
      '',
      `/** @type {import('./virtual').Resource} */`,
      'const plain = JSON.parse(Aes.AesGcm.decrypt(resource.ciphertext, apiv3Key, resource.nonce, resource.associated_data)) // [!code hl]',
    )
  }
  lines.push('', `// Reply with ${ns.split('.').slice(-2).join('.')}.WellformedResponse.`)
  return { code: lines.join('\n'), declared, aliases }
}

function v2Handler(ns: string, fields: IrField[]): WebhookExample {
  const declared = new Map<string, TypeNode>([['xml', reference('string')], ['apiv2Secret', reference('string')]])
  const aliases = [alias('Notification', `${ns}.XmlDataRequest`)]
  const lines = [
    "import { Transformer, Hash, Aes } from 'wechatpay-axios-plugin'",
    '',
    `/** @type {import('./virtual').Notification} */`,
    'const notification = /** @type {any} */ (Transformer.toObject(xml))',
  ]
  if (fields.some((f) => f.name === 'sign')) {
    const signType = fields.some((f) => f.name === 'sign_type')
    lines.push(
      // Without a `sign_type` field the notification is signed with MD5.
      signType ? "const type = notification.sign_type === 'HMAC-SHA256' ? 'HMAC-SHA256' : 'MD5'" : "const type = 'MD5'",
      'const verified = Hash.equals(Hash.sign(type, notification, apiv2Secret), notification.sign)',
    )
  }
  const encrypted = fields.find((f) => f.encryption === 'aes-ecb' && f.type.kind === 'encoded')
  if (encrypted && /^[A-Za-z_$][\w$]*$/.test(encrypted.name)) {
    aliases.push(alias('Decrypted', `${ns}.XmlDataRequest${pascalName(encrypted.name)}`))
    lines.push(
      '',
      `/** @type {import('./virtual').Decrypted} */`,
      `const plain = /** @type {any} */ (Transformer.toObject(Aes.AesEcb.decrypt(notification.${encrypted.name}, Hash.md5(apiv2Secret)))) // [!code hl]`,
    )
  }
  lines.push('', `// Reply with ${ns.split('.').slice(-2).join('.')}.WellformedResponse, as XML.`)
  return { code: lines.join('\n'), declared, aliases }
}
