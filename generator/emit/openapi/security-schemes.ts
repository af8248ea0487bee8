import type { IrOperation } from '../../ir/types.js'
import type { JsonObject } from './json-schema.js'

/**
 * How WeChat Pay authenticates calls, as OpenAPI security schemes. APIv2's `sign` is a member of the XML body (or
 * of the query of a GET), which no scheme can place; the body schemas document it, optional since the runtime
 * computes it.
 */
export const SECURITY_SCHEMES: JsonObject = {
  'WECHATPAY2-SHA256-RSA2048': {
    type: 'http',
    scheme: 'WECHATPAY2-SHA256-RSA2048',
    description:
      'APIv3: `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",serial_no="…",timestamp="…",nonce_str="…",signature="…"`, ' +
      'an RSA SHA-256 signature of `METHOD\\nURI\\nTIMESTAMP\\nNONCE\\nBODY\\n` by the merchant private key. Replies are ' +
      'signed by WeChat Pay in the `Wechatpay-Signature` header and verified with the platform certificate or public key.',
  },
  MerchantCertificate: {
    type: 'mutualTLS',
    description: 'APIv2 calls marked `x-wechatpay-security`: TLS with the merchant certificate (`security: true`).',
  },
  WechatpayNotificationSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'Wechatpay-Signature',
    description:
      'APIv3 notifications: WeChat Pay signs `TIMESTAMP\\nNONCE\\nBODY\\n` with its private key; verify with the key ' +
      'named by `Wechatpay-Serial`.',
  },
}

/** The security requirement of an operation, or undefined when no scheme describes it (APIv2 `sign` alone). */
export function securityOf(op: IrOperation): JsonObject[] | undefined {
  if (op.kind === 'webhook') return op.protocol === 'v3' ? [{ WechatpayNotificationSignature: [] }] : undefined
  if (op.protocol === 'v3') return [{ 'WECHATPAY2-SHA256-RSA2048': [] }]
  return op.request.roots.some((r) => r.role === 'security') ? [{ MerchantCertificate: [] }] : undefined
}
