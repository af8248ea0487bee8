import { describe, expect, test } from 'vitest'
import { readAttributes } from '../../generator/parse/read-attributes.js'
import { splitRow } from '../../generator/parse/split-row.js'

describe('readAttributes', () => {
  const cases: Array<[string, { given: string; text: string; attributes: Record<string, string>; tokens?: string[]; error?: boolean }]> = [
    ['no list', { given: 'mch_id', text: 'mch_id', attributes: {} }],
    ['required', { given: 'xml {data-required}', text: 'xml', attributes: { 'data-required': '' } }],
    ['required and indent', { given: 'mch_id {data-required data-indent=1}', text: 'mch_id', attributes: { 'data-required': '', 'data-indent': '1' } }],
    ['quoted tooltip', { given: 'object {data-tooltip="对应PHP的array"}', text: 'object', attributes: { 'data-tooltip': '对应PHP的array' } }],
    ['bare tooltip with encryption', { given: 'string {data-tooltip=APIv3密钥加密后的BASE64字符串 data-encrypted=by-aes-gcm}', text: 'string', attributes: { 'data-tooltip': 'APIv3密钥加密后的BASE64字符串', 'data-encrypted': 'by-aes-gcm' } }],
    ['bare tooltip with 「」 and /', { given: 'string {data-tooltip=经「MD5后的API密钥」加密后的BASE64字符串 data-encrypted=by-aes-ecb}', text: 'string', attributes: { 'data-tooltip': '经「MD5后的API密钥」加密后的BASE64字符串', 'data-encrypted': 'by-aes-ecb' } }],
    ['no space before the list', { given: 'string{data-tooltip=使用json_encode后的字符串 data-encoded=by-json_encode}', text: 'string', attributes: { 'data-tooltip': '使用json_encode后的字符串', 'data-encoded': 'by-json_encode' } }],
    ['two spaces before the list', { given: 'create_time  {data-required}', text: 'create_time', attributes: { 'data-required': '' } }],
    ['required in the type cell', { given: 'object {data-required data-tooltip=对应PHP的array}', text: 'object', attributes: { 'data-required': '', 'data-tooltip': '对应PHP的array' } }],
    ['encoded-by variant', { given: 'string {data-tooltip=使用json_encode后的字符串 data-encoded-by=json_encode}', text: 'string', attributes: { 'data-tooltip': '使用json_encode后的字符串', 'data-encoded-by': 'json_encode' } }],
    ['line row', { given: '{colspan=3 .im-table-line}', text: '', attributes: { colspan: '3' }, tokens: ['.im-table-line'] }],
    ['note row', { given: '空字符串(无返回内容) {align=center colspan=3}', text: '空字符串(无返回内容)', attributes: { align: 'center', colspan: '3' } }],
    ['literal braces are text', { given: '退回银行卡：{银行名称}{卡类型}', text: '退回银行卡：{银行名称}{卡类型}', attributes: {} }],
    ['broken list', { given: 'mch_id {data-indent=1 "x"}', text: 'mch_id', attributes: { 'data-indent': '1' }, error: true }],
  ]
  test.each(cases)('readAttributes > %s', (_, { given, text, attributes, tokens = [], error = false }) => {
    const got = readAttributes(given)
    expect(got.text).toBe(text)
    expect(got.attributes).toEqual(attributes)
    expect(got.tokens).toEqual(tokens)
    expect(got.error !== undefined).toBe(error)
  })
})

describe('splitRow', () => {
  const cases: Array<[string, { given: string; cells: string[]; trailingPipe: boolean }]> = [
    ['canonical', { given: '| a {data-required} | string | 描述', cells: ['a {data-required}', 'string', '描述'], trailingPipe: false }],
    ['escaped pipes stay in the cell', { given: '| a | string | `A` \\| `B` 枚举值之一', cells: ['a', 'string', '`A` \\| `B` 枚举值之一'], trailingPipe: false }],
    ['trailing pipe with a space: empty description', { given: '| payAuthNo {data-indent=2} | string | ', cells: ['payAuthNo {data-indent=2}', 'string'], trailingPipe: true }],
    ['no space around pipes', { given: '| a {data-required}| string |desc', cells: ['a {data-required}', 'string', 'desc'], trailingPipe: false }],
    ['two cells', { given: '| a | string', cells: ['a', 'string'], trailingPipe: false }],
    ['unescaped pipe: four cells', { given: '| a | string | `CFT` | `WPHK` 枚举值之一', cells: ['a', 'string', '`CFT`', '`WPHK` 枚举值之一'], trailingPipe: false }],
    ['line row', { given: '| {colspan=3 .im-table-line}', cells: ['{colspan=3 .im-table-line}'], trailingPipe: false }],
  ]
  test.each(cases)('splitRow > %s', (_, { given, cells, trailingPipe }) => {
    const got = splitRow(given)
    expect(got.cells.map((c) => c.text)).toEqual(cells)
    expect(got.trailingPipe).toBe(trailingPipe)
    for (const cell of got.cells) expect(given.slice(cell.offset, cell.offset + cell.text.length)).toBe(cell.text)
  })
})
