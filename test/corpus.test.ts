import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Diagnostic } from '../generator/diagnostics/report.js'
import { listPages } from '../generator/run/list-pages.js'
import { readDocs, type DocsResult } from '../generator/run/read-docs.js'
import type { IrOperation } from '../generator/ir/types.js'
import { corpusDir, hasCorpus, testCacheDir } from './helpers.js'

/** Method headings counted straight from the text, outside code fences: the operations the IR must have. */
function countMethodHeadings(markdown: string): number {
  let fenced = false
  let count = 0
  for (const line of markdown.split('\n')) {
    if (/^```/.test(line)) fenced = !fenced
    else if (!fenced && /^#{1,2} .*\{#(get|post|put|patch|delete)\}\s*$/.test(line)) count++
  }
  return count
}

describe.skipIf(!hasCorpus)('corpus-wide (../shared/corpus)', () => {
  let result: DocsResult
  let pages: string[]
  beforeAll(async () => {
    pages = listPages(corpusDir)
    result = await readDocs(corpusDir, { cwd: join(corpusDir, '..'), cacheDir: testCacheDir })
  })
  const byFile = (file: string): Diagnostic[] => result.diagnostics.filter((d) => d.file === `corpus/${file}`)
  const opsOf = (file: string): IrOperation[] => result.document.operations.filter((o) => o.source.file === file)

  test('every page parses, and the operations equal the method headings counted in the text', () => {
    const headings = pages.reduce((n, p) => n + countMethodHeadings(readFileSync(join(corpusDir, p), 'utf8')), 0)
    expect(result.document.pages).toHaveLength(pages.length)
    expect(result.document.operations).toHaveLength(headings)
    expect(new Set(result.document.operations.map((o) => o.id)).size).toBe(headings)
  })

  test('no errors, and every operation has a request and a response table', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    for (const op of result.document.operations) {
      expect(op.request.source.line, op.id).toBeGreaterThan(op.source.line)
      expect(op.response.source.line, op.id).toBeGreaterThan(op.request.source.line)
    }
  })

  test('every diagnostic has a position inside its file', () => {
    const lengths = new Map(pages.map((p) => [`corpus/${p}`, readFileSync(join(corpusDir, p), 'utf8').split('\n').length]))
    for (const d of result.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1)
      expect(d.line).toBeLessThanOrEqual(lengths.get(d.file) ?? 0)
      expect(d.column).toBeGreaterThanOrEqual(1)
    }
  })

  // spec/input-format.md §5: each torture page and what its anomalies call for.
  const torture: Array<[string, { rules: string[]; check?: (ops: IrOperation[]) => void }]> = [
    ['openapi/v2/pay/micropay.md', { rules: ['example-type-mismatch'], check: (ops) => expect(ops[0]!.links.length).toBe(4) }],
    ['openapi/v3/apply4subject/applyment.md', { rules: ['enum-irregular'], check: (ops) => expect(ops.map((o) => o.method).sort()).toEqual(['get', 'post']) }],
    ['openapi/v3/merchant-risk-manage/violation-notifications.md', { rules: ['empty-table'], check: (ops) => expect(ops.map((o) => o.method).sort()).toEqual(['delete', 'get', 'post', 'put']) }],
    ['openapi/v3/marketing/bank/packages/{package_id}/tasks.md', { rules: ['payload-without-encoding', 'example-key-unknown'], check: (ops) => expect(ops).toHaveLength(2) }],
    ['openapi/v2/xdc/apiv2sandbox/pay/orderquery.md', { rules: ['enum-irregular'], check: (ops) => expect(ops[0]!.request.roots.find((r) => r.role === 'timeout')?.field.type).toMatchObject({ name: 'number', written: 'float' }) }],
    ['openapi/v2/secapi/mch/addInstitutionsub.md', { rules: [], check: (ops) => expect(ops[0]!.id).toBe('v2/secapi/mch/{addinstitutionsub}#post') }],
    ['openapi/v3/ecommerce/applyments/index.md', { rules: [], check: (ops) => expect(ops[0]!.id).toBe('v3/ecommerce/applyments/{empty}#post') }],
    ['openapi/v3/global/papay/transactions/out-trade-no/{out_trade_no}.md', { rules: ['path-parameter-misnamed'], check: (ops) => expect(ops[0]!.request.roots.some((r) => r.role === 'base_uri' && r.value)).toBe(true) }],
    ['openapi/v2/papay/entrustweb.md', { rules: ['attribute-misplaced'], check: (ops) => expect(ops[0]!.response.empty?.kind).toBe('redirect') }],
    ['openapi/v2/pay/downloadbill.md', { rules: ['enum-irregular', 'example-key-unknown'], check: (ops) => expect(ops[0]!.response.table).toBe('异常字典') }],
    ['openapi/v3/new-tax-control-fapiao/download.md', { rules: ['unclosed-container'], check: (ops) => expect(ops[0]!.response.empty?.kind).toBe('file-stream') }],
    ['openapi/v3/fund-app/mch-transfer/partner/transfer-bills.md', { rules: [] }],
    ['openapi/v2/vehicle/pay/payapply.md', { rules: [], check: (ops) => expect(JSON.stringify(ops[0]!.request)).toContain('"variants"') }],
    ['openapi/v2/cgi-bin/mch/customs/customdeclarequery.md', { rules: ['indexed-name'] }],
    ['openapi/v2/mmpaymkttransfers/query_bank.md', { rules: ['page-skipped'], check: (ops) => expect(ops).toEqual([]) }],
    ['webhook/v3/RECHARGE.CLOSED.md', { rules: ['indent-jump', 'scalar-with-children', 'unknown-root', 'empty-container'] }],
    ['webhook/v3/MCHWITHDRAW.CHANGE.md', { rules: ['payload-misplaced', 'inline-html'] }],
    ['webhook/v2/refund-processed.md', { rules: [], check: (ops) => expect(ops[0]!.kind === 'webhook' && ops[0]!.variants.map((v) => v.url)).toContain('#PARTNER') }],
    ['webhook/v3/DISCOUNT_CARD.AGREEMENT_ENDED.md', { rules: ['missing-description-cell'] }],
    ['webhook/v3/MCHTRANSFER.BILL.FINISHED.md', { rules: ['unescaped-pipe'] }],
  ]
  test.each(torture)('torture page %s', (file, { rules, check }) => {
    expect(pages).toContain(file)
    const got = new Set(byFile(file).map((d) => d.ruleId))
    for (const rule of rules) expect(got, `${file} should report ${rule}`).toContain(rule)
    check?.(opsOf(file))
  })

  test('A2 repairs: decrypted payloads end under ciphertext', () => {
    for (const file of ['webhook/v3/MCHWITHDRAW.CHANGE.md', 'webhook/v3/ECOMMERCE_ENTRUST.SIGN.md']) {
      const body = opsOf(file)[0]!.request.roots.find((r) => r.role === 'body')!.field
      const resource = body.type.kind === 'object' ? body.type.fields.find((f) => f.name === 'resource') : undefined
      const ciphertext = resource?.type.kind === 'object' ? resource.type.fields.find((f) => f.name === 'ciphertext') : undefined
      expect(ciphertext?.type.kind, file).toBe('encoded')
    }
  })

  test('prints pages, operations and diagnostics by rule id', () => {
    const byRule: Record<string, number> = {}
    for (const d of result.diagnostics) byRule[`${d.severity} ${d.ruleId}`] = (byRule[`${d.severity} ${d.ruleId}`] ?? 0) + 1
    console.log(JSON.stringify({ pages: pages.length, operations: result.document.operations.length, byRule }, null, 1))
    expect(Object.keys(byRule).length).toBeGreaterThan(0)
  })
})
