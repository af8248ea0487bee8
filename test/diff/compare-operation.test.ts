import { describe, expect, test } from 'vitest'
import { compareOperation } from '../../generator/diff/compare-operation.js'
import { proveBreaking, type ProbeSide } from '../../generator/diff/prove-breaking.js'
import { pageTypesText, typesPath } from '../../generator/emit/types/emit-types.js'
import { irOf, page } from '../helpers.js'

/**
 * Given a page before and after an edit, want its changes (`side path kind`, with `!` when breaking). Every row is
 * also put to the TypeScript checker, which must reach the same verdict from the declarations of both pages.
 */
interface Case {
  base: string
  head: string
  want: string[]
  /** `v2` pages are APIv2 (XML bodies, replies read as strings). */
  protocol?: 'v2' | 'v3'
}

const OUT = '| code {data-required} | string | 结果'
const json = (...rows: string[]) => ['| json {data-required} | object | 请求体', ...rows].join('\n')
const xml = (...rows: string[]) => ['| xml {data-required} | object | 请求体', ...rows].join('\n')
const req = (request: string) => page(request, OUT)
const res = (response: string) => page(json('| a {data-required data-indent=1} | string | x'), response)
const ENUM = (values: string) => `状态<br/>${values.split(' ').map((v) => `\`${v}\``).join(' \\| ')} 枚举值之一`

/** A json_encode'd string whose decoded value is one of three structures, separated by line rows. */
const VARIANTS = [
  '| scene {data-indent=1} | string {data-tooltip=使用json_encode后的字符串 data-encoded=by-json_encode} | x',
  '| {colspan=3 .im-table-line}',
  '| scene {data-indent=2} | object | 场景`A`信息',
  '| a {data-required data-indent=3} | string | x',
  '| {colspan=3 .im-table-line}',
  '| scene {data-indent=2} | object | 场景`B`信息',
  '| b {data-required data-indent=3} | string | x',
  '| {colspan=3 .im-table-line}',
  '| scene {data-indent=2} | object | 场景`C`信息',
  '| c {data-required data-indent=3} | string | x',
]

/** The same as reply fields, one level up. */
const REPLY_VARIANTS = VARIANTS.map((row) => row.replace(/( ?)data-indent=(\d)/, (_, space: string, n: string) => (n === '1' ? '' : `${space}data-indent=${Number(n) - 1}`)).replace(' {}', ''))

const cases: Array<[string, Case]> = [
  ['added: an optional request field', { base: req(json('| a {data-required data-indent=1} | string | x')), head: req(json('| a {data-required data-indent=1} | string | x', '| b {data-indent=1} | string | x')), want: ['request json.b added'] }],
  ['added: a required request field', { base: req(json('| a {data-indent=1} | string | x')), head: req(json('| a {data-indent=1} | string | x', '| b {data-required data-indent=1} | string | x')), want: ['request json.b added!'] }],
  ['added: an optional object with required members is one change', {
    base: req(json('| a {data-required data-indent=1} | string | x')),
    head: req(json('| a {data-required data-indent=1} | string | x', '| o {data-indent=1} | object | x', '| p {data-required data-indent=2} | string | x')),
    want: ['request json.o added'],
  }],
  ['added: a required query parameter', {
    base: req('| query {data-required} | object | x\n| a {data-indent=1} | string | x'),
    head: req('| query {data-required} | object | x\n| a {data-indent=1} | string | x\n| b {data-required data-indent=1} | string | x'),
    want: ['request query optional-to-required!', 'request query.b added!'],
  }],
  ['added: a reply field', { base: res('| a | string | x'), head: res('| a | string | x\n| b {data-required} | string | x'), want: ['response b added'] }],
  ['removed: an optional request field (an old call that passes it no longer compiles)', {
    base: req(json('| a {data-required data-indent=1} | string | x', '| b {data-indent=1} | string | x')),
    head: req(json('| a {data-required data-indent=1} | string | x')),
    want: ['request json.b removed!'],
  }],
  ['removed: an optional reply field (old code reading it no longer compiles)', { base: res('| a | string | x\n| b | string | x'), head: res('| a | string | x'), want: ['response b removed!'] }],
  ['required → optional in a request', { base: req(json('| a {data-required data-indent=1} | string | x')), head: req(json('| a {data-indent=1} | string | x')), want: ['request json.a required-to-optional'] }],
  ['required → optional in a reply', { base: res('| a {data-required} | string | x'), head: res('| a | string | x'), want: ['response a required-to-optional!'] }],
  ['optional → required in a request', { base: req(json('| a {data-indent=1} | string | x')), head: req(json('| a {data-required data-indent=1} | string | x')), want: ['request json.a optional-to-required!'] }],
  ['optional → required in a reply', { base: res('| a | string | x'), head: res('| a {data-required} | string | x'), want: ['response a optional-to-required'] }],
  ['type changed: string → integer in a request', { base: req(json('| a {data-indent=1} | string | x')), head: req(json('| a {data-indent=1} | integer | x')), want: ['request json.a type-changed!'] }],
  ['type changed: integer → number, the same TypeScript type', { base: req(json('| a {data-indent=1} | integer | x')), head: req(json('| a {data-indent=1} | number | x')), want: ['request json.a type-changed'] }],
  ['type changed: string → enum narrows a request', { base: req(json('| a {data-indent=1} | string | 状态')), head: req(json(`| a {data-indent=1} | string | ${ENUM('A B')}`)), want: ['request json.a description', 'request json.a type-changed!'] }],
  ['type changed: string → enum narrows a reply, which old code reads as a string', { base: res('| a | string | 状态'), head: res(`| a | string | ${ENUM('A B')}`), want: ['response a description', 'response a type-changed'] }],
  ['type changed: an APIv2 reply integer → string, read as a string either way', {
    protocol: 'v2',
    base: page(xml('| a {data-required data-indent=1} | string | x'), '| total_fee {data-required} | integer | x'),
    head: page(xml('| a {data-required data-indent=1} | string | x'), '| total_fee {data-required} | string | x'),
    want: ['response total_fee type-changed'],
  }],
  ['enum values added to a request', { base: req(json(`| a {data-indent=1} | string | ${ENUM('A B')}`)), head: req(json(`| a {data-indent=1} | string | ${ENUM('A B C')}`)), want: ['request json.a description', 'request json.a enum-added'] }],
  ['enum values removed from a request', { base: req(json(`| a {data-indent=1} | string | ${ENUM('A B')}`)), head: req(json(`| a {data-indent=1} | string | ${ENUM('A')}`)), want: ['request json.a description', 'request json.a enum-removed!'] }],
  ['enum values added to a reply', { base: res(`| a | string | ${ENUM('A B')}`), head: res(`| a | string | ${ENUM('A B C')}`), want: ['response a description', 'response a enum-added!'] }],
  ['enum values removed from a reply', { base: res(`| a | string | ${ENUM('A B')}`), head: res(`| a | string | ${ENUM('A')}`), want: ['response a description', 'response a enum-removed'] }],
  ['moved to another parent', {
    base: req(json('| o {data-indent=1} | object | x', '| k {data-indent=2} | string | x', '| id {data-indent=2} | string | x', '| p {data-indent=1} | object | x', '| q {data-indent=2} | string | x')),
    head: req(json('| o {data-indent=1} | object | x', '| k {data-indent=2} | string | x', '| p {data-indent=1} | object | x', '| q {data-indent=2} | string | x', '| id {data-indent=2} | string | x')),
    want: ['request json.o.id moved!'],
  }],
  ['array items: a required member added', {
    base: req(json('| list {data-indent=1} | object[] | x', '| a {data-required data-indent=2} | string | x')),
    head: req(json('| list {data-indent=1} | object[] | x', '| a {data-required data-indent=2} | string | x', '| b {data-required data-indent=2} | string | x')),
    want: ['request json.list[].b added!'],
  }],
  ['decoded payload: a required member added to a json_encode string', {
    protocol: 'v2',
    base: page(xml('| detail {data-indent=1} | string {data-tooltip=使用json_encode后的字符串 data-encoded=by-json_encode} | x', '| {colspan=3 .im-table-line}', '| goods {data-indent=2} | object | x', '| id {data-required data-indent=3} | string | x'), OUT),
    head: page(xml('| detail {data-indent=1} | string {data-tooltip=使用json_encode后的字符串 data-encoded=by-json_encode} | x', '| {colspan=3 .im-table-line}', '| goods {data-indent=2} | object | x', '| id {data-required data-indent=3} | string | x', '| n {data-required data-indent=3} | string | x'), OUT),
    want: ['request xml.detail<decoded>.goods.n added!'],
  }],
  ['decoded payload: one more alternative structure in a request', {
    protocol: 'v2',
    base: page(xml(...VARIANTS.slice(0, 7)), OUT),
    head: page(xml(...VARIANTS), OUT),
    want: ['request xml.scene<decoded><variant 3> added'],
  }],
  ['decoded payload: one alternative structure less in a request', {
    protocol: 'v2',
    base: page(xml(...VARIANTS), OUT),
    head: page(xml(...VARIANTS.slice(0, 7)), OUT),
    want: ['request xml.scene<decoded><variant 3> removed!'],
  }],
  ['decoded payload: one more alternative structure in a reply', {
    protocol: 'v2',
    base: page(xml('| a {data-required data-indent=1} | string | x'), REPLY_VARIANTS.slice(0, 7).join('\n')),
    head: page(xml('| a {data-required data-indent=1} | string | x'), REPLY_VARIANTS.join('\n')),
    want: ['response scene<decoded><variant 3> added!'],
  }],
  ['decoded payload: one alternative structure less in a reply', {
    protocol: 'v2',
    base: page(xml('| a {data-required data-indent=1} | string | x'), REPLY_VARIANTS.join('\n')),
    head: page(xml('| a {data-required data-indent=1} | string | x'), REPLY_VARIANTS.slice(0, 7).join('\n')),
    want: ['response scene<decoded><variant 3> removed!'],
  }],
  ['description of a field', { base: req(json('| a {data-indent=1} | string | 商户号')), head: req(json('| a {data-indent=1} | string | 商户的编号')), want: ['request json.a description'] }],
  ['official-doc link', { base: req(json('| a {data-indent=1} | string | x')), head: req(json('| a {data-indent=1} | string | x')).replace('partner/1)', 'partner/2)'), want: ['operation  links'] }],
]

const pathOf = (i: number, c: Case) => `openapi/${c.protocol ?? 'v3'}/case${i}/page.md`

function sideOf(markdown: string, path: string): ProbeSide {
  const { document } = irOf(markdown, path)
  const files = new Map([[typesPath(path), pageTypesText(document.pages[0]!, document.operations)]])
  return { operation: document.operations[0]!, files }
}

describe('compareOperation: given a page before and after, want its changes and verdicts', () => {
  test.each(cases.map(([name, c], i) => [name, c, i] as const))('%s', (_, c, i) => {
    const base = sideOf(c.base, pathOf(i, c))
    const head = sideOf(c.head, pathOf(i, c))
    const got = compareOperation(base.operation, head.operation).map((ch) => `${ch.side} ${ch.path} ${ch.kind}${ch.breaking ? '!' : ''}`)
    expect(got).toEqual(c.want)
  })

  test('the TypeScript checker reaches the IR verdict on every row', () => {
    const pairs = cases.map(([, c], i) => ({ base: sideOf(c.base, pathOf(i, c)), head: sideOf(c.head, pathOf(i, c)) }))
    const proofs = proveBreaking(pairs)
    const verdicts = (breaking: (i: number) => boolean) => cases.map(([name], i) => `${breaking(i) ? 'breaking' : 'compatible'}: ${name}`)
    const ir = verdicts((i) => compareOperation(pairs[i]!.base.operation, pairs[i]!.head.operation).some((ch) => ch.breaking))
    expect(verdicts((i) => proofs[i]!.breaking)).toEqual(ir)
    // Both verdicts occur, so the agreement is not that of a constant.
    expect(new Set(proofs.map((p) => p.breaking))).toEqual(new Set([true, false]))
  })
})
