// A merchant's notification endpoint: node:http on 127.0.0.1, the raw body read as bytes, the headers as Node gives
// them (names in lower case), the generated receiver, and the reply it makes. `?v2=page` routes to the APIv2 receiver.
import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buffer } from 'node:stream/consumers'
import type { Outgoing } from './wechatpay-notifier.js'

/** What both the docs' and the corpus's generated clients export, typed loosely enough for either. */
export interface ReceiverModule {
  createNotificationReceiver(options: object): {
    (headers: IncomingHttpHeaders, body: Buffer): Promise<unknown>
    v2(name: never, body: Buffer): Promise<unknown>
  }
  replyV3(error?: unknown): { status: number; headers: Record<string, string>; body: string }
  replyV2(error?: unknown): { status: number; headers: Record<string, string>; body: string }
}

export interface Endpoint {
  url: string
  /** Each request's outcome, in order: the value received, or the error. */
  outcomes: Array<{ value: unknown } | { error: unknown }>
  /** Posts a notification; resolves with the reply. */
  post(notification: Outgoing): Promise<{ status: number; contentType: string | null; body: string }>
  close(): Promise<void>
}

export async function startEndpoint(client: ReceiverModule, options: object): Promise<Endpoint> {
  const receive = client.createNotificationReceiver(options)
  const outcomes: Endpoint['outcomes'] = []
  const server = createServer(async (req, res) => {
    const body = await buffer(req)
    const v2 = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('v2')
    let reply
    try {
      const value = v2 === null ? await receive(req.headers, body) : await receive.v2(v2 as never, body)
      outcomes.push({ value })
      reply = v2 === null ? client.replyV3() : client.replyV2()
    } catch (error) {
      outcomes.push({ error })
      reply = v2 === null ? client.replyV3(error) : client.replyV2(error)
    }
    res.writeHead(reply.status, reply.headers).end(reply.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`
  return {
    url,
    outcomes,
    async post(notification) {
      const target = notification.protocol === 'v2' ? `${url}?v2=${encodeURIComponent(notification.page)}` : url
      const response = await fetch(target, { method: 'POST', headers: notification.headers, body: notification.body })
      return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
