// The sample app's client, typed by the package's core and the operation groups the app calls.
import { createWechatpay } from 'wechatpay-corpus/core'
import type {} from 'wechatpay-corpus/v2/pay'
import type {} from 'wechatpay-corpus/v3/bill'
import type {} from 'wechatpay-corpus/v3/certificates'
import type {} from 'wechatpay-corpus/v3/combineTransactions'
import type {} from 'wechatpay-corpus/v3/pay'
import type {} from 'wechatpay-corpus/v3/profitsharing'
import type {} from 'wechatpay-corpus/v3/refund'

export const wxpay = createWechatpay({ mchid: '1900000109', serial: 'serial', privateKey: 'key', certs: {} })
