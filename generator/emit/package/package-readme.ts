import type { IrOperation } from '../../ir/types.js'
import { generatedBy } from '../header.js'
import { propertyName } from '../types/identifiers.js'
import { markdownText } from '../docs/markdown-text.js'
import type { PackageInfo } from './package-json.js'

/** What the README says of an operation: plain data, made page by page. */
export interface OperationSummary {
  id: string
  kind: 'endpoint' | 'webhook'
  title: string
  /** The chain call (`wxpay.v3.pay.transactions.jsapi.post`), or a notification's event type. */
  call: string
  /** The first official documentation link. */
  link?: string
}

/** The package's README: how to install and call it, and every operation and notification it types. */
export function packageReadmeText(info: PackageInfo, operations: OperationSummary[]): string {
  const endpoints = operations.filter((op) => op.kind === 'endpoint')
  const webhooks = operations.filter((op) => op.kind === 'webhook')
  const example = endpoints[0]?.call ?? 'wxpay.v3.certificates.get'
  return `<!-- ${generatedBy()} -->

# ${markdownText(info.name)}

The WeChat Pay API for Node.js: ${endpoints.length} operations and ${webhooks.length} notifications, typed from their docs
pages, over the runtime [wechatpay-axios-plugin](https://www.npmjs.com/package/wechatpay-axios-plugin), which signs
each request and verifies each reply.

## Install

\`\`\`sh
npm install ${info.name}
\`\`\`

## Use

\`\`\`ts
import { createWechatpay, type WeChatPay } from '${info.name}'

const wxpay = createWechatpay({ mchid, serial, privateKey, certs })
const reply = await ${example}(/* the request, as its docs page says */)
\`\`\`

Every request and reply type is named under \`WeChatPay\`, by the operation's path and verb:
\`WeChatPay.OpenAPI.V3.Pay.Transactions.Jsapi.PostHttpMethod.JsonDataRequest\`. Notifications are verified, decrypted
and typed by \`createNotificationReceiver({ ... })\`.

## Operations

| Operation | Call | Docs |
| --- | --- | --- |
${endpoints.map((op) => `| ${cell(op.title)} | \`${op.call}\` | ${linkOf(op)} |`).join('\n')}

## Notifications

| Notification | Event | Docs |
| --- | --- | --- |
${webhooks.map((op) => `| ${cell(op.title)} | \`${op.call}\` | ${linkOf(op)} |`).join('\n')}
`
}

/** Docs text in a table cell: inert, and with no `|` to end the cell early. */
function cell(text: string): string {
  return markdownText(text).replaceAll('|', '\\|').replaceAll('\n', ' ')
}

/** The official link, when it is a plain web address. */
function linkOf(op: OperationSummary): string {
  return op.link !== undefined && /^https?:\/\/[^\s<>()|`]+$/.test(op.link) ? `[${new URL(op.link).host}](${op.link})` : ''
}

/** An operation's line in the README, made with its page (the merge has the operations only as `ir.json` text). */
export function operationSummary(op: IrOperation): OperationSummary {
  const call = op.kind === 'endpoint' ? `wxpay.${op.segments.map(propertyName).join('.')}.${op.method}` : op.event
  const link = op.links[0]?.url
  return { id: op.id, kind: op.kind, title: op.title, call, ...(link !== undefined && { link }) }
}
