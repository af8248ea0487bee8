// Compile-time guarantees of the generated client (generated/ from docs/). `tsc --noEmit` in `npm test` checks this
// file: every `@ts-expect-error` must meet an error, and every `expectTypeOf` must hold. The calls sit in functions
// that never run; the vitest case only makes the file part of the run.
import { describe, expect, expectTypeOf, it } from 'vitest'
import { createWechatpay, type Wechatpay, type WechatpayConfig } from '../../generated/client.js'

import Seed = WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod
import Orders = WeChatPay.OpenAPI.V3.Profitsharing.Orders.PostHttpMethod
import Order = WeChatPay.OpenAPI.V3.Profitsharing.Orders._out_order_no_.GetHttpMethod

const seedData: Seed.XmlDataRequest = {
  mch_id: '1900000109',
  sub_mch_id: '1900000110',
  appid: 'wx8888888888888888',
  sign_type: 'HMAC-SHA256',
  out_return_no: 'R20190516001',
  return_account_type: 'MERCHANT_ID',
  return_account: '86693852',
  return_amount: 888,
  description: '用户退款',
}

const order: Orders.JsonDataRequest = {
  sub_mchid: '1900000109',
  transaction_id: '4208450740201411110007820472',
  out_order_no: 'P20150806125346',
  receivers: [{ type: 'MERCHANT_ID', account: '86693852', amount: 888, description: '分给商户A' }],
  unfreeze_unsplit: true,
}

export function guarantees(wxpay: Wechatpay) {
  // The seed call, and its typed reply.
  const seed = wxpay.v2.secapi.pay.profitsharingreturn.post(seedData, { security: true })
  expectTypeOf(seed).resolves.toHaveProperty('data').toEqualTypeOf<Seed.WellformedResponse>()
  expectTypeOf<Seed.WellformedResponse['return_code']>().toEqualTypeOf<'SUCCESS' | 'FAIL'>()
  // APIv2 replies are XML text: an integer field arrives as a string.
  expectTypeOf<Seed.WellformedResponse['return_amount']>().toEqualTypeOf<string>()
  // An optional row is optional, a required one is not.
  expectTypeOf<Seed.XmlDataRequest['sub_appid']>().toEqualTypeOf<string | undefined>()
  expectTypeOf<Seed.XmlDataRequest['out_return_no']>().toEqualTypeOf<string>()

  // @ts-expect-error `security: true` is required: the call needs the merchant certificate.
  wxpay.v2.secapi.pay.profitsharingreturn.post(seedData, {})
  // @ts-expect-error the config argument itself is required.
  wxpay.v2.secapi.pay.profitsharingreturn.post(seedData)
  // @ts-expect-error `security` is the literal `true`.
  wxpay.v2.secapi.pay.profitsharingreturn.post(seedData, { security: false })
  const { out_return_no: _, ...withoutRequired } = seedData
  // @ts-expect-error a required field is missing.
  wxpay.v2.secapi.pay.profitsharingreturn.post(withoutRequired, { security: true })
  // @ts-expect-error `sign_type` is the enum `HMAC-SHA256`.
  wxpay.v2.secapi.pay.profitsharingreturn.post({ ...seedData, sign_type: 'MD5' }, { security: true })

  // A v3 JSON POST: the encrypted `name` makes the `Wechatpay-Serial` header required.
  const headers = { 'Wechatpay-Serial': 'PUB_KEY_ID_0114232134912410000000000000' }
  const posted = wxpay.v3.profitsharing.orders.post(order, { headers })
  expectTypeOf(posted).resolves.toHaveProperty('data').toHaveProperty('state').toEqualTypeOf<'PROCESSING' | 'FINISHED'>()
  // @ts-expect-error the header is required.
  wxpay.v3.profitsharing.orders.post(order, {})
  // @ts-expect-error `type` is an enum.
  wxpay.v3.profitsharing.orders.post({ ...order, receivers: [{ ...order.receivers[0]!, type: 'BANK' }] }, { headers })

  // A v3 GET with a path parameter and a query.
  const got = wxpay.v3.profitsharing.orders._out_order_no_.get({
    out_order_no: 'P20150806125346',
    params: { sub_mchid: '1900000109', transaction_id: '4208450740201411110007820472' },
  })
  expectTypeOf(got).resolves.toHaveProperty('data').toEqualTypeOf<Order.WellformedResponse>()
  // @ts-expect-error the path parameter is required.
  wxpay.v3.profitsharing.orders._out_order_no_.get({ params: { sub_mchid: '1', transaction_id: '2' } })
  // @ts-expect-error GET takes no data argument.
  wxpay.v3.profitsharing.orders._out_order_no_.get({}, { out_order_no: 'x' })
  // @ts-expect-error a path the docs do not have.
  wxpay.v3.profitsharing.ordersx

  // A 204 DELETE and a multipart upload.
  expectTypeOf(wxpay.v3.merchantService.complaintNotifications.delete).parameter(0).toEqualTypeOf<
    WeChatPay.OpenAPI.V3.MerchantService.ComplaintNotifications.DeleteHttpMethod.RequestConfig | undefined
  >()
  // @ts-expect-error an upload must pass `meta` (it is what the signature covers) and the multipart header.
  wxpay.v3.merchant.media.upload.post({ meta: '{}', file: process.stdin as never }, {})
}

describe('generated client types', () => {
  it('creates the runtime instance typed by the declarations', () => {
    expectTypeOf(createWechatpay).parameter(0).toEqualTypeOf<WechatpayConfig>()
    expectTypeOf(createWechatpay).returns.toEqualTypeOf<Wechatpay>()
    expect(typeof guarantees).toBe('function')
  })
})
