// A local HTTPS server that plays the WeChat Pay API for the end-to-end tests. It implements the protocol rules
// (spec/output-conventions.md §2.4–2.6) with node:crypto directly, so the runtime is checked against an independent
// implementation, not against itself.
import { createHash, createHmac, createPrivateKey, createPublicKey, randomBytes, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto'
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { XMLBuilder, XMLParser } from 'fast-xml-parser'

/** How the server signs its replies: honestly, with the wrong key, or honestly and then altered in transit. */
export type ReplyMode = 'signed' | 'wrong-signature' | 'tampered'

export interface ServerKeys {
  tls: { key: string; cert: string }
  /** Trust anchor for merchant client certificates (mutual TLS on `secapi` paths). */
  merchantCa: string
  mchid: string
  /** APIv2 key: 32 characters. */
  secret: string
  /** APIv3: the merchant certificate serial and public key that verify `Authorization`. */
  merchantSerial: string
  merchantPublicKey: string
  /** APIv3: the platform key that signs replies, and its serial (`Wechatpay-Serial`). */
  platformSerial: string
  platformPrivateKey: string
  /** A key the client does not trust, for `wrong-signature`. */
  strangerPrivateKey: string
}

/** What the server saw of one request. */
export interface Seen {
  method: string
  url: string
  /** The CN of the verified client certificate, if one was presented. */
  clientCertificate?: string
  signatureValid: boolean
  body: Record<string, unknown> | undefined
}

export type Handler = (request: Seen) => Record<string, unknown>

export interface FakeWechatpay {
  baseURL: string
  seen: Seen[]
  mode: ReplyMode
  close(): Promise<void>
}

const xml = { parser: new XMLParser({ parseTagValue: false }), builder: new XMLBuilder({ cdataPropName: '__cdata' }) }

export async function startServer(keys: ServerKeys, handlers: Record<string, Handler>): Promise<FakeWechatpay> {
  const state: FakeWechatpay = { baseURL: '', seen: [], mode: 'signed', close: async () => {} }
  const server: Server = createServer(
    { key: keys.tls.key, cert: keys.tls.cert, ca: keys.merchantCa, requestCert: true, rejectUnauthorized: false },
    (req, res) => void handle(req, res, keys, handlers, state),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.baseURL = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`
  state.close = () => new Promise((resolve) => server.close(() => resolve()))
  return state
}

async function handle(req: IncomingMessage, res: ServerResponse, keys: ServerKeys, handlers: Record<string, Handler>, state: FakeWechatpay) {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const raw = Buffer.concat(chunks).toString('utf8')
  const url = new URL(req.url ?? '/', 'https://127.0.0.1')
  const route = `${req.method} ${url.pathname}`
  const handler = handlers[route] ?? Object.entries(handlers).find(([k]) => new RegExp(`^${k.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(route))?.[1]
  const socket = req.socket as TLSSocket
  const clientCertificate = socket.authorized ? String(socket.getPeerCertificate().subject?.CN) : undefined

  if (url.pathname.startsWith('/v3/')) {
    const signatureValid = checkAuthorization(req, raw, keys)
    const seen: Seen = { method: req.method!, url: req.url!, clientCertificate, signatureValid, body: raw ? JSON.parse(raw) : undefined }
    state.seen.push(seen)
    if (!signatureValid) return replyV3(res, 401, { code: 'SIGN_ERROR', message: '签名错误' }, keys, state.mode)
    if (!handler) return replyV3(res, 404, { code: 'NOT_FOUND', message: route }, keys, state.mode)
    return replyV3(res, 200, handler(seen), keys, state.mode)
  }

  const body = (xml.parser.parse(raw) as { xml?: Record<string, string> }).xml ?? {}
  const signatureValid = body.mch_id === keys.mchid && timingEqual(body.sign ?? '', signV2(body, keys.secret))
  const seen: Seen = { method: req.method!, url: req.url!, clientCertificate, signatureValid, body }
  state.seen.push(seen)
  // `secapi` calls need the merchant certificate: without it WeChat Pay refuses the request.
  if (url.pathname.startsWith('/secapi/') && !clientCertificate) return replyV2(res, 403, { return_code: 'FAIL', return_msg: '证书错误' }, keys, state.mode)
  if (!signatureValid) return replyV2(res, 200, { return_code: 'FAIL', return_msg: '签名错误' }, keys, state.mode)
  if (!handler) return replyV2(res, 404, { return_code: 'FAIL', return_msg: route }, keys, state.mode)
  return replyV2(res, 200, { return_code: 'SUCCESS', result_code: 'SUCCESS', ...handler(seen) }, keys, state.mode)
}

/** APIv3 `Authorization`: `WECHATPAY2-SHA256-RSA2048 mchid="…",serial_no="…",timestamp="…",nonce_str="…",signature="…"`. */
function checkAuthorization(req: IncomingMessage, raw: string, keys: ServerKeys): boolean {
  const header = req.headers.authorization ?? ''
  if (!header.startsWith('WECHATPAY2-SHA256-RSA2048 ')) return false
  const parts = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
  if (parts.mchid !== keys.mchid || parts.serial_no !== keys.merchantSerial) return false
  const message = `${req.method}\n${req.url}\n${parts.timestamp}\n${parts.nonce_str}\n${raw}\n`
  return verify('sha256', Buffer.from(message), createPublicKey(keys.merchantPublicKey), Buffer.from(parts.signature ?? '', 'base64'))
}

function replyV3(res: ServerResponse, status: number, data: Record<string, unknown>, keys: ServerKeys, mode: ReplyMode) {
  const body = JSON.stringify(data)
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomBytes(16).toString('hex')
  const key: KeyObject = createPrivateKey(mode === 'wrong-signature' ? keys.strangerPrivateKey : keys.platformPrivateKey)
  const signature = sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`), key).toString('base64')
  const sent = mode === 'tampered' ? body.replace(/\d/, (d) => String((Number(d) + 1) % 10)) : body
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': keys.platformSerial,
    'Wechatpay-Signature': signature,
  })
  res.end(sent)
}

function replyV2(res: ServerResponse, status: number, data: Record<string, string>, keys: ServerKeys, mode: ReplyMode) {
  const fields = { ...data, nonce_str: randomBytes(16).toString('hex') }
  const secret = mode === 'wrong-signature' ? keys.secret.split('').reverse().join('') : keys.secret
  let signed: Record<string, string> = { ...fields, sign: signV2(fields, secret) }
  if (mode === 'tampered') signed = { ...signed, return_amount: `${Number(signed.return_amount ?? 0) + 1}` }
  res.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8' })
  res.end(xml.builder.build({ xml: signed }))
}

/** APIv2 `sign`: sorted `k=v` pairs without `sign` and empty values, then `&key=secret`; HMAC-SHA256 or MD5, uppercase hex. */
export function signV2(data: Record<string, string>, secret: string, type: 'HMAC-SHA256' | 'MD5' = 'HMAC-SHA256'): string {
  const text = Object.keys(data)
    .filter((k) => k !== 'sign' && data[k] !== undefined && data[k] !== '')
    .sort()
    .map((k) => `${k}=${data[k]}`)
    .join('&')
  const hash = type === 'MD5' ? createHash('md5') : createHmac('sha256', secret)
  return hash.update(`${text}&key=${secret}`).digest('hex').toUpperCase()
}

function timingEqual(a: string, b: string): boolean {
  const [x, y] = [createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest()]
  return timingSafeEqual(x, y)
}
