import { describe, expect, test } from 'vitest'
import { irOf } from '../helpers.js'

/** A page whose PHP sample sends `state` and `total` with the given PHP literals. */
function pageWith(state: string, total: string): string {
  return `---
title: 测试
---

# {{ $frontmatter.title }} {#post}

| 请求参数 | 类型 {.type} | 描述 {.desc}
| --- | --- | ---
| json {data-required} | object | x
| state {data-required data-indent=1} | string | \`OPEN\` \\| \`CLOSED\` 枚举值之一
| total {data-required data-indent=1} | integer | x

{.im-table #request}

::: code-group

\`\`\`php [同步纯链式]
$response = $instance->v3->things->post([
  'json' => [
    'state' => ${state},
    'total' => ${total},
  ],
]);
\`\`\`

:::
`
}

// `check` reports an example value that its table's type or enum does not allow (the validators would reject it).
describe('example-type-mismatch', () => {
  const cases: Array<[string, { state: string; total: string; want: string[] }]> = [
    ['values that fit', { state: "'OPEN'", total: '1', want: [] }],
    ['a string outside the enum', { state: "'PAUSED'", total: '1', want: ['Example `json.state` is "PAUSED", expected one of `OPEN`, `CLOSED`'] }],
    ['a string for an integer', { state: "'OPEN'", total: "'1'", want: ["Example `json.total` is the string '1', expected integer"] }],
  ]
  test.each(cases)('%s', (_, { state, total, want }) => {
    const { diagnostics } = irOf(pageWith(state, total), 'openapi/v3/things.md')
    expect(diagnostics.filter((d) => d.ruleId === 'example-type-mismatch').map((d) => d.message)).toEqual(want)
  })
})
