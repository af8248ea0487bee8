import { describe, expect, test } from 'vitest'
import { chainOf, pageAddress } from '../../generator/ir/page-address.js'

describe('pageAddress', () => {
  const cases: Array<[string, { given: string; uri?: string; chain?: string; event?: string }]> = [
    ['plain v2', { given: 'openapi/v2/secapi/pay/profitsharingreturn.md', uri: 'v2/secapi/pay/profitsharingreturn', chain: 'v2/secapi/pay/profitsharingreturn' }],
    ['kebab segments', { given: 'openapi/v3/fund-app/mch-transfer/transfer-bills.md', uri: 'v3/fund-app/mch-transfer/transfer-bills', chain: 'v3/fundApp/mchTransfer/transferBills' }],
    ['path parameter file and folder', { given: 'openapi/v3/pay/transactions/out-trade-no/{out_trade_no}/close.md', uri: 'v3/pay/transactions/out-trade-no/{out_trade_no}/close', chain: 'v3/pay/transactions/outTradeNo/_out_trade_no_/close' }],
    ['index.md is {empty}', { given: 'openapi/v3/ecommerce/applyments/index.md', uri: 'v3/ecommerce/applyments/{empty}', chain: 'v3/ecommerce/applyments/_empty_' }],
    ['camelCase file is a fixed placeholder', { given: 'openapi/v2/secapi/mch/addInstitutionsub.md', uri: 'v2/secapi/mch/{addinstitutionsub}', chain: 'v2/secapi/mch/_addinstitutionsub_' }],
    ['literal underscore segment', { given: 'openapi/v3/applyment4sub/applyment/applyment_id/{applyment_id}.md', uri: 'v3/applyment4sub/applyment/applyment_id/{applyment_id}', chain: 'v3/applyment4sub/applyment/applyment_id/_applyment_id_' }],
    ['webhook v3', { given: 'webhook/v3/REFUND.SUCCESS.md', event: 'REFUND.SUCCESS' }],
    ['webhook v2 kebab', { given: 'webhook/v2/transaction-success.md', event: 'transaction-success' }],
  ]
  test.each(cases)('pageAddress > %s', (_, { given, uri, chain, event }) => {
    const got = pageAddress(given)
    if (event !== undefined) expect(got).toEqual({ kind: 'webhook', protocol: given.split('/')[1], event })
    else {
      expect(got?.kind === 'endpoint' && got.uri).toBe(uri)
      expect(got?.kind === 'endpoint' && chainOf(got.segments)).toBe(chain)
    }
  })
  test('pageAddress > outside openapi and webhook', () => {
    expect(pageAddress('guide/intro.md')).toBeUndefined()
  })
  test('pageAddress > fixed placeholder keeps the written value', () => {
    const got = pageAddress('openapi/v2/secapi/mch/addInstitutionsub.md')
    expect(got?.kind === 'endpoint' && got.segments.at(-1)).toEqual({ kind: 'fixed', name: 'addinstitutionsub', value: 'addInstitutionsub' })
  })
})
