import { describe, expect, test } from 'vitest'
import { parsePage } from '../../generator/parse/parse-page.js'
import { diagnosticsOf } from '../../generator/diagnostics/report.js'

/** A catalogue page around the given rows, its table starting on line 6. */
const catalogue = (rows: string, header = '| 业务标签 | 直连商户模式 | 合作伙伴模式') => `---
title: 开放接口概览
description: 概览
---

${header}
| --- | --- | ---
${rows}

{.im-table .centered}
`

const read = (rows: string, header?: string) => {
  const { page, file } = parsePage('openapi/index.md', catalogue(rows, header))
  const lines = catalogue(rows, header).split('\n')
  const entries = (page.catalogue?.groups ?? []).map((g) => [g.label, g.protocol ?? null, g.entries.map((e) => [e.label, e.page, e.anchor ?? null, e.modes.join('+'), e.marks.join('+'), e.source.line])])
  // Each entry's column is where its link starts on that line.
  const columns = (page.catalogue?.groups ?? []).flatMap((g) => g.entries.map((e) => lines[e.source.line - 1]!.slice(e.source.column - 1).startsWith('[')))
  return { page, entries, columns, rules: diagnosticsOf([file]).map((d) => `${d.line}:${d.ruleId}`) }
}

describe('readCatalogue', () => {
  type Entry = [string, string | null, string | null, string, string, number]
  const cases: Array<[string, { rows: string; header?: string; groups: Array<[string, string | null, Entry[]]>; rules?: string[] }]> = [
    [
      'a group spanning rows, both modes by colspan',
      {
        rows: '| 基础支付 {data-protocol=v2 rowspan=2} | [付款码支付](/openapi/v2/pay/micropay) {colspan=2}\n| [撤销订单](/openapi/v2/secapi/pay/reverse) {colspan=2}',
        groups: [['基础支付', 'v2', [['付款码支付', 'openapi/v2/pay/micropay.md', null, 'direct+partner', '', 8], ['撤销订单', 'openapi/v2/secapi/pay/reverse.md', null, 'direct+partner', '', 9]]]],
      },
    ],
    [
      'direct and partner cells, an empty cell is a mode without the API',
      {
        rows: '| 基础支付 {data-protocol=v3 rowspan=2} | [JSAPI下单](/openapi/v3/pay/transactions/jsapi) | [JSAPI下单](/openapi/v3/pay/partner/transactions/jsapi)\n| | [扫码支付下单](/openapi/v3/pay/partner/transactions/scannedpos)',
        groups: [
          [
            '基础支付',
            'v3',
            [
              ['JSAPI下单', 'openapi/v3/pay/transactions/jsapi.md', null, 'direct', '', 8],
              ['JSAPI下单', 'openapi/v3/pay/partner/transactions/jsapi.md', null, 'partner', '', 8],
              ['扫码支付下单', 'openapi/v3/pay/partner/transactions/scannedpos.md', null, 'partner', '', 9],
            ],
          ],
        ],
      },
    ],
    [
      'method and variant anchors, index pages by their folder',
      {
        rows: '| 分账 {data-protocol=v3 rowspan=2} | | [请求分账](/openapi/v3/brand/profitsharing/orders#post)\n| [二级商户进件](/openapi/v3/ecommerce/applyments/) {colspan=2}',
        groups: [['分账', 'v3', [['请求分账', 'openapi/v3/brand/profitsharing/orders.md', 'post', 'partner', '', 8], ['二级商户进件', 'openapi/v3/ecommerce/applyments/index.md', null, 'direct+partner', '', 9]]]],
      },
    ],
    [
      'lock and struck-through labels become marks',
      {
        rows: '| 现金红包 {data-protocol=v2 rowspan=2} | [发放普通红包](/openapi/v2/mmpaymkttransfers/sendredpack) :closed_lock_with_key: {colspan=2}\n| [~~发放裂变红包~~](/openapi/v2/mmpaymkttransfers/sendgroupredpack) :no_entry_sign: {colspan=2}',
        groups: [
          [
            '现金红包',
            'v2',
            [
              ['发放普通红包', 'openapi/v2/mmpaymkttransfers/sendredpack.md', null, 'direct+partner', 'certificate', 8],
              ['发放裂变红包', 'openapi/v2/mmpaymkttransfers/sendgroupredpack.md', null, 'direct+partner', 'deprecated', 9],
            ],
          ],
        ],
      },
    ],
    [
      'webhook format groups: XML is APIv2, JSON APIv3',
      {
        header: '| 通知格式 | 直连商户模式 | 合作伙伴模式',
        rows: '| XML {rowspan=1} | [普通支付通知](/webhook/v2/transaction-success) {colspan=2}\n| JSON {rowspan=1} | [普通支付通知](/webhook/v3/TRANSACTION.SUCCESS#BASIC) {colspan=2}',
        groups: [
          ['XML', 'v2', [['普通支付通知', 'webhook/v2/transaction-success.md', null, 'direct+partner', '', 8]]],
          ['JSON', 'v3', [['普通支付通知', 'webhook/v3/TRANSACTION.SUCCESS.md', 'BASIC', 'direct+partner', '', 9]]],
        ],
      },
    ],
    [
      'a rowspan that overcounts is reported at the group',
      {
        rows: '| 退款 {data-protocol=v2 rowspan=3} | [申请退款](/openapi/v2/secapi/pay/refund) {colspan=2}',
        groups: [['退款', 'v2', [['申请退款', 'openapi/v2/secapi/pay/refund.md', null, 'direct+partner', '', 8]]]],
        rules: ['8:catalogue-row'],
      },
    ],
    [
      'a row outside any group, and a cell without a link, are reported and skipped',
      {
        rows: '| [孤行](/openapi/v2/pay/orphan) {colspan=2}\n| 账单 {data-protocol=v2 rowspan=1} | 下载交易账单 {colspan=2}',
        groups: [['账单', 'v2', []]],
        rules: ['8:catalogue-row', '9:catalogue-row'],
      },
    ],
    [
      'a link off the docs is kept with no page (the navigation reports it)',
      {
        rows: '| 其他 {data-protocol=v3 rowspan=1} | [官方](https://pay.weixin.qq.com/doc/v3/merchant/1) {colspan=2}',
        groups: [['其他', 'v3', [['官方', null, null, 'direct+partner', '', 8]]]],
      },
    ],
  ]
  test.each(cases)('%s', (_, { rows, header, groups, rules = [] }) => {
    const got = read(rows, header)
    expect(got.page.role).toBe('catalogue')
    expect(got.entries).toEqual(groups)
    expect(got.columns.every(Boolean)).toBe(true)
    expect(got.rules).toEqual(rules)
  })

  test('the description is the frontmatter one, and the page reports nothing else', () => {
    const got = read('| 账单 {data-protocol=v2 rowspan=1} | [下载交易账单](/openapi/v2/pay/downloadbill) {colspan=2}')
    expect(got.page.catalogue?.description).toBe('概览')
    expect(got.page.catalogue?.heading).toBe('业务标签')
    expect(got.rules).toEqual([])
  })
})
