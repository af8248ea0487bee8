import { describe, expect, test } from 'vitest'
import { buildNavigation } from '../../generator/ir/build-navigation.js'
import type { IrPage } from '../../generator/ir/types.js'
import type { CatalogueModel } from '../../generator/parse/catalogue-model.js'
import { parsePage } from '../../generator/parse/parse-page.js'

const at = (file: string) => ({ file, line: 1, column: 1 })
const opsPage = (file: string, operations: string[]): IrPage => ({ kind: 'page', source: at(file), role: 'operations', title: file, operations })
const stub = (file: string, redirect: string): IrPage => ({ kind: 'page', source: at(file), role: 'redirect', title: `Moved to ${redirect}`, operations: [], redirect })

const pages: IrPage[] = [
  opsPage('openapi/v2/pay/refund.md', ['v2/pay/refund#post']),
  opsPage('openapi/v3/brand/orders.md', ['v3/brand/orders#post', 'v3/brand/orders#get']),
  opsPage('openapi/v3/ecommerce/applyments/index.md', ['v3/ecommerce/applyments/{empty}#post']),
  opsPage('openapi/v3/stores/{store_id}.md', ['v3/stores/{store_id}#get']),
  opsPage('webhook/v3/TRANSACTION.SUCCESS.md', ['webhook/v3/TRANSACTION.SUCCESS#post']),
  stub('openapi/v2/pay/old-refund.md', '/openapi/v2/pay/refund'),
  stub('openapi/v2/pay/loop-a.md', '/openapi/v2/pay/loop-b'),
  stub('openapi/v2/pay/loop-b.md', '/openapi/v2/pay/loop-a'),
  stub('webhook/v3/OLD.md', '/webhook/v3/GONE'),
  { kind: 'page', source: at('openapi/index.md'), role: 'catalogue', title: '开放接口', operations: [] },
]

function catalogueOf(path: string, rows: string): CatalogueModel {
  const markdown = `---\ntitle: 目录\n---\n\n| 业务标签 | 直连商户模式 | 合作伙伴模式\n| --- | --- | ---\n${rows}\n`
  return parsePage(path, markdown).page.catalogue!
}

describe('buildNavigation', () => {
  const cases: Array<[string, { link: string; want: object | null; rule?: string }]> = [
    ['a page', { link: '/openapi/v2/pay/refund', want: { file: 'openapi/v2/pay/refund.md', anchor: null, operations: ['v2/pay/refund#post'], movedFrom: null } }],
    ['a method anchor picks its operation', { link: '/openapi/v3/brand/orders#get', want: { file: 'openapi/v3/brand/orders.md', anchor: 'get', operations: ['v3/brand/orders#get'] } }],
    ['a method the page lacks', { link: '/openapi/v3/brand/orders#delete', want: null, rule: 'catalogue-link-unknown' }],
    ['a webhook variant anchor keeps every operation', { link: '/webhook/v3/TRANSACTION.SUCCESS#BASIC', want: { anchor: 'BASIC', operations: ['webhook/v3/TRANSACTION.SUCCESS#post'] } }],
    ['a folder link is its index page', { link: '/openapi/v3/ecommerce/applyments/', want: { file: 'openapi/v3/ecommerce/applyments/index.md' } }],
    ['an escaped parameter segment', { link: '/openapi/v3/stores/%7Bstore_id%7D#get', want: { file: 'openapi/v3/stores/{store_id}.md', anchor: 'get' } }],
    ['a relative link, with .md', { link: './v2/pay/refund.md', want: { file: 'openapi/v2/pay/refund.md' } }],
    ['a moved page leads to its new place', { link: '/openapi/v2/pay/old-refund', want: { file: 'openapi/v2/pay/refund.md', movedFrom: 'openapi/v2/pay/old-refund.md' }, rule: 'catalogue-link-moved' }],
    ['no page', { link: '/openapi/v2/pay/nowhere', want: null, rule: 'catalogue-link-unknown' }],
    ['a catalogue page is no page of operations', { link: '/openapi/', want: null, rule: 'catalogue-link-unknown' }],
    ['stubs in a loop', { link: '/openapi/v2/pay/loop-a', want: null, rule: 'catalogue-link-unknown' }],
    ['a link out of the site', { link: 'https://pay.weixin.qq.com/doc', want: null, rule: 'catalogue-link-unknown' }],
  ]
  test.each(cases)('%s', (_, { link, want, rule }) => {
    const catalogue = catalogueOf('openapi/index.md', `| 测试 {data-protocol=v3 rowspan=1} | [链接](${link}) {colspan=2}`)
    const { navigation, diagnostics } = buildNavigation([catalogue], pages)
    const entry = navigation.sections[0]!.groups[0]!.entries[0]!
    if (want === null) expect(entry.target).toEqual({ kind: 'nav-unknown' })
    else expect(entry.target).toMatchObject({ kind: 'nav-page', ...want })
    const linkDiagnostics = diagnostics.filter((d) => d.file === 'openapi/index.md')
    expect(linkDiagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual(rule ? [`7:37 warning ${rule}`] : [])
  })

  test('sections, modes, and a protocol from the links when the group cell names none', () => {
    const webhook = catalogueOf('webhook/index.md', '| JSON {rowspan=2} | [支付](/webhook/v3/TRANSACTION.SUCCESS#BASIC) {colspan=2}\n| [直连](/openapi/v2/pay/refund) | [服务商](/webhook/v3/TRANSACTION.SUCCESS#PARTNER)')
    const openapi = catalogueOf('openapi/index.md', '| 退款 {rowspan=1} | | [退款](/openapi/v2/pay/refund)')
    const { navigation } = buildNavigation([webhook, openapi], pages)
    expect(navigation.sections.map((s) => [s.name, s.title, s.source.file])).toEqual([
      ['openapi', '目录', 'openapi/index.md'],
      ['webhook', '目录', 'webhook/index.md'],
    ])
    const [refund] = navigation.sections[0]!.groups
    const [json] = navigation.sections[1]!.groups
    expect(refund).toMatchObject({ label: '退款', protocol: 'v2', column: '业务标签', source: { file: 'openapi/index.md', line: 7, column: 3 } })
    expect(refund!.entries.map((e) => e.mode)).toEqual(['partner'])
    // Links of both protocols: none is named.
    expect(json!.protocol).toBeNull()
    expect(json!.entries.map((e) => [e.mode, e.title])).toEqual([
      ['both', '支付'],
      ['direct', '直连'],
      ['partner', '服务商'],
    ])
  })

  test('redirects: one per stub, its target resolved, a stub to no page reported', () => {
    const { navigation, diagnostics } = buildNavigation([], pages)
    expect(navigation.sections).toEqual([])
    expect(navigation.redirects.map((r) => [r.from, r.to, r.target])).toEqual([
      ['openapi/v2/pay/old-refund.md', '/openapi/v2/pay/refund', 'openapi/v2/pay/refund.md'],
      ['openapi/v2/pay/loop-a.md', '/openapi/v2/pay/loop-b', null],
      ['openapi/v2/pay/loop-b.md', '/openapi/v2/pay/loop-a', null],
      ['webhook/v3/OLD.md', '/webhook/v3/GONE', null],
    ])
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'openapi/v2/pay/loop-a.md:1:1 redirect-target-unknown',
      'openapi/v2/pay/loop-b.md:1:1 redirect-target-unknown',
      'webhook/v3/OLD.md:1:1 redirect-target-unknown',
    ])
  })
})
