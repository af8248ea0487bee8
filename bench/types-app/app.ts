// The sample app of the types benchmark: fifteen calls a merchant makes, written as a user writes them. The
// benchmark type-checks it against the corpus package, and again with the client typed `any` (see types-cost.ts).
import { wxpay } from './client.js'

const mchid = '1900000109'
const appid = 'wxd678efh567hg6787'
const out_trade_no = '1217752501201407033233368018'
const amount = { total: 100, currency: 'CNY' }
const notify_url = 'https://www.weixin.qq.com/wxpay/pay.php'
// The platform key that encrypts sensitive fields, named by the calls whose docs page requires it.
const serial = { headers: { 'Wechatpay-Serial': 'PUB_KEY_ID_0119000010920250101000000000000' } }

export async function checkout(openid: string) {
  const { data } = await wxpay.v3.pay.transactions.jsapi.post({ appid, mchid, description: 'Image形象店-深圳腾大-QQ公仔', out_trade_no, amount, notify_url, payer: { openid } }, serial)
  return data.prepay_id
}

export async function scanToPay() {
  const { data } = await wxpay.v3.pay.transactions.native.post({ appid, mchid, description: 'QQ公仔', out_trade_no, amount, notify_url }, serial)
  return data.code_url
}

export async function inApp() {
  const { data } = await wxpay.v3.pay.transactions.app.post({ appid, mchid, description: 'QQ公仔', out_trade_no, amount, notify_url }, serial)
  return data.prepay_id
}

export async function onMobileWeb(payer_client_ip: string) {
  const { data } = await wxpay.v3.pay.transactions.h5.post({ appid, mchid, description: 'QQ公仔', out_trade_no, amount, notify_url, scene_info: { payer_client_ip, h5_info: { type: 'Wap' } } }, serial)
  return data.h5_url
}

export async function orderState() {
  const { data } = await wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.get({ out_trade_no, params: { mchid } })
  return data.trade_state === 'SUCCESS' ? data.amount?.total : undefined
}

export async function closeOrder() {
  const { status } = await wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.close.post({ mchid }, { out_trade_no })
  return status
}

export async function refundState(out_refund_no: string) {
  const { data } = await wxpay.v3.refund.domestic.refunds._out_refund_no_.get({ out_refund_no })
  return data.status
}

export async function tradeBill(bill_date: string) {
  const { data } = await wxpay.v3.bill.tradebill.get({ params: { bill_date, bill_type: 'ALL' } })
  return data.download_url
}

export async function fundFlowBill(bill_date: string) {
  const { data } = await wxpay.v3.bill.fundflowbill.get({ params: { bill_date, account_type: 'BASIC' } })
  return data.hash_value
}

export async function shareProfit(transaction_id: string) {
  const receivers = [{ type: 'MERCHANT_ID' as const, account: '86693852', amount: 888, description: '分给商户A' }]
  const { data } = await wxpay.v3.profitsharing.orders.post({ transaction_id, out_order_no: out_trade_no, receivers, unfreeze_unsplit: true }, serial)
  return data.state
}

export async function platformCertificates() {
  const { data } = await wxpay.v3.certificates.get()
  return data.data[0]?.serial_no
}

export async function combinedCheckout(openid: string) {
  const sub_orders = [{ mchid, sub_mchid: '1900000110', attach: '深圳分店', amount: { total_amount: 10, currency: 'CNY' }, out_trade_no, description: '腾讯充值中心-QQ会员充值' }]
  const { data } = await wxpay.v3.combineTransactions.jsapi.post({ combine_appid: appid, combine_mchid: mchid, combine_out_trade_no: out_trade_no, sub_orders, combine_payer_info: { openid }, notify_url }, serial)
  return data.prepay_id
}

export async function cardSwipe(auth_code: string) {
  const { data } = await wxpay.v2.pay.micropay.post({ appid, mch_id: mchid, body: 'QQ公仔', out_trade_no, total_fee: 100, spbill_create_ip: '8.8.8.8', auth_code })
  return data.transaction_id
}

export async function refundQuery() {
  const { data } = await wxpay.v2.pay.refundquery.post({ appid, mch_id: mchid, out_trade_no, transaction_id: '', out_refund_no: '', refund_id: '' })
  return data.refund_count
}

export async function orderByTransaction(transaction_id: string) {
  const { data } = await wxpay.v3.pay.transactions.id._transaction_id_.get({ transaction_id, params: { mchid } })
  return data.trade_state_desc
}
