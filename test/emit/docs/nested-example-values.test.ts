import { describe, expect, test } from 'vitest'
import { callExample } from '../../../generator/emit/docs/call-example.js'
import { literalOf, propertyText } from '../../../generator/emit/docs/example-values.js'
import type { IrEndpoint, IrField } from '../../../generator/ir/types.js'
import { childrenOf, walkFields } from '../../../generator/ir/walk-fields.js'
import { corpusDir, generated, hasCorpus, irOf, pageOutputs } from '../../helpers.js'
import { checkBlocks } from '../../twoslash/check-blocks.js'

/** An order page whose PHP sample sends `json` with the given PHP entries. */
function orderPage(entries: string): string {
  return `---
title: 下单
---

# {{ $frontmatter.title }} {#post}

| 请求参数 | 类型 {.type} | 描述 {.desc}
| --- | --- | ---
| json {data-required} | object | x
| appid {data-required data-indent=1} | string | x
| amount {data-required data-indent=1} | object | x
| total {data-required data-indent=2} | integer | x
| currency {data-indent=2} | string | x
| payer {data-indent=1} | object | x
| openid {data-required data-indent=2} | string | x
| identity {data-indent=2} | object | x
| type {data-required data-indent=3} | string | \`IDCARD\` \\| \`PASSPORT\` 枚举值之一
| goods {data-indent=1} | object[] | x
| name {data-required data-indent=2} | string | x
| quantity {data-indent=2} | integer | x
| scene {data-indent=1} | string {data-encoded=by-json_encode} | JSON 字符串
| {colspan=3 .im-table-line}
| ip {data-required data-indent=2} | string | x

{.im-table #request}

::: code-group

\`\`\`php [同步纯链式]
$response = $instance->v3->orders->post([
  'json' => [
${entries}
  ],
]);
\`\`\`

:::

| 返回字典 | 类型 {.type} | 描述 {.desc}
| --- | --- | ---
| id {data-required} | string | x

{.im-table #response}
`
}

/** The call of business.js, up to the reply handling, and the values virtual.ts declares. */
function call(entries: string) {
  const { document } = irOf(orderPage(entries), 'openapi/v3/orders.md')
  const example = callExample(document.operations[0] as IrEndpoint)
  return { code: example.code.slice(0, example.code.indexOf('.then(')), declared: [...example.declared.entries.keys()] }
}

describe('nested example values from the PHP sample', () => {
  // The other top-level members, given in full, so that only the member under test may be declared.
  const rest = (given: string) =>
    [
      "'appid' => 'wx1'",
      "'amount' => ['total' => 1]",
      "'payer' => ['openid' => 'o1']",
      "'goods' => [['name' => 'g']]",
      "'scene' => \\json_encode(['ip' => '1.2.3.4'])",
    ].filter((entry) => !given.includes(entry.slice(0, entry.indexOf(' =>')))).concat(given).join(', ')
  const cases: Array<[string, { given: string; want: string[]; declared: string[] }]> = [
    [
      'objects and an object array, as literals',
      {
        given: "'amount' => ['total' => 100, 'currency' => 'CNY'], 'payer' => ['openid' => 'o1', 'identity' => ['type' => 'IDCARD']], 'goods' => [['name' => 'g', 'quantity' => 2]]",
        want: ["  amount: { total: 100, currency: 'CNY' },", "  payer: { openid: 'o1', identity: { type: 'IDCARD' } },", "  goods: [{ name: 'g', quantity: 2 }],"],
        declared: [],
      },
    ],
    ['an optional member the sample leaves out stays out', { given: "'amount' => ['total' => 100]", want: ['  amount: { total: 100 },'], declared: [] }],
    [
      'a required member without a value that fits is declared at its depth',
      { given: "'amount' => ['total' => 'cents', 'currency' => 'CNY']", want: ["  amount: { total, currency: 'CNY' },"], declared: ['total'] },
    ],
    [
      'an enum value outside the enum is declared too',
      { given: "'payer' => ['openid' => 'o1', 'identity' => ['type' => 'VISA']]", want: ["  payer: { openid: 'o1', identity: { type } },"], declared: ['type'] },
    ],
    ['an object the sample does not fill stays a declared value', { given: "'amount' => []", want: ['  amount,'], declared: ['amount'] }],
    [
      "a json_encode'd payload as JSON.stringify of its literal",
      { given: "'scene' => \\json_encode(['ip' => '1.2.3.4'])", want: ["  scene: JSON.stringify({ ip: '1.2.3.4' }),"], declared: [] },
    ],
    [
      "a json_encode'd payload without its required member stays declared",
      { given: "'scene' => \\json_encode(['other' => 'x'])", want: ['  scene,'], declared: ['scene'] },
    ],
  ]
  test.each(cases)('%s', (_, { given, want, declared }) => {
    const got = call(rest(given))
    for (const line of want) expect(got.code.split('\n')).toContain(line)
    expect(got.declared).toEqual(declared)
  })

  test('a long literal spans lines, and the block compiles', async () => {
    const given = "'appid' => 'wx1', 'amount' => ['total' => 100, 'currency' => 'CNY'], 'payer' => ['openid' => 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o_an_openid_long_enough_to_break', 'identity' => ['type' => 'PASSPORT']], 'goods' => [['name' => 'iPhoneX 256G', 'quantity' => 1]], 'scene' => \\json_encode(['ip' => 'x'])"
    const { code } = call(given)
    expect(code).toContain("  payer: {\n    openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o_an_openid_long_enough_to_break',\n    identity: { type: 'PASSPORT' },\n  },")
    const outputs = await pageOutputs(orderPage(given.replace(/, /g, ',\n')), 'openapi/v3/orders.md', ['docs'])
    const { blocks, errors } = checkBlocks([...outputs].filter(([path]) => path.endsWith('.md')))
    expect(blocks).toBe(1)
    expect(errors).toEqual([])
  })
})

/**
 * The members of a body or `params` whose value the sample gives and the type takes (a scalar or a list of
 * scalars), each with the text the example must show for it, walking objects, object arrays and json_encode'd
 * payloads (members of a oneOf alternative are left out: their object may fall back to a declared value).
 */
function fittingLeaves(fields: IrField[], into: string[]): string[] {
  for (const field of fields) {
    const literal = literalOf(field.type, field.example)
    if (literal !== undefined) into.push(`${propertyText(field.name)}: ${literal}`)
    else if (field.type.kind === 'object' || field.type.kind === 'array') fittingLeaves(field.type.kind === 'object' ? field.type.fields : childrenOf(field.type.items).filter((f) => field.type.kind === 'array' && field.type.items.kind === 'object' && field.type.items.fields.includes(f)), into)
    else if (field.type.kind === 'encoded' && field.type.via === 'json_encode') {
      // A bare list's only child is a label: its value is the payload.
      const only = field.type.shape === 'list' ? field.type.payload.fields[0] : undefined
      const bare = only && literalOf(only.type, only.example)
      if (bare !== undefined) into.push(`JSON.stringify(${bare})`)
      else fittingLeaves(only ? [only] : field.type.payload.fields, into)
    }
  }
  return into
}

describe.skipIf(!hasCorpus)('nested example values over the corpus', () => {
  test('every value the PHP sample gives and the type takes is shown; fewer calls declare placeholders', async () => {
    const { document } = await generated(corpusDir, ['ir'])
    const endpoints = document.operations.filter((op): op is IrEndpoint => op.kind === 'endpoint')
    let before = 0
    let beforeCalls = 0
    let after = 0
    let afterCalls = 0
    const missing: string[] = []
    let shown = 0
    for (const op of endpoints) {
      const example = callExample(op)
      const declared = example.declared.entries.size
      after += declared
      if (declared > 0) afterCalls++
      // Before nested values, a member was a literal only when the sample gave the member itself a value: the
      // same call with the values below the top-level members taken away.
      const flat = structuredClone(op)
      for (const root of flat.request.roots) walkFields(childrenOf(root.field.type).flatMap((f) => childrenOf(f.type)), (f) => delete f.example)
      const flatDeclared = callExample(flat).declared.entries.size
      before += flatDeclared
      if (flatDeclared > 0) beforeCalls++
      const roots = op.request.roots.filter((r) => r.role === 'json' || r.role === 'xml' || r.role === 'query')
      const members = roots.flatMap((r) => (r.field.type.kind === 'object' ? r.field.type.fields : []))
      for (const leaf of fittingLeaves(members, [])) {
        // A multi-line literal breaks an object onto lines, not a member's value.
        if (example.code.includes(leaf)) shown++
        else missing.push(`${op.id}: ${leaf}`)
      }
    }
    console.log(`example calls: ${endpoints.length}; with placeholders before ${beforeCalls}, after ${afterCalls}; placeholders before ${before}, after ${after}; sample values shown ${shown}`)
    expect(missing).toEqual([])
    expect(afterCalls).toBeLessThan(beforeCalls)
    expect(after).toBeLessThan(before)
  }, 300_000)
})
