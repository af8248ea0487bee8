import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { diagnosticsOf } from '../../generator/diagnostics/report.js'
import type { CatalogueGroup } from '../../generator/parse/catalogue-model.js'
import { parsePage } from '../../generator/parse/parse-page.js'
import { docsDir } from '../helpers.js'

/** A catalogue page around the given rows, under the corpus's frontmatter and header. */
function catalogue(rows: string, header = '| 业务标签 | 直连商户模式 | 合作伙伴模式'): string {
  return `---
title: 开放接口概览
description: 接口地址
---

${header}
| --- | --- | ---
${rows}

{.im-table .centered}
`
}

/** Rows start on line 8 of `catalogue()`. */
const ROW = 8

/** A group as compact data: label, protocol, and per row `both: link`, `direct: link`, `partner: link` (`-`: none). */
function compact(groups: CatalogueGroup[]) {
  return groups.map((g) => ({
    group: `${g.label}${g.protocol ? ` ${g.protocol}` : ''} ×${g.rowspan}`,
    rows: g.rows.map((r) => (r.both ? `both ${r.direct!.target}` : `${r.direct?.target ?? '-'} | ${r.partner?.target ?? '-'}`)),
  }))
}

function read(markdown: string) {
  const { page, file } = parsePage('openapi/index.md', markdown)
  const diagnostics = diagnosticsOf([file]).map((d) => `${d.line}:${d.column} ${d.ruleId}`)
  return { page, groups: page.catalogue?.tables.flatMap((t) => t.groups) ?? [], diagnostics }
}

describe('readCatalogue', () => {
  const cases: Array<[string, { given: string; want: ReturnType<typeof compact>; diagnostics?: string[] }]> = [
    [
      'rowspan with colspan=2 rows',
      {
        given: ['| 沙箱环境 {data-protocol=v2 rowspan=2} | [获取密钥](/openapi/v2/a) {colspan=2}', '| [付款码](/openapi/v2/b) {colspan=2}'].join('\n'),
        want: [{ group: '沙箱环境 v2 ×2', rows: ['both /openapi/v2/a', 'both /openapi/v2/b'] }],
      },
    ],
    [
      'direct and partner columns, an empty direct cell',
      {
        given: [
          '| 扣款服务 {data-protocol=v2 rowspan=3} | [签约](/openapi/v2/papay/x) | [签约](/openapi/v2/papay/partner/x)',
          '| | [仅服务商](/openapi/v2/p)',
          '| [仅直连](/openapi/v2/d)',
        ].join('\n'),
        want: [{ group: '扣款服务 v2 ×3', rows: ['/openapi/v2/papay/x | /openapi/v2/papay/partner/x', '- | /openapi/v2/p', '/openapi/v2/d | -'] }],
      },
    ],
    [
      'a group cell with an empty direct cell, then a second group',
      {
        given: ['| 分账 {data-protocol=v2 rowspan=1} | | [比例](/openapi/v2/r)', '| 分账 {data-protocol=v3 rowspan=1} | [请求分账](/openapi/v3/o#post) {colspan=2}'].join('\n'),
        want: [
          { group: '分账 v2 ×1', rows: ['- | /openapi/v2/r'] },
          { group: '分账 v3 ×1', rows: ['both /openapi/v3/o#post'] },
        ],
      },
    ],
    [
      'webhook groups without data-protocol, a label with <br/>',
      {
        given: ['| XML {rowspan=1} | [通知](/webhook/v2/a) {colspan=2}', '|平台收付通<br/>分账 {rowspan=1} | | [通知](/webhook/v3/B.C#BASIC)'].join('\n'),
        want: [
          { group: 'XML ×1', rows: ['both /webhook/v2/a'] },
          { group: '平台收付通 分账 ×1', rows: ['- | /webhook/v3/B.C#BASIC'] },
        ],
      },
    ],
    [
      'a row outside any group',
      {
        given: ['| [孤儿](/openapi/v2/a) {colspan=2}', '| 退款 {rowspan=1} | [退款](/openapi/v2/r) {colspan=2}'].join('\n'),
        want: [{ group: '退款 ×1', rows: ['both /openapi/v2/r'] }],
        diagnostics: [`${ROW}:3 catalogue-row`],
      },
    ],
    [
      'rowspan too long, then too short',
      {
        given: ['| 退款 {rowspan=3} | [退款](/openapi/v2/r) {colspan=2}', '| 账单 {rowspan=2} | [账单](/openapi/v2/b) {colspan=2}', '| [x](/openapi/v2/x) {colspan=2}', '| [y](/openapi/v2/y) {colspan=2}'].join('\n'),
        want: [
          { group: '退款 ×3', rows: ['both /openapi/v2/r'] },
          { group: '账单 ×2', rows: ['both /openapi/v2/b', 'both /openapi/v2/x'] },
        ],
        diagnostics: [`${ROW + 1}:3 catalogue-rowspan`, `${ROW + 3}:3 catalogue-row`],
      },
    ],
    [
      'malformed cells: no link, an extra cell, a bad rowspan, an unknown attribute',
      {
        given: [
          '| 退款 {rowspan=x} | 申请退款 | [查询](/openapi/v2/q)',
          '| 账单 {rowspan=2 data-foo=1} | [a](/openapi/v2/a) {colspan=2} | [b](/openapi/v2/b)',
          '| | ',
        ].join('\n'),
        want: [
          { group: '退款 ×1', rows: ['- | /openapi/v2/q'] },
          { group: '账单 ×2', rows: ['both /openapi/v2/a'] },
        ],
        diagnostics: [`${ROW}:3 catalogue-row`, `${ROW}:20 catalogue-row`, `${ROW + 1}:3 catalogue-row`, `${ROW + 1}:64 catalogue-row`, `${ROW + 2}:3 catalogue-row`],
      },
    ],
  ]
  test.each(cases)('%s', (_, { given, want, diagnostics = [] }) => {
    const got = read(catalogue(given))
    expect(got.page.role).toBe('catalogue')
    expect(compact(got.groups)).toEqual(want)
    expect(got.diagnostics).toEqual(diagnostics)
  })

  test('links: title, markdown text, markers, place', () => {
    const { groups } = read(catalogue('| 红包 {data-protocol=v2 rowspan=1} | [~~裂变红包~~](/openapi/v2/m/s) :no_entry_sign: :closed_lock_with_key: {colspan=2}'))
    expect(groups[0]!.rows[0]!.direct).toEqual({
      kind: 'catalogue-link',
      text: '~~裂变红包~~',
      title: '裂变红包',
      target: '/openapi/v2/m/s',
      markers: ['no_entry_sign', 'closed_lock_with_key'],
      place: { line: ROW, column: 37 },
    })
  })

  test('frontmatter, headings over several tables', () => {
    const markdown = `---
title: 回调通知概览
description: 通知
---

## 支付

| 通知格式 | 直连商户模式 | 合作伙伴模式
| --- | --- | ---
| JSON {rowspan=1} | [支付通知](/webhook/v3/T.S) {colspan=2}

## 退款 {#refund}

| 通知格式 | 直连商户模式 | 合作伙伴模式
| --- | --- | ---
| JSON {rowspan=1} | [退款通知](/webhook/v3/R.S) {colspan=2}
`
    const { page, file } = parsePage('webhook/index.md', markdown)
    expect(diagnosticsOf([file])).toEqual([])
    expect(page.catalogue).toMatchObject({ title: '回调通知概览', description: '通知' })
    expect(page.catalogue!.tables.map((t) => [t.heading, t.columns[0], t.place.line])).toEqual([
      ['支付', '通知格式', 8],
      ['退款', '通知格式', 14],
    ])
  })

  test('a table of another header in a catalogue page is reported, not read', () => {
    const got = read(`${catalogue('| 退款 {rowspan=1} | [退款](/openapi/v2/r) {colspan=2}')}\n| 名称 | 说明 | 备注\n| --- | --- | ---\n| a | b | c\n`)
    expect(got.groups).toHaveLength(1)
    expect(got.diagnostics).toEqual(['12:1 catalogue-row'])
  })

  test('a page of parameter tables is not a catalogue', () => {
    const { page } = parsePage('openapi/v3/x.md', '# x {#post}\n\n| 请求参数 | 类型 {.type} | 描述 {.desc}\n| --- | --- | ---\n| a | string | b\n\n{.im-table #request}\n')
    expect(page.role).not.toBe('catalogue')
    expect(page.catalogue).toBeUndefined()
  })

  test('mutated catalogue rows never throw, and every diagnostic lies inside the page', () => {
    const source = readFileSync(join(docsDir, 'openapi/index.md'), 'utf8').split('\n')
    const edit = fc.record({ line: fc.nat(source.length - 1), how: fc.nat(6), n: fc.integer({ min: -2, max: 12 }) })
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        const lines = [...source]
        for (const { line, how, n } of edits) {
          const text = lines[line]!
          lines[line] = [
            text.replace(/rowspan=\d+/, `rowspan=${n}`),
            text.replace(/\{colspan=2\}/, `{colspan=${n}}`),
            text.replace(/\|[^|]*$/, ''),
            `${text} | [x](/y) | z`,
            text.replace(/\]\(/, ']( '),
            text.replace(/^\| [^|[]+\{[^}]*\}/, '| '),
            text.replace('{', ''),
          ][how]!
        }
        const { page, file } = parsePage('openapi/index.md', lines.join('\n'))
        for (const d of diagnosticsOf([file])) {
          expect(d.line).toBeGreaterThanOrEqual(1)
          expect(d.line).toBeLessThanOrEqual(lines.length)
          expect(d.column).toBeGreaterThanOrEqual(1)
        }
        for (const group of page.catalogue?.tables.flatMap((t) => t.groups) ?? []) expect(group.rows.length).toBeLessThanOrEqual(group.rowspan)
      }),
      { numRuns: 500, seed: 17 },
    )
  })
})
