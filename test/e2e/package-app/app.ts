// An app of a user of the generated package: it names the package's types, makes real calls, and prints what came
// back as one JSON line. The package's end-to-end test installs the packed package beside it, type-checks it under
// strict and runs it against the local WeChat Pay. The wrong calls are never run: they only must not type-check.
import { readFileSync } from 'node:fs'
import { Agent } from 'node:https'
import { createWechatpay, type WeChatPay, type WechatpayConfig } from 'wechatpay-e2e-sdk'

type Order = WeChatPay.OpenAPI.V3.Profitsharing.Orders.PostHttpMethod.JsonDataRequest
type OrderReply = WeChatPay.OpenAPI.V3.Profitsharing.Orders.PostHttpMethod.WellformedResponse
type ReturnRequest = WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod.XmlDataRequest

const { ca, ...local } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as WechatpayConfig & { ca: string }
const wxpay = createWechatpay({ ...local, httpsAgent: new Agent({ ca }) })

const order: Order = {
  sub_mchid: '1900000109',
  transaction_id: '4208450740201411110007820472',
  out_order_no: 'P20150806125346',
  receivers: [{ type: 'MERCHANT_ID', account: '86693852', amount: 888, description: '分给商户A' }],
  unfreeze_unsplit: true,
}
const returned: ReturnRequest = {
  mch_id: local.mchid,
  sub_mch_id: '1900000110',
  appid: 'wx8888888888888888',
  sign_type: 'HMAC-SHA256',
  out_return_no: 'R20190516001',
  return_account_type: 'MERCHANT_ID',
  return_account: '86693852',
  return_amount: 888,
  description: '用户退款',
}
const serial = { headers: { 'Wechatpay-Serial': Object.keys(local.certs as Record<string, string>)[0]! } }

const placed: OrderReply = (await wxpay.v3.profitsharing.orders.post(order, serial)).data
const queried = (await wxpay.v3.profitsharing.orders._out_order_no_.get({ out_order_no: order.out_order_no, params: { sub_mchid: order.sub_mchid, transaction_id: order.transaction_id } })).data
const refunded = (await wxpay.v2.secapi.pay.profitsharingreturn.post(returned, { security: true })).data
const state: 'PROCESSING' | 'FINISHED' = queried.state
process.stdout.write(`${JSON.stringify({ placed: placed.state, queried: state, returnNo: refunded.return_no })}\n`)

export function wrongCalls(): void {
  // @ts-expect-error: a required field is missing
  void wxpay.v3.profitsharing.orders.post({ ...order, out_order_no: undefined }, serial)
  // @ts-expect-error: not one of the receiver types the docs list
  void wxpay.v3.profitsharing.orders.post({ ...order, receivers: [{ ...order.receivers[0]!, type: 'BANK' }] }, serial)
  // @ts-expect-error: this APIv2 call needs the merchant certificate, `{ security: true }`
  void wxpay.v2.secapi.pay.profitsharingreturn.post(returned)
  // @ts-expect-error: a path parameter is required
  void wxpay.v3.profitsharing.orders._out_order_no_.get({ params: { sub_mchid: '1', transaction_id: '2' } })
  // @ts-expect-error: the amount is a number of fen
  const wrongAmount: Order = { ...order, receivers: [{ ...order.receivers[0]!, amount: '8.88' }] }
  void wrongAmount
}
