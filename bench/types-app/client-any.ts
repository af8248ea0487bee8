// The sample app's client typed `any`: the runtime alone, the baseline of the types benchmark.
import { Wechatpay } from 'wechatpay-axios-plugin'

export const wxpay: any = new Wechatpay({ mchid: '1900000109', serial: 'serial', privateKey: 'key', certs: {} })
