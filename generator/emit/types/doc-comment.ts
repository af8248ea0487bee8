import type { IrField } from '../../ir/types.js'

/** Which way a field travels: notes differ (a request field is encrypted by us, a response field decrypted). */
export type Side = 'request' | 'response'

/**
 * The JSDoc lines of a field: its description, what the wire form is (encrypted, encoded, signed) and its tooltip.
 * `payloadType` names the decoded type when the field carries an encoded payload. The official page is linked once,
 * from the declaration the field is in and from the verb, not from every member: a user's checker reads each line.
 */
export function fieldDoc(field: IrField, side: Side, payloadType?: string): string[] {
  const lines = docText(field.description)
  if (field.tooltip && !PHP_TYPE.test(field.tooltip)) lines.push(...docText(field.tooltip))
  const note = wireNote(field, side, payloadType)
  if (note) lines.push(note)
  return lines
}

/** A tooltip that names the PHP type of a field (`对应PHP的array`): the declarations say the type themselves. */
const PHP_TYPE = /^对应PHP的\w+$/

function wireNote(field: IrField, side: Side, payloadType: string | undefined): string | undefined {
  const decoded = payloadType ? ` The decoded value is {@link ${payloadType}}.` : ''
  switch (field.encryption) {
    case 'rsa-pubkey':
      return side === 'request'
        ? `Encrypted with the WeChat Pay public key (\`Rsa.encrypt\`); name that key in the \`Wechatpay-Serial\` header.${decoded}`
        : `Encrypted with the merchant public key; decrypt with \`Rsa.decrypt\` and the merchant private key.${decoded}`
    case 'aes-gcm':
      return `Encrypted with AEAD_AES_256_GCM under the APIv3 key; decrypt with \`Aes.AesGcm.decrypt\`.${decoded}`
    case 'aes-ecb':
      return `Encrypted with AES-256-ECB under the MD5 of the APIv2 key; decrypt with \`Aes.AesEcb.decrypt\`.${decoded}`
    case undefined:
      break
    default:
      return assertNever(field.encryption)
  }
  switch (field.encoding) {
    case 'json_encode':
      return `A JSON string: \`JSON.stringify\` of the value.${decoded}`
    case 'urlencode':
      return `URL-encoded (\`encodeURIComponent\`).${decoded}`
    case undefined:
      break
    default:
      return assertNever(field.encoding)
  }
  if (field.signed === 'rsa-privatekey') return 'Signed with the merchant private key (`Rsa.sign`).'
  return payloadType ? `A string carrying {@link ${payloadType}}.` : undefined
}

/**
 * The line that links a declaration to its official page: a Markdown link, which editors render as one. Not a
 * `@link` or `@see` tag: tsc parses every JSDoc comment holding either (and skips the others), which cost a user's
 * type-check of the corpus package about 0.2 s of 3.5 s CPU.
 */
export function officialLink(url: string): string {
  return `[官方文档](${url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`
}

/** Lines of text from the docs, non-empty; a line starting with `@` is escaped so it cannot read as a JSDoc tag. */
export function docText(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/^(\s*)@/, '$1\\@'))
}

/** Lines made safe for a block comment: `*\/` would end it early. */
export function safeDocLines(lines: string[]): string[] {
  return lines.map((line) => line.replace(/\*\//g, '*\\/'))
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value ${JSON.stringify(value)}`)
}
