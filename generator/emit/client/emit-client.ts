import { generatedBy } from '../header.js'

/**
 * `client.ts`: a factory that builds the real `wechatpay-axios-plugin` instance from the runtime's own configuration
 * and returns it typed by the `types/` declarations. No wrapper: the chain, signing and verification are the runtime's.
 * Written already in prettier's form (a test holds it to that), so no formatter runs for it.
 */
export function emitClient(): string {
  const text = `// ${generatedBy()}
/// <reference path="./types/index.d.ts" />
import { Wechatpay as Runtime } from 'wechatpay-axios-plugin'

/**
 * The runtime's configuration: \`mchid\`; for APIv3 \`serial\`, \`privateKey\` and \`certs\` (platform certificates or
 * public keys by serial); for APIv2 \`secret\` and, for \`security: true\` calls, \`merchant\` (\`cert\` and \`key\`, or
 * \`pfx\`); plus axios defaults such as \`baseURL\`.
 */
export type WechatpayConfig = ConstructorParameters<typeof Runtime>[0]

/** The chain typed by the generated declarations: \`wxpay.v3.pay.transactions.jsapi.post(data, config)\`. */
export type Wechatpay = WeChatPay.Wechatpay

/** Creates the \`wechatpay-axios-plugin\` instance: it signs requests and verifies replies; these types check the calls. */
export function createWechatpay(config: WechatpayConfig): Wechatpay {
  return new Runtime(config) as unknown as Wechatpay
}
`
  return text
}
