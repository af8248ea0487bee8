import { describe, expect, test } from 'vitest'
import ts from 'typescript'
import { page, pageOutputs } from '../helpers.js'
import { typeCheck } from '../type-check.js'
import { officialLink } from '../../generator/emit/types/doc-comment.js'
import { numberedKey } from '../../generator/ir/numbered-key.js'
import { objectSchema } from '../../generator/emit/openapi/schema-of.js'

const PATH = 'openapi/v3/test/page.md'

/** The emitted declarations of one in-memory page, unformatted, with JSDoc stripped for short comparisons. */
async function typesOf(markdown: string, path = PATH) {
  const files = await pageOutputs(markdown, path, ['types', 'client'])
  const text = files.get(`types/${path.replace(/\.md$/, '.d.ts')}`)!
  return { files, text, bare: text.replace(/\/\*\*[\s\S]*?\*\/\s*/g, '').replace(/\s+/g, ' ') }
}

describe('request and reply typing', () => {
  test.each([
    ['optional and required rows', '| json {data-required} | object | x\n| a {data-required data-indent=1} | string | x\n| b {data-indent=1} | integer | x', 'interface JsonDataRequest { a: string b?: number }'],
    ['string enum as a literal union', '| json {data-required} | object | x\n| s {data-indent=1} | string | x<br/>`A` \\| `B` 枚举值之一', "s?: 'A' | 'B'"],
    ['integer enum as number literals', '| json {data-required} | object | x\n| n {data-indent=1} | integer | x<br/>`1` \\| `2` 枚举值之一', 'n?: 1 | 2'],
    ['array of enum values', '| json {data-required} | object | x\n| d {data-indent=1} | string[] | x<br/>`MON` \\| `TUE` 枚举值之一', "d?: Array<'MON' | 'TUE'>"],
    ['object array', '| json {data-required} | object | x\n| r {data-indent=1} | object[] | x\n| id {data-required data-indent=2} | string | x', 'r?: { id: string }[]'],
    ['object array without members', '| json {data-required} | object | x\n| r {data-indent=1} | object[] | x', 'r?: Array<{ [key: string]: unknown }>'],
    [
      'json_encode payload: a string with a named decoded type',
      '| json {data-required} | object | x\n| detail {data-indent=1} | string {data-tooltip=使用json_encode后的字符串 data-encoded=by-json_encode} | x\n| {colspan=3 .im-table-line}\n| goods_id {data-required data-indent=2} | string | x',
      'detail?: string',
    ],
    ['query, path and security in RequestConfig', '| security {data-required} | `true` | x\n| query {data-required} | object | x\n| limit {data-required data-indent=1} | integer | x', 'interface RequestConfig extends AxiosRequestConfig { data?: JsonDataRequest params: { limit: number } security: true }'],
    ['base_uri as a baseURL literal', '| base_uri | string | 固定值`https://apihk.mch.weixin.qq.com/`', "baseURL?: 'https://apihk.mch.weixin.qq.com/'"],
  ])('%s', async (_, request, want) => {
    const { bare } = await typesOf(page(request))
    expect(bare).toContain(want)
  })

  test('the decoded payload gets its own exported type', async () => {
    const request = '| json {data-required} | object | x\n| detail {data-indent=1} | string {data-tooltip=使用json_encode后的字符串 data-encoded=by-json_encode} | x\n| {colspan=3 .im-table-line}\n| goods_id {data-required data-indent=2} | string | x'
    const { text, bare } = await typesOf(page(request))
    expect(bare).toContain('export type JsonDataRequestDetail = { goods_id: string }')
    expect(text).toContain('The decoded value is {@link JsonDataRequestDetail}.')
  })

  test.each([
    ['https://pay.weixin.qq.com/doc/v3/partner/1', '[官方文档](https://pay.weixin.qq.com/doc/v3/partner/1)'],
    ['https://a.example/x?chapter=25_7&index=9', '[官方文档](https://a.example/x?chapter=25_7&index=9)'],
    ['https://a.example/p(1) q', '[官方文档](https://a.example/p%281%29%20q)'],
  ])('the official page %s is linked as %s', (url, want) => {
    expect(officialLink(url)).toBe(want)
  })

  test('the verbs link the official page in Markdown, so tsc skips their JSDoc', async () => {
    const { text } = await typesOf(page('| json {data-required} | object | x\n| a {data-required data-indent=1} | string | x'))
    expect(text.match(/\[官方文档\]\(https:\/\/pay\.weixin\.qq\.com\/doc\/v3\/partner\/1\)/g)).toHaveLength(2)
    // tsc parses a JSDoc comment only when it holds `@see` or `@link` (TypeScript's JSDocParsingMode.ParseForTypeErrors).
    expect(text).not.toMatch(/@see|@link/)
    const parsed = ts.createSourceFile('x.d.ts', text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors }, true)
    const withJsDoc: string[] = []
    const visit = (node: ts.Node) => {
      if (ts.getJSDocCommentsAndTags(node).length > 0) withJsDoc.push(node.getText().slice(0, 20))
      ts.forEachChild(node, visit)
    }
    visit(parsed)
    expect(withJsDoc).toEqual([])
  })

  test('the link stands in the verb’s text, before its tags, which would otherwise take it in', async () => {
    const { text } = await typesOf(page('| security {data-required} | `true` | x\n| json {data-required} | object | x\n| a {data-required data-indent=1} | string | x'))
    const parsed = ts.createSourceFile('x.d.ts', text, ts.ScriptTarget.Latest, true)
    const verbs: ts.JSDoc[] = []
    const visit = (node: ts.Node) => {
      if (ts.isMethodSignature(node) || ts.isCallSignatureDeclaration(node)) verbs.push(...node.getChildren().filter(ts.isJSDoc))
      ts.forEachChild(node, visit)
    }
    visit(parsed)
    expect(verbs.map((doc) => ts.getTextOfJSDocComment(doc.comment))).toEqual([
      '测试 (shortland of `post`)\n[官方文档](https://pay.weixin.qq.com/doc/v3/partner/1)',
      '测试\n[官方文档](https://pay.weixin.qq.com/doc/v3/partner/1)',
    ])
    // The shortland and the verb alike say what the call needs.
    expect(verbs.map((doc) => doc.tags?.map((tag) => `${tag.tagName.text}: ${ts.getTextOfJSDocComment(tag.comment)}`))).toEqual([
      ['param: needs `security: true`: this call presents the merchant certificate (mutual TLS).'],
      ['param: needs `security: true`: this call presents the merchant certificate (mutual TLS).'],
    ])
  })

  test('config is required exactly when it has a required member', async () => {
    const optional = await typesOf(page('| json {data-required} | object | x\n| a {data-required data-indent=1} | string | x'))
    expect(optional.bare).toContain('post( data: Page.PostHttpMethod.JsonDataRequest, config?: Page.PostHttpMethod.RequestConfig, )')
    const required = await typesOf(page('| json {data-required} | object | x\n| headers {data-required} | object | x\n| Wechatpay-Serial {data-required data-indent=1} | string | x'))
    expect(required.bare).toContain("headers: { 'Wechatpay-Serial': string }")
    expect(required.bare).toContain('config: Page.PostHttpMethod.RequestConfig,')
  })

  test('a required json or query root whose members are all optional is optional, and its JSDoc says why', async () => {
    const body = await typesOf(page('| json {data-required} | object | x\n| a {data-indent=1} | string | x'))
    expect(body.bare).toContain('post( data?: Page.PostHttpMethod.JsonDataRequest, config?: Page.PostHttpMethod.RequestConfig, )')
    expect(body.text).toContain('`data` is optional: the docs mark `json` required, but none of its members is.')
    const query = await typesOf(page('| query {data-required} | object | x\n| limit {data-indent=1} | integer | x', undefined, 'get'))
    expect(query.bare).toContain('params?: { limit?: number }')
    expect(query.text).toContain('`params` is optional: the docs mark `query` required, but none of its members is.')
    // A required member keeps the root required, with no such note.
    const required = await typesOf(page('| query {data-required} | object | x\n| limit {data-required data-indent=1} | integer | x', undefined, 'get'))
    expect(required.bare).toContain('params: { limit: number }')
    expect(required.text).not.toContain('is optional: the docs mark')
  })

  test('GET takes only config; a path parameter is a required config member', async () => {
    const path = 'openapi/v3/test/{id}.md'
    const { bare } = await typesOf(page('| id {data-required} | string | x', undefined, 'get'), path)
    expect(bare).toContain('interface RequestConfig extends AxiosRequestConfig { id: string }')
    expect(bare).toContain('get(config: _id_.GetHttpMethod.RequestConfig)')
  })
})

describe('text from the docs cannot break out of the declarations', () => {
  const hostile = page(
    [
      '| json {data-required} | object | x',
      '| a-b {data-required data-indent=1} | string | ends a comment `*/` and starts one `/*` and a template `${x}\\``',
      "| q {data-indent=1} | string | quotes<br/>`it's` \\| `back\\slash` 枚举值之一",
      '| @tag {data-indent=1} | string | @deprecated looks like a tag',
    ].join('\n'),
    '| code {data-required} | string | `*/ declare const broken: number /*`',
  )

  test('the output type-checks, and every text reads back intact', async () => {
    const { files, text } = await typesOf(hostile)
    expect(typeCheck(files, ['types/index.d.ts']).errors).toEqual([])
    const file = ts.createSourceFile('x.d.ts', text, ts.ScriptTarget.Latest, true)
    const docs: string[] = []
    const names: string[] = []
    const literals: string[] = []
    const visit = (node: ts.Node) => {
      if (ts.isPropertySignature(node)) {
        names.push(node.name.getText())
        docs.push(ts.getJSDocCommentsAndTags(node).map((d) => d.getText()).join('\n'))
      }
      if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) literals.push(node.literal.text)
      ts.forEachChild(node, visit)
    }
    visit(file)
    expect(names).toEqual(expect.arrayContaining(["'a-b'", 'q', "'@tag'", 'code']))
    expect(literals).toEqual(expect.arrayContaining(["it's", 'back\\slash']))
    expect(docs.find((d) => d.includes('ends a comment'))).toContain('ends a comment *\\/ and starts one /* and a template')
    expect(docs.find((d) => d.includes('looks like a tag'))).toContain('\\@deprecated looks like a tag')
    // Only the namespaces are statements: the text that tried to declare a constant stayed inside its comment.
    expect(file.statements.every((s) => ts.isModuleDeclaration(s))).toBe(true)
    expect(docs.find((d) => d.includes('broken'))).toContain('*\\/ declare const broken: number /*')
  })
})

describe('numbered keys (APIv2’s `coupon_type_$n`)', () => {
  test.each([
    ['coupon_type_$n', { template: 'coupon_type_${number}', pattern: '^coupon_type_(?:0|[1-9][0-9]*)$' }],
    ['coupon_refund_id_$n_$m', { template: 'coupon_refund_id_${number}_${number}', pattern: '^coupon_refund_id_(?:0|[1-9][0-9]*)_(?:0|[1-9][0-9]*)$' }],
    ['$n', { template: '${number}', pattern: '^(?:0|[1-9][0-9]*)$' }],
    ['coupon_type', undefined],
    ['price$n', undefined],
    ['a_$nb', undefined],
    ['a_$N', undefined],
  ])('%s', (name, want) => {
    expect(numberedKey(name)).toEqual(want)
  })

  test('a numbered row is an index signature over its keys, which a reply is read by', async () => {
    const response = '| return_code {data-required} | string | x\n| coupon_type_$n | string | 代金券类型\n| coupon_id_$n_$m | string | 代金券ID'
    const { files, text } = await typesOf(page('| json {data-required} | object | x\n| a {data-required data-indent=1} | string | x', response))
    expect(text).toContain('[key: `coupon_type_${number}`]: string')
    expect(text).toContain('[key: `coupon_id_${number}_${number}`]: string')
    files.set(
      'probe.ts',
      [
        'declare const reply: WeChatPay.OpenAPI.V3.Test.Page.PostHttpMethod.WellformedResponse',
        'export const type: string | undefined = reply.coupon_type_0',
        'export const id: string | undefined = reply.coupon_id_1_2',
        '// @ts-expect-error: not a number',
        'reply.coupon_type_first',
        '// @ts-expect-error: the row’s name is not a key',
        "reply['coupon_type_$n']",
      ].join('\n'),
    )
    expect(typeCheck(files, ['types/index.d.ts', 'probe.ts'], { noUncheckedIndexedAccess: true }).errors).toEqual([])
  })

  test('a numbered row is a pattern property of the schemas, never required', () => {
    const source = { file: 'x.md', line: 1, column: 1 }
    const field = (name: string, required: boolean) => ({ kind: 'field' as const, name, required, type: { kind: 'scalar' as const, name: 'string' as const }, description: '', source })
    expect(objectSchema({ kind: 'object', fields: [field('return_code', true), field('coupon_type_$n', true)] }, { text: true, annotate: false })).toEqual({
      type: 'object',
      properties: { return_code: { type: 'string' } },
      patternProperties: { '^coupon_type_(?:0|[1-9][0-9]*)$': { type: 'string' } },
      required: ['return_code'],
    })
  })
})
