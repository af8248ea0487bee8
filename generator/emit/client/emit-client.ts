import { readFileSync } from 'node:fs'
import { generatedBy } from '../header.js'
import { declarationsDoc, printDoc } from '../types/print-declarations.js'
import { catalogueDoc, notificationDeclarations } from './notification-catalogue.js'
import type { NotificationShape } from './notification-shape.js'

export const CLIENT = 'client.ts'
/** The receiver's fixed code, copied beside client.ts. */
export const NOTIFICATION_RECEIVER = 'notification-receiver.ts'
/** The opt-in validation's fixed code (`validation.ts` here), copied under client/. */
export const CLIENT_VALIDATION = 'client/validation.ts'

/**
 * `client.ts`, the notification receiver it types and its opt-in validation. The client is a factory that builds the
 * real `wechatpay-axios-plugin` instance from the runtime's own configuration and returns it typed by the `types/`
 * declarations (no wrapper: the chain, signing and verification are the runtime's; validation, when asked for, hooks
 * the runtime's `request`), and a receiver factory typed by the docs' webhook pages (their `notificationShape`s).
 * Written already in prettier's form (a test holds it to that), so no formatter runs for it.
 */
export function emitClient(shapes: NotificationShape[]): Map<string, string> {
  const notifications = printDoc(declarationsDoc(notificationDeclarations(shapes)))
  const client = `// ${generatedBy()}
/// <reference path="./types/index.d.ts" />
import { Wechatpay as Runtime } from 'wechatpay-axios-plugin'
import {
  notificationReceiver,
  type NotificationCatalogue,
  type NotificationReceiver,
  type NotificationReceiverOptions,
  type ReceivedV2,
  type ReceivedV3,
} from './notification-receiver.js'
import { withValidation, type ValidationOptions } from './client/validation.js'

export {
  NotificationError,
  replyV2,
  replyV3,
  type HeadersLike,
  type NotificationErrorCode,
  type NotificationReceiver,
  type NotificationReceiverOptions,
  type RawBody,
  type ReceivedV2,
  type ReceivedV3,
  type ReplyV2,
  type ReplyV3,
} from './notification-receiver.js'
export {
  WechatpayValidationError,
  type ValidateOption,
  type ValidationIssue,
  type ValidationOptions,
} from './client/validation.js'

/**
 * The runtime's configuration: \`mchid\`; for APIv3 \`serial\`, \`privateKey\` and \`certs\` (platform certificates or
 * public keys by serial); for APIv2 \`secret\` and, for \`security: true\` calls, \`merchant\` (\`cert\` and \`key\`, or
 * \`pfx\`); plus axios defaults such as \`baseURL\`.
 */
export type WechatpayConfig = ConstructorParameters<typeof Runtime>[0]

/** The chain typed by the generated declarations: \`wxpay.v3.pay.transactions.jsapi.post(data, config)\`. */
export type Wechatpay = WeChatPay.Wechatpay

/**
 * Creates the \`wechatpay-axios-plugin\` instance: it signs requests and verifies replies; these types check the calls.
 * With \`{ validate: 'request' | 'reply' | 'both' }\` each call's data and config are also checked against the docs'
 * schemas (\`validation/\`, the \`validation\` target) before they are signed, and each reply after it is verified; a
 * failure rejects the call with a \`WechatpayValidationError\`.
 */
export function createWechatpay(config: WechatpayConfig, options: ValidationOptions = {}): Wechatpay {
  const wxpay = new Runtime(config) as unknown as Wechatpay
  return options.validate ? withValidation(wxpay, options.validate, new URL('./validation/', import.meta.url)) : wxpay
}

${notifications}
/**
 * Creates the receiver of notifications: \`await receive(headers, rawBody)\` for APIv3, \`await receive.v2(page, rawBody)\`
 * for APIv2. It verifies, decrypts and types them, or rejects with a \`NotificationError\` whose \`code\` says why.
 */
export function createNotificationReceiver(
  options: NotificationReceiverOptions,
): NotificationReceiver<Notification, NotificationsV2> {
  return notificationReceiver(CATALOGUE, options)
}

/** What the receiver must know of the docs: the APIv3 event types; how each APIv2 notification is signed and encrypted. */
${printDoc(catalogueDoc(shapes))}`
  return new Map([
    [CLIENT, client],
    [NOTIFICATION_RECEIVER, `// ${generatedBy('its notification receiver (the same for any docs)')}\n${fixedSource(NOTIFICATION_RECEIVER)}`],
    [CLIENT_VALIDATION, `// ${generatedBy('its validation runtime (the same for any docs)')}\n${fixedSource('validation.ts')}`],
  ])
}

const sources = new Map<string, string>()

/** A fixed file's source, beside this module: in generator/ it is the file itself, in dist/ the build's copy of it. */
function fixedSource(file: string): string {
  let text = sources.get(file)
  if (text === undefined) sources.set(file, (text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')))
  return text
}
