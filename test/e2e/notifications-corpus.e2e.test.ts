// End to end over the whole corpus: the client of ../shared/corpus is generated (the CLI's page pipeline: pool,
// cache, merge), and every webhook page's notification is posted to a node:http endpoint using that client's receiver. Each
// must come back equal to what was sent; each, altered once, must be refused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { IrDocument, IrWebhook } from '../../generator/ir/types.js'
import { listPages } from '../../generator/run/list-pages.js'
import { corpusDir, generated, hasCorpus, projectDir } from '../helpers.js'
import { startEndpoint, type Endpoint, type ReceiverModule } from './receiver-server.js'
import { bodyFields, outgoing, tamperV2, type Outgoing } from './wechatpay-notifier.js'
import { notifierKeys } from './local-wechatpay.js'

const { keys, platform } = notifierKeys()

describe.skipIf(!hasCorpus)('notifications of every webhook page of ../shared/corpus', () => {
  let webhooks: IrWebhook[]
  let ir: IrDocument
  let endpoint: Endpoint
  let dir: string
  beforeAll(async () => {
    const { document, outputs } = await generated(corpusDir, ['ir', 'types', 'client'])
    ir = document
    webhooks = ir.operations.filter((op): op is IrWebhook => op.kind === 'webhook')
    // Inside the project, so that the client's `wechatpay-axios-plugin` import resolves as it does for a user.
    const base = join(projectDir, 'node_modules/.cache')
    mkdirSync(base, { recursive: true })
    dir = mkdtempSync(join(base, 'notifications-corpus-'))
    for (const [path, text] of outputs) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    const client = (await import(pathToFileURL(join(dir, 'client.ts')).href)) as ReceiverModule
    endpoint = await startEndpoint(client, { apiv3Key: keys.apiv3Key, certs: { [keys.platformSerial]: platform.publicKey }, secret: keys.secret })
  })
  afterAll(async () => {
    await endpoint?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('every webhook page with an operation is one notification; the others are redirects', () => {
    const pages = listPages(corpusDir).filter((p) => /^webhook\/v[23]\/[^/]+\.md$/.test(p))
    const roles = new Map(ir.pages.map((p) => [p.source.file, p.role]))
    const withOperations = pages.filter((p) => roles.get(p) === 'operations')
    expect(webhooks.map((op) => `webhook/${op.protocol}/${op.event}.md`).sort()).toEqual(withOperations.sort())
    expect(pages.filter((p) => roles.get(p) !== 'operations').map((p) => roles.get(p))).toEqual(pages.filter((p) => roles.get(p) !== 'operations').map(() => 'redirect'))
    console.log(`${pages.length} webhook pages: ${withOperations.length} notifications, ${pages.length - withOperations.length} redirects`)
  })

  test('each arrives verified, decrypted and equal to what was sent, and each altered is refused', async () => {
    const failures: string[] = []
    const codes: Record<string, number> = {}
    for (const op of webhooks) {
      const notification = outgoing(op, keys)
      const reply = await endpoint.post(notification)
      const outcome = endpoint.outcomes.at(-1)!
      if (!('value' in outcome) || JSON.stringify(outcome.value) !== JSON.stringify(notification.expected) || reply.status >= 300) {
        failures.push(`${op.id}: ${'error' in outcome ? String(outcome.error) : 'a different value'}`)
      }
      const altered = alter(op, notification)
      await endpoint.post(altered)
      const refused = endpoint.outcomes.at(-1)!
      const code = 'error' in refused ? (refused.error as { code?: string }).code : undefined
      if (code === undefined) failures.push(`${op.id}: an altered notification was accepted`)
      else codes[code] = (codes[code] ?? 0) + 1
    }
    const v2 = webhooks.filter((op) => op.protocol === 'v2').length
    console.log(`${webhooks.length} corpus notifications (${webhooks.length - v2} APIv3, ${v2} APIv2) received; altered ones refused: ${JSON.stringify(codes)}`)
    expect(failures).toEqual([])
  })
})

/** The notification with one value changed after signing: a field of a signed one, else a block of its ciphertext. */
function alter(op: IrWebhook, notification: Outgoing): Outgoing {
  if (op.protocol === 'v3') return { ...notification, body: notification.body.replace('"summary":"', '"summary":"!') }
  if (bodyFields(op).some((f) => f.name === 'sign')) return { ...notification, body: notification.body.replace('>sample:', '>sample!') }
  return tamperV2(notification)
}
