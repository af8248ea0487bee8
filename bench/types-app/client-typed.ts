// The sample app's client, typed by the generated package.
import { createWechatpay } from 'wechatpay-corpus'

export const wxpay = createWechatpay({ mchid: '1900000109', serial: 'serial', privateKey: 'key', certs: {} })
