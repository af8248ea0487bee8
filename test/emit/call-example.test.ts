// The example call of a docs page: values the docs' PHP sample gives are written out, nested objects and lists of
// objects included; a placeholder is declared only where the sample gives no value that fits.
import { describe, expect, test } from 'vitest'
import { callExample } from '../../generator/emit/docs/call-example.js'
import type { IrEndpoint } from '../../generator/ir/types.js'
import { irOf } from '../helpers.js'

/** A page whose request rows are `rows` and whose PHP sample passes `json` as the `json` argument. */
const pageWith = (rows: string, json: string) => `---
title: 测试
description: 测试页面
---

# {{ $frontmatter.title }} {#post}

{{ $frontmatter.description }}

| 请求参数 | 类型 {.type} | 描述 {.desc}
| --- | --- | ---
| json {data-required} | object | 请求体
${rows}

{.im-table #request}

::: code-group

\`\`\`php [异步纯链式]
$instance->v3->test->page->postAsync([
  'json' => ${json},
])
->then(static function($response) {
    print_r(json_decode((string) $response->getBody(), true));
})
->wait();
\`\`\`

:::

| 返回字典 | 类型 {.type} | 描述 {.desc}
| --- | --- | ---
| code {data-required} | string | 结果

{.im-table #response}
`

const exampleOf = (rows: string, json: string) => {
  const { document } = irOf(pageWith(rows, json))
  const example = callExample(document.operations[0] as IrEndpoint)
  return { code: example.code, placeholders: [...example.declared.entries.keys()] }
}

const AMOUNT = '| amount {data-required data-indent=1} | object | 金额\n| total {data-required data-indent=2} | integer | 总金额\n| currency {data-indent=2} | string | 币种'

describe('callExample > nested example values', () => {
  const cases: Array<[string, { rows: string; json: string; lines: string[]; placeholders: string[] }]> = [
    [
      'an object from its members’ values',
      { rows: AMOUNT, json: "['amount' => ['total' => 100, 'currency' => 'CNY']]", lines: ["  amount: { total: 100, currency: 'CNY' },"], placeholders: [] },
    ],
    [
      'an optional member without a value is left out',
      { rows: AMOUNT, json: "['amount' => ['total' => 100]]", lines: ['  amount: { total: 100 },'], placeholders: [] },
    ],
    [
      'a required member without a value keeps the placeholder',
      { rows: AMOUNT, json: "['amount' => ['currency' => 'CNY']]", lines: ['  amount,'], placeholders: ['amount'] },
    ],
    [
      'a list of objects from its first item',
      {
        rows: '| goods {data-required data-indent=1} | object[] | 商品\n| id {data-required data-indent=2} | string | 编码\n| quantity {data-indent=2} | integer | 数量',
        json: "['goods' => [['id' => 'A1', 'quantity' => 2],]]",
        lines: ["  goods: [{ id: 'A1', quantity: 2 }],"],
        placeholders: [],
      },
    ],
    [
      'a value that does not fit its enum keeps the placeholder',
      {
        rows: '| payer {data-required data-indent=1} | object | 支付者\n| type {data-required data-indent=2} | string | 类型<br/>`IDCARD` \\| `PASSPORT` 枚举值之一',
        json: "['payer' => ['type' => 'DRIVER']]",
        lines: ['  payer,'],
        placeholders: ['payer'],
      },
    ],
    [
      'a wide object takes a member a line, nested objects indented under it',
      {
        rows: '| scene {data-required data-indent=1} | object | 场景\n| payer_client_ip {data-required data-indent=2} | string | IP\n| device_id {data-indent=2} | string | 设备\n| store_info {data-indent=2} | object | 门店\n| id {data-required data-indent=3} | string | 编号\n| address {data-indent=3} | string | 地址',
        json: "['scene' => ['payer_client_ip' => '14.23.150.211', 'device_id' => '013467007045764', 'store_info' => ['id' => '0001', 'address' => '广东省深圳市南山区科技中一道10000号']]]",
        lines: [
          '  scene: {',
          "    payer_client_ip: '14.23.150.211',",
          "    device_id: '013467007045764',",
          "    store_info: { id: '0001', address: '广东省深圳市南山区科技中一道10000号' },",
          '  },',
        ],
        placeholders: [],
      },
    ],
  ]
  test.each(cases)('%s', (_, { rows, json, lines, placeholders }) => {
    const got = exampleOf(rows, json)
    const body = got.code.split('\n')
    const start = body.findIndex((line) => line.startsWith('  '))
    expect(body.slice(start, start + lines.length)).toEqual(lines)
    expect(got.placeholders).toEqual(placeholders)
  })
})
