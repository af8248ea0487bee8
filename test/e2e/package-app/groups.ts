// An app that types only what it calls: the package's `core` and one operation group. The package's end-to-end test
// type-checks it in a program of its own (a group imported anywhere in a program adds to the chain everywhere in it)
// and runs it against the local WeChat Pay.
import { readFileSync } from 'node:fs'
import { Agent } from 'node:https'
import { createWechatpay, type WeChatPay, type WechatpayConfig } from 'wechatpay-e2e-sdk/core'
import type {} from 'wechatpay-e2e-sdk/v3/profitsharing'
// @ts-expect-error: a misspelt group is an error at its import
import type {} from 'wechatpay-e2e-sdk/v3/profitshare'

const { ca, ...local } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as WechatpayConfig & { ca: string }
const wxpay = createWechatpay({ ...local, httpsAgent: new Agent({ ca }) })

const order: WeChatPay.OpenAPI.V3.Profitsharing.Orders.PostHttpMethod.JsonDataRequest = {
  sub_mchid: '1900000109',
  transaction_id: '4208450740201411110007820472',
  out_order_no: 'P20150806125346',
  receivers: [{ type: 'MERCHANT_ID', account: '86693852', amount: 888, description: '分给商户A' }],
  unfreeze_unsplit: true,
}
const serial = { headers: { 'Wechatpay-Serial': Object.keys(local.certs as Record<string, string>)[0]! } }
const placed = (await wxpay.v3.profitsharing.orders.post(order, serial)).data
const state: 'PROCESSING' | 'FINISHED' = placed.state
process.stdout.write(`${JSON.stringify({ placed: state })}\n`)

export function outsideItsGroups(): void {
  // @ts-expect-error: the APIv2 group `secapi` is not imported, so the chain does not have it
  void wxpay.v2.secapi
  // @ts-expect-error: a required field is missing, as with the whole package
  void wxpay.v3.profitsharing.orders.post({ ...order, out_order_no: undefined }, serial)
}
