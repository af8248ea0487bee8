import { describe, expect, test } from 'vitest'
import type { IrField, IrType } from '../../generator/ir/types.js'
import { irOf, page, ruleIds } from '../helpers.js'

/** A compact view of a field tree: `name?:type{children}`. */
function shape(fields: IrField[]): string {
  return fields.map((f) => `${f.name}${f.required ? '' : '?'}:${typeShape(f.type)}`).join(',')
}
function typeShape(type: IrType): string {
  switch (type.kind) {
    case 'scalar':
      return type.name + (type.enum ? `(${type.enum.values.join('|')})` : '')
    case 'true':
      return 'true'
    case 'opaque':
      return type.file ? 'file' : 'opaque'
    case 'array':
      return `${typeShape(type.items)}[]`
    case 'object':
      return `{${shape(type.fields)}}${(type.variants ?? []).map((v) => `|{${shape(v)}}`).join('')}`
    case 'encoded':
      return `${type.via}<${type.shape}>{${shape(type.payload.fields)}}${(type.payload.variants ?? []).map((v) => `|{${shape(v)}}`).join('')}`
  }
}
const jsonShape = (rows: string) => {
  const { document, diagnostics } = irOf(page(rows))
  const op = document.operations[0]!
  return { shape: shape(op.request.roots.map((r) => r.field)), rules: ruleIds(diagnostics) }
}

describe('nesting and line rows', () => {
  const cases: Array<[string, { given: string; want: string; rules?: string[] }]> = [
    ['indent makes children', {
      given: `| json {data-required} | object | x
| a {data-required data-indent=1} | string | x
| b {data-indent=1} | object | x
| c {data-indent=2} | integer | x
| d {data-indent=1} | object[] | x
| e {data-required data-indent=2} | number | x`,
      want: 'json:{a:string,b?:{c?:integer},d?:{e:number}[]}',
    }],
    ['scalar arrays and enums typed by the field', {
      given: `| json {data-required} | object | x
| s {data-indent=1} | string[] | x<br/>\`A\` \\| \`B\` 枚举值之一
| n {data-indent=1} | integer | x<br/>\`1\` \\| \`2\` 枚举值之一`,
      want: 'json:{s?:string(A|B)[],n?:integer(1|2)}',
    }],
    ['payload opener: json_encode string with a structure', {
      given: `| xml {data-required} | object | x
| detail {data-indent=1} | string {data-tooltip=使用json_encode后的字符串 data-encoded=by-json_encode} | x
| {colspan=3 .im-table-line}
| goods {data-indent=2} | object[] | x
| id {data-required data-indent=3} | string | x
| n {data-indent=1} | string | x`,
      want: 'xml:{detail?:json_encode<unknown>{goods?:{id:string}[]},n?:string}',
      rules: ['placeholder-child'],
    }],
    ['variant separators make a oneOf', {
      given: `| xml {data-required} | object | x
| scene {data-indent=1} | string {data-tooltip=使用json_encode后的字符串 data-encoded=by-json_encode} | x
| {colspan=3 .im-table-line}
| scene {data-indent=2} | object | 场景\`A\`信息
| a {data-indent=3} | string | x
| {colspan=3 .im-table-line}
| scene {data-indent=2} | object | 场景\`B\`信息
| b {data-indent=3} | string | x`,
      want: 'xml:{scene?:json_encode<object>{}|{scene?:{a?:string}}|{scene?:{b?:string}}}',
    }],
    ['A2: payload beside the encrypted field', {
      given: `| json {data-required} | object | x
| ciphertext {data-indent=1} | string {data-tooltip=x data-encrypted=by-aes-gcm} | x
| {colspan=3 .im-table-line}
| data {data-indent=1} | object | x
| a {data-indent=2} | string | x`,
      want: 'json:{ciphertext?:aes-gcm<object>{data?:{a?:string}}}',
      rules: ['payload-misplaced'],
    }],
    ['A2: payload under a plain sibling moves to the encrypted one', {
      given: `| json {data-required} | object | x
| ciphertext {data-indent=1} | string {data-tooltip=x data-encrypted=by-aes-gcm} | x
| original_type {data-indent=1} | string | x
| {colspan=3 .im-table-line}
| a {data-indent=2} | string | x`,
      want: 'json:{ciphertext?:aes-gcm<object>{a?:string},original_type?:string}',
      rules: ['payload-misplaced'],
    }],
    ['A1: indent jump and a scalar with children', {
      given: `| json {data-required} | object | x
| t {data-indent=1} | string | x
| o {data-indent=2} | string | x
| p {data-indent=3} | string | x`,
      want: 'json:{t?:string,o?:string,p?:string}',
      rules: ['scalar-with-children', 'scalar-with-children'],
    }],
    ['indent jump is reported once for its siblings', {
      given: `| json {data-required} | object | x
| a {data-indent=3} | string | x
| b {data-indent=3} | string | x`,
      want: 'json:{a?:string,b?:string}',
      rules: ['indent-jump'],
    }],
    ['empty object is a gap, multipart file part is a stream', {
      given: `| json {data-required} | object | x
| amount {data-indent=1} | object | x
| body {data-required} | object | x
| file {data-required data-indent=1} | object | x`,
      want: 'json:{amount?:opaque},body:{file:file}',
      rules: ['empty-container'],
    }],
    ['an object[] without members is a list of undocumented objects', {
      given: `| json {data-required} | object | x
| promotion_detail {data-indent=1} | object[] | 优惠信息
| n {data-indent=1} | string | x`,
      want: 'json:{promotion_detail?:opaque[],n?:string}',
      rules: ['empty-container'],
    }],
    ['duplicate siblings outside variants', {
      given: `| json {data-required} | object | x
| a {data-indent=1} | string | x
| a {data-indent=1} | integer | x`,
      want: 'json:{a?:string}',
      rules: ['duplicate-field'],
    }],
  ]
  test.each(cases)('buildFields > %s', (_, { given, want, rules = [] }) => {
    const got = jsonShape(given)
    expect(got.shape).toBe(want)
    expect(got.rules.filter((r) => r !== 'payload-without-encoding').sort()).toEqual([...rules].sort())
  })
})

describe('a webhook payload written under the key its handler stores it at', () => {
  const webhook = (payload: string, handlerStores = true) => `---
title: 测试通知
description: 测试
---

# {{ $frontmatter.title }} {#post}

{{ $frontmatter.description }}

| 请求参数 | 类型 {.type} | 描述 {.desc}
| --- | --- | ---
| body {data-required} | object | x
| event_type {data-required data-indent=1} | string | x<br/>\`TEST.EVENT\` 枚举值
| resource {data-required data-indent=1} | object | x
| ciphertext {data-required data-indent=2} | string {data-encrypted=by-aes-gcm} | x
| {colspan=3 .im-table-line}
${payload}

{.im-table #request}

::: code-group

\`\`\`php [处理程序]
$inBodyResource = \\WeChatPay\\Crypto\\AesGcm::decrypt($ciphertext, $apiv3Key, $nonce, $aad);
$inBodyResourceArray = (array)\\json_decode($inBodyResource, true);
${handlerStores ? "$inBodyArray['resource']['original_data'] = $inBodyResourceArray;" : 'print_r($inBodyResourceArray);'}
\`\`\`

:::

| 应答规范 | 类型 {.type} | 描述 {.desc}
| --- | --- | ---
| status | number | x

{.im-table #response}

参阅 [官方文档](https://pay.weixin.qq.com/doc/v3/partner/1)
`
  const resourceOf = (markdown: string) => {
    const { document, diagnostics } = irOf(markdown, 'webhook/v3/TEST.EVENT.md')
    const body = document.operations[0]!.request.roots.find((r) => r.role === 'body')!.field
    return { shape: shape([body]), rules: ruleIds(diagnostics) }
  }
  const variants = `| original_data {data-indent=2} | object | 平台结果
| status {data-required data-indent=3} | string | x
| {colspan=3 .im-table-line}
| original_data {data-indent=2} | object | 二级商户结果
| sub_mchid {data-required data-indent=3} | string | x`
  const cases: Array<[string, { given: string; want: string; rules: string[] }]> = [
    ['variants beside the ciphertext, as on MCHWITHDRAW.CHANGE', {
      given: webhook(variants),
      want: 'body:{event_type:string(TEST.EVENT),resource:{ciphertext:aes-gcm<object>{}|{status:string}|{sub_mchid:string}}}',
      rules: ['payload-misplaced', 'payload-handler-key'],
    }],
    ['one object under the ciphertext', {
      given: webhook('| original_data {data-indent=3} | object | x\n| status {data-required data-indent=4} | string | x'),
      want: 'body:{event_type:string(TEST.EVENT),resource:{ciphertext:aes-gcm<object>{status:string}}}',
      rules: ['payload-handler-key'],
    }],
    ['the key beside other fields is a real key', {
      given: webhook('| original_data {data-indent=3} | object | x\n| status {data-required data-indent=4} | string | x\n| id {data-indent=3} | string | x'),
      want: 'body:{event_type:string(TEST.EVENT),resource:{ciphertext:aes-gcm<object>{original_data?:{status:string},id?:string}}}',
      rules: [],
    }],
    ['a handler that does not store it keeps the rows as written', {
      given: webhook(variants, false),
      want: 'body:{event_type:string(TEST.EVENT),resource:{ciphertext:aes-gcm<object>{}|{original_data?:{status:string}}|{original_data?:{sub_mchid:string}}}}',
      rules: ['payload-misplaced'],
    }],
  ]
  test.each(cases)('%s', (_, { given, want, rules }) => {
    const got = resourceOf(given)
    expect(got.shape).toBe(want)
    expect(got.rules.filter((r) => r !== 'missing-links').sort()).toEqual([...rules].sort())
  })
})
