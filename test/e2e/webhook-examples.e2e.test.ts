// The docs pages' webhook handlers run as copied: each page's business.js from generated/docs, with its hidden
// `./virtual` import pointing at the generated client and test keys, is mounted on node:http as it is. A notification
// signed and encrypted as WeChat Pay does it is acknowledged; an altered one gets the failure reply.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { docsPath } from '../../generator/emit/docs/docs-index.js'
import type { IrWebhook } from '../../generator/ir/types.js'
import { readDocs } from '../../generator/run/read-docs.js'
import { docsDir, projectDir } from '../helpers.js'
import { outgoing, type Outgoing } from './wechatpay-notifier.js'
import { notifierKeys } from './local-wechatpay.js'

const { keys, platform } = notifierKeys()
const webhooks = (await readDocs(docsDir)).document.operations.filter((op): op is IrWebhook => op.kind === 'webhook')
const base = join(projectDir, 'node_modules/.cache')
mkdirSync(base, { recursive: true })
const dir = mkdtempSync(join(base, 'webhook-examples-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The page's handler module: business.js as the page has it, beside a `virtual` that is the real thing. */
async function handlerOf(op: IrWebhook): Promise<(req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  const page = readFileSync(join(projectDir, 'generated', docsPath(op.source.file)), 'utf8')
  const business = /\/\/ @filename: business\.js\n([\s\S]*?)\n```$/m.exec(page)![1]!.replace('// ---cut---\n', '')
  const folder = join(dir, op.event)
  mkdirSync(folder)
  const client = pathToFileURL(join(projectDir, 'generated/client.ts')).href
  writeFileSync(
    join(folder, 'virtual.ts'),
    `export { createNotificationReceiver, replyV2, replyV3 } from '${client}'
export const apiv3Key = ${JSON.stringify(keys.apiv3Key)}
export const secret = ${JSON.stringify(keys.secret)}
export const certs = { ${JSON.stringify(keys.platformSerial)}: ${JSON.stringify(platform.publicKey)} }
`,
  )
  // As .ts, so that the test runner resolves `./virtual` without an extension, as twoslash does.
  writeFileSync(join(folder, 'business.ts'), business)
  return ((await import(pathToFileURL(join(folder, 'business.ts')).href)) as { onNotification: (req: IncomingMessage, res: ServerResponse) => Promise<void> }).onNotification
}

async function post(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>, notification: Outgoing) {
  const server = createServer((req, res) => void handler(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: 'POST', headers: notification.headers, body: notification.body })
    return { status: response.status, body: await response.text() }
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
}

describe('the docs pages webhook handlers, run as copied', () => {
  test.each(webhooks.map((op) => [op.id, op] as const))('%s acknowledges a notification and refuses an altered one', async (_, op) => {
    const handler = await handlerOf(op)
    const notification = outgoing(op, keys)
    const altered = { ...notification, body: notification.body.replace(/sample:/, 'sample!') }
    if (op.protocol === 'v3') {
      expect(await post(handler, notification)).toEqual({ status: 204, body: '' })
      expect(await post(handler, altered)).toEqual({ status: 401, body: '{"code":"FAIL","message":"bad-signature"}' })
    } else {
      expect(await post(handler, notification)).toEqual({ status: 200, body: '<xml><return_code>SUCCESS</return_code><return_msg>OK</return_msg></xml>' })
      // The refund notification has no `sign`: what proves it is `req_info`, which decrypts to text only unaltered.
      const block = { ...notification, body: notification.body.replace(/<req_info>([^<]+)/, (_, text: string) => `<req_info>${flipBlock(text)}`) }
      expect((await post(handler, block)).body).toBe('<xml><return_code>FAIL</return_code><return_msg>decrypt-failed</return_msg></xml>')
    }
  })
})

function flipBlock(base64: string): string {
  const bytes = Buffer.from(base64, 'base64')
  for (let i = 16; i < 32; i++) bytes[i]! ^= 0x5a
  return bytes.toString('base64')
}
