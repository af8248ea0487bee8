// The local WeChat Pay of the end-to-end tests, started with fresh keys, and what a client needs to reach it.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { generate } from 'selfsigned'
import type { NotifierKeys } from './wechatpay-notifier.js'
import { startServer, type FakeWechatpay, type Handler, type ServerKeys } from './wechatpay-server.js'

export const MCHID = '1900000109'
export const pem = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })

/** The runtime's configuration for the local server, as plain JSON (an agent trusting `ca` is made from it). */
export interface LocalConfig {
  mchid: string
  serial: string
  privateKey: string
  certs: Record<string, string>
  secret: string
  merchant: { cert: string; key: string; ca: string }
  baseURL: string
  /** The server's TLS certificate, for an `https.Agent({ ca })`. */
  ca: string
}

export interface LocalWechatpay {
  server: FakeWechatpay
  keys: ServerKeys
  config: LocalConfig
}

export async function startLocalWechatpay(handlers: Record<string, Handler>): Promise<LocalWechatpay> {
  const tls = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  })
  const merchantTls = await generate([{ name: 'commonName', value: MCHID }], { keySize: 2048 })
  const [merchant, platform, stranger] = [pem(), pem(), pem()]
  const keys: ServerKeys = {
    tls: { key: tls.private, cert: tls.cert },
    merchantCa: merchantTls.cert,
    mchid: MCHID,
    secret: randomBytes(16).toString('hex'),
    merchantSerial: '3775B6A45ACD588826D15E583A95F5DD12345678',
    merchantPublicKey: merchant.publicKey,
    platformSerial: 'PUB_KEY_ID_0119000010920250101000000000000',
    platformPrivateKey: platform.privateKey,
    strangerPrivateKey: stranger.privateKey,
  }
  const server = await startServer(keys, handlers)
  const config: LocalConfig = {
    mchid: MCHID,
    serial: keys.merchantSerial,
    privateKey: merchant.privateKey,
    certs: { [keys.platformSerial]: platform.publicKey },
    secret: keys.secret,
    merchant: { cert: merchantTls.cert, key: merchantTls.private, ca: tls.cert },
    baseURL: server.baseURL,
    ca: tls.cert,
  }
  return { server, keys, config }
}

/** Fresh keys of the WeChat Pay that sends notifications, and the platform key pair that signs them. */
export function notifierKeys(): { keys: NotifierKeys; platform: { publicKey: string; privateKey: string } } {
  const platform = pem()
  const keys: NotifierKeys = {
    apiv3Key: randomBytes(16).toString('hex'),
    secret: randomBytes(16).toString('hex'),
    platformSerial: 'PUB_KEY_ID_0119000010920250101000000000000',
    platformPrivateKey: platform.privateKey,
  }
  return { keys, platform }
}
