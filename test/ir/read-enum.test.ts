import { describe, expect, test } from 'vitest'
import { readEnum } from '../../generator/ir/read-enum.js'

// Each written form of spec/input-format.md §1.7, with the values it must yield.
describe('readEnum', () => {
  const cases: Array<[string, { given: string; values: string[]; irregular: boolean; labels?: Array<string | null> }]> = [
    ['canonical, several values', { given: '订单状态<br/>`A` \\| `B` 枚举值之一', values: ['A', 'B'], irregular: false }],
    ['canonical, one value', { given: '签名类型<br/>`HMAC-SHA256` 枚举值', values: ['HMAC-SHA256'], irregular: false }],
    ['separated by spaces', { given: '状态码<br/>`20X` `4XX` `5XX` 枚举值之一', values: ['20X', '4XX', '5XX'], irregular: true }],
    ['without <br/> before the values', { given: '充值渠道 `BANK_TRANSFER` \\| `ONLINE_BANK` 枚举值之一', values: ['BANK_TRANSFER', 'ONLINE_BANK'], irregular: true }],
    ['only the values', { given: '`Y` \\| `N` 枚举值之一', values: ['Y', 'N'], irregular: true }],
    ['no space before the keyword', { given: '错误码<br/>`SYSTEMERROR` \\| `MICROPAY_PAY_QUERY_TIMEOUT`枚举值之一', values: ['SYSTEMERROR', 'MICROPAY_PAY_QUERY_TIMEOUT'], irregular: true }],
    ['text after the keyword', { given: '签名类型<br/>`MD5` \\| `HMAC-SHA256` 枚举值之一<br/>默认值 `MD5`', values: ['MD5', 'HMAC-SHA256'], irregular: true }],
    ['pipes without spaces', { given: '算法<br/>`SM2`\\|`RSA`\\|`ALL`枚举值之一<br/>默认为`RSA`', values: ['SM2', 'RSA', 'ALL'], irregular: true }],
    ['space after <br/>', { given: '账单类型<br/> `ALL` \\| `SUCCESS` 枚举值之一', values: ['ALL', 'SUCCESS'], irregular: true }],
    ['one value with 之一', { given: '状态<br/>`SUCCESS` 枚举值之一', values: ['SUCCESS'], irregular: true }],
    ['three values with bare 枚举值', { given: '状态<br/>`A` \\| `B` \\| `C` 枚举值', values: ['A', 'B', 'C'], irregular: true }],
    ['keyword before the value', { given: '签名类型，固定枚举值`HMAC-SHA256`', values: ['HMAC-SHA256'], irregular: true }],
    ['unescaped pipe rejoined', { given: '收款方式类型<br/>`CFT` | `WPHK` 枚举值之一', values: ['CFT', 'WPHK'], irregular: true }],
    ['value：label list', { given: '券类型，枚举值：<br/>`GLOBAL`：全场代金券<br/>`SINGLE`：单品优惠', values: ['GLOBAL', 'SINGLE'], irregular: true, labels: ['全场代金券', '单品优惠'] }],
    ['value：label list without backticks', { given: '交易状态，枚举值：<br/>SUCCESS：支付成功<br/>REFUND：转入退款', values: ['SUCCESS', 'REFUND'], irregular: true, labels: ['支付成功', '转入退款'] }],
    ['value：label list without the colon', { given: '券类型，枚举值<br/>`GLOBAL`：全场代金券', values: ['GLOBAL'], irregular: true, labels: ['全场代金券'] }],
    ['枚举值 in prose before the list', { given: '订单识别标识：小时购/自提等枚举值<br/>`1` \\| `2` 枚举值之一', values: ['1', '2'], irregular: true }],
    ['values with spaces and CJK', { given: '类型<br/>`Under review` \\| `一级` 枚举值之一', values: ['Under review', '一级'], irregular: false }],
  ]
  test.each(cases)('readEnum > %s', (_, { given, values, irregular, labels }) => {
    const got = readEnum(given)
    expect(got?.values).toEqual(values)
    expect(got?.irregular !== undefined).toBe(irregular)
    expect(got?.labels).toEqual(labels)
  })

  test('readEnum > prose without values', () => {
    expect(readEnum('枚举校验规则')).toEqual({ values: [], prose: true })
    expect(readEnum('该字段并非枚举值。')).toEqual({ values: [], prose: true })
  })
  test('readEnum > no enum', () => {
    expect(readEnum('商户号')).toBeUndefined()
  })
})
