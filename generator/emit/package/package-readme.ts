import type { IrOperation } from '../../ir/types.js'
import { generatedBy } from '../header.js'
import { endpointNamespace, propertyName } from '../types/identifiers.js'
import { requestConfigOf } from '../types/request-config.js'
import { bodyOf, carriesBody } from '../types/request-shape.js'
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
  /** An endpoint's types: its `<Verb>HttpMethod` namespace, its body's interface, and whether the config is required. */
  types?: { namespace: string; body?: string; configRequired: boolean }
}

/** The package's README: how to install and call it, and every operation and notification it types. */
export function packageReadmeText(info: PackageInfo, operations: OperationSummary[], groups: string[]): string {
  const endpoints = operations.filter((op) => op.kind === 'endpoint')
  const webhooks = operations.filter((op) => op.kind === 'webhook')
  const notifications = webhooks.length === 0 ? '' : `

## Notifications

\`createNotificationReceiver({ ... })\` verifies, decrypts and types them.

| Notification | Event | Docs |
| --- | --- | --- |
${webhooks.map((op) => `| ${cell(op.title)} | \`${op.call}\` | ${linkOf(op)} |`).join('\n')}`
  return `<!-- ${generatedBy()} -->

# ${markdownText(info.name)}

The WeChat Pay API for Node.js: ${endpoints.length} operations and ${webhooks.length} notifications, typed from their docs
pages, over the runtime [wechatpay-axios-plugin](https://www.npmjs.com/package/wechatpay-axios-plugin), which signs
each request and verifies each reply.

## Install

\`\`\`sh
npm install ${info.name}
\`\`\`

Its declarations use Node's types: npm 7 and later also install \`@types/node\`, a peer dependency.
${usage(info, endpoints, groups)}
## Operations

| Operation | Call | Docs |
| --- | --- | --- |
${endpoints.map((op) => `| ${cell(op.title)} | \`${op.call}\` | ${linkOf(op)} |`).join('\n')}${notifications}
`
}

/** How to call one operation: an APIv3 POST with a body when the package has one, as most calls are. */
function usage(info: PackageInfo, endpoints: OperationSummary[], groups: string[]): string {
  // The call most apps make first when the package has it, else the first APIv3 call with a body.
  const op = endpoints.find((e) => e.call === 'wxpay.v3.pay.transactions.jsapi.post') ?? endpoints.find((e) => e.id.startsWith('v3/') && e.types?.body !== undefined) ?? endpoints[0]
  if (op?.types === undefined) return ''
  const { namespace, body, configRequired } = op.types
  const lines = [`const wxpay = createWechatpay({ mchid, serial, privateKey, certs })`]
  if (body !== undefined) lines.push(`const data: ${namespace}.${body} = { /* the members its docs page lists */ }`)
  if (configRequired) lines.push(`const config: ${namespace}.RequestConfig = { /* what the call needs besides the body */ }`)
  const args = [...(body !== undefined ? ['data'] : []), ...(configRequired ? ['config'] : [])]
  lines.push(`const { data: reply } = await ${op.call}(${args.join(', ')})`)
  return `
## Use

\`\`\`ts
import { createWechatpay, type WeChatPay } from '${info.name}'

${lines.join('\n')}
\`\`\`

APIv3 calls need the merchant id, the serial number and private key of the merchant certificate, and the platform
certificates or public key; APIv2 calls also need \`secret\` (the APIv2 key), and \`merchant\` (the certificate) for the
calls that take \`security: true\`. Every request and reply type is named under \`WeChatPay\` by the operation's path
and verb: \`${namespace}.WellformedResponse\` is the reply of \`${op.call}\`.
${groupUsage(info, op, groups)}`
}

/** How to type only the groups an app calls: the example's group (`v3/pay` for `wxpay.v3.pay.…`) beside the core. */
function groupUsage(info: PackageInfo, op: OperationSummary, groups: string[]): string {
  const group = groups.find((path) => op.call.startsWith(`wxpay.${path.replace('/', '.')}.`))
  if (group === undefined) return ''
  const subpath = `${info.name}/${group}`
  return `
## Type only what you call

The package's entry types every operation, and an app's type-check reads all their declarations. An app that imports
\`${info.name}/core\` and the operation groups it calls reads only those. A group is the first name under \`wxpay.v3\`
or \`wxpay.v2\`, as the chain spells it: \`${subpath}\` for \`${op.call}\`.

\`\`\`ts
import { createWechatpay, type WeChatPay } from '${info.name}/core'
import type {} from '${subpath}'

const wxpay = createWechatpay({ mchid, serial, privateKey, certs })
export const call = ${op.call}
\`\`\`

A group is types only: \`import type {} from\` adds its calls to the chain, leaves nothing in the JavaScript, and a
misspelt group is an error at the import (a bare \`import '${subpath}'\` works too, but TypeScript checks its path only
with \`noUncheckedSideEffectImports\`). The groups a program imports, anywhere in it, are on the chain everywhere in it,
so take the types from \`${info.name}/core\` too: the package's entry, even in an \`import type\`, brings every group.
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
  const link = op.links[0]?.url
  const summary: OperationSummary = { id: op.id, kind: op.kind, title: op.title, call: op.kind === 'endpoint' ? `wxpay.${op.segments.map(propertyName).join('.')}.${op.method}` : op.event }
  if (link !== undefined) summary.link = link
  if (op.kind === 'endpoint') {
    const body = carriesBody(op.method) ? bodyOf(op).name : undefined
    summary.types = { namespace: endpointNamespace(op), ...(body !== undefined && { body }), configRequired: requestConfigOf(op, body).required }
  }
  return summary
}
