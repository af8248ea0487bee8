import { describe, expect, test } from 'vitest'
import { irOf, page, ruleIds } from '../helpers.js'

const rolesOf = (rows: string, path?: string) => {
  const { document, diagnostics } = irOf(page(rows), path)
  const op = document.operations[0]!
  return { roots: op.request.roots.map((r) => `${r.field.name}=${r.role}${r.value ? `(${r.value})` : ''}`), rules: ruleIds(diagnostics), op }
}

describe('request roots', () => {
  const cases: Array<[string, { given: string; path?: string; want: string[]; rules?: string[] }]> = [
    ['v2 xml with security and nonceless', {
      given: `| security {data-required} | \`true\` | x\n| nonceless {data-required} | \`true\` | x\n| xml {data-required} | object | x\n| a {data-indent=1} | string | x`,
      path: 'openapi/v2/a/b.md',
      want: ['security=security', 'nonceless=nonceless', 'xml=xml'],
    }],
    ['base_uri value from the backticks', {
      given: `| base_uri | string | 声明接入点\`https://apihk.mch.weixin.qq.com/\`(香港接入)\n| json {data-required} | object | x\n| a {data-indent=1} | string | x`,
      want: ['base_uri=base_uri(https://apihk.mch.weixin.qq.com/)', 'json=json'],
    }],
    ['path parameters, query and headers', {
      given: `| id {data-required} | string | x\n| query | object | x\n| a {data-indent=1} | string | x\n| headers {data-required} | object | x\n| Wechatpay-Serial {data-required data-indent=1} | string | x`,
      path: 'openapi/v3/things/{id}.md',
      want: ['id=path', 'query=query', 'headers=headers'],
    }],
    ['path parameter after json', {
      given: `| json {data-required} | object | x\n| a {data-indent=1} | string | x\n| id {data-required} | integer | x`,
      path: 'openapi/v3/things/{id}/reverse.md',
      want: ['json=json', 'id=path'],
    }],
    ['misnamed path parameter', {
      given: `| use_id {data-required} | string | x`,
      path: 'openapi/v3/users/user-id/{user_id}/terminate.md',
      want: ['use_id=path(user_id)'],
      rules: ['path-parameter-misnamed'],
    }],
    ['undocumented path parameter', {
      given: `| json {data-required} | object | x\n| a {data-indent=1} | string | x`,
      path: 'openapi/v3/users/{openid}/terminate.md',
      want: ['json=json'],
      rules: ['path-parameter-undocumented'],
    }],
    ['fixed-value placeholder row', {
      given: `| addinstitutionsub {data-required} | string | 固定值\`addInstitutionsub\``,
      path: 'openapi/v2/secapi/mch/addInstitutionsub.md',
      want: ['addinstitutionsub=path'],
    }],
    ['fragment and timeout', {
      given: `| fragment | string | \`#wechat_redirect\`\n| timeout | float | x`,
      path: 'openapi/v2/a/b.md',
      want: ['fragment=fragment', 'timeout=timeout'],
    }],
    ['unknown root', {
      given: `| stray | string | x`,
      want: ['stray=other'],
      rules: ['unknown-root'],
    }],
    ['encrypted field without the serial header', {
      given: `| json {data-required} | object | x\n| name {data-indent=1} | string {data-tooltip=x data-encrypted=by-rsa-pubkey} | x`,
      want: ['json=json'],
      rules: ['encrypted-without-serial'],
    }],
  ]
  test.each(cases)('buildRequest > %s', (_, { given, path, want, rules = [] }) => {
    const got = rolesOf(given, path)
    expect(got.roots).toEqual(want)
    expect(got.rules.filter((r) => r !== 'empty-container')).toEqual(rules)
  })

  test('buildRequest > float is a number that remembers how it was written', () => {
    const { op } = rolesOf(`| timeout | float | x`, 'openapi/v2/a/b.md')
    expect(op.request.roots[0]!.field.type).toEqual({ kind: 'scalar', name: 'number', written: 'float' })
  })
})

describe('response side', () => {
  test('note row: no content with the status of the example', () => {
    const md = page('| json {data-required} | object | x\n| a {data-indent=1} | string | x', '| 空字符串(无返回内容) {align=center colspan=3}')
      .replace('{.im-table #request}', '{.im-table #request}\n\n::: code-group\n\n```php [同步声明式]\n$response = $instance->chain(\'v3/test/page\')->post([\'json\' => [\'a\' => \'x\']]);\nprint_r($response->getStatusCode() === 202);\n```\n\n:::')
    const { document, diagnostics } = irOf(md)
    expect(document.operations[0]!.response.empty).toEqual({ kind: 'no-content', status: 202, text: '空字符串(无返回内容)' })
    expect(document.operations[0]!.request.roots[0]!.field.type.kind === 'object' && document.operations[0]!.request.roots[0]!.field.type.fields[0]!.example).toEqual({ kind: 'string', value: 'x' })
    expect(ruleIds(diagnostics)).toEqual([])
  })
  test('file stream and redirect', () => {
    expect(irOf(page('| a | string | x', '| 文件流(需解析为对应数据) {align=center colspan=3}')).document.operations[0]!.response.empty?.kind).toBe('file-stream')
    expect(irOf(page('| a | string | x', '| `30x`跳转(无实际返回信息) {align=center colspan=3}')).document.operations[0]!.response.empty?.kind).toBe('redirect')
  })
})
