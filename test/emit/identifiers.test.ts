import { describe, expect, test } from 'vitest'
import { eventNamespace, methodNamespace, propertyKey, propertyName, quote, typeName } from '../../generator/emit/types/identifiers.js'
import type { IrSegment } from '../../generator/ir/types.js'

const literal = (name: string): IrSegment => ({ kind: 'literal', name })

// Rules of spec/output-conventions.md §1.3, one row per rule.
describe('path segment → chain property and type name', () => {
  test.each([
    { segment: literal('v3'), property: 'v3', type: 'V3' },
    { segment: literal('secapi'), property: 'secapi', type: 'Secapi' },
    { segment: literal('apply4sub'), property: 'apply4sub', type: 'Apply4sub' },
    { segment: literal('h5'), property: 'h5', type: 'H5' },
    { segment: literal('fund-app'), property: 'fundApp', type: 'FundApp' },
    { segment: literal('complaints-v2'), property: 'complaintsV2', type: 'ComplaintsV2' },
    { segment: literal('cgi-bin'), property: 'cgiBin', type: 'CgiBin' },
    { segment: literal('mch_operate'), property: 'mch_operate', type: 'Mch_operate' },
    { segment: { kind: 'parameter', name: 'openid' } as IrSegment, property: '_openid_', type: '_openid_' },
    { segment: literal('delete'), property: 'Delete', type: 'Delete' },
    { segment: literal('get'), property: 'Get', type: 'Get' },
    { segment: literal('apply'), property: 'apply', type: 'Apply' },
    { segment: { kind: 'fixed', name: 'empty', value: '' } as IrSegment, property: '_empty_', type: '_empty_' },
    { segment: { kind: 'fixed', name: 'addinstitutionsub', value: 'addInstitutionsub' } as IrSegment, property: '_addinstitutionsub_', type: '_addinstitutionsub_' },
  ])('$segment.name → $property, $type', ({ segment, property, type }) => {
    expect(propertyName(segment)).toBe(property)
    expect(typeName(segment)).toBe(type)
  })
})

describe('other names', () => {
  test.each([
    ['post', 'PostHttpMethod'],
    ['delete', 'DeleteHttpMethod'],
  ] as const)('%s → %s', (method, want) => expect(methodNamespace(method)).toBe(want))

  test.each([
    ['REFUND.ABNORMAL', 'REFUND.ABNORMAL'],
    ['pap-contract-state-changed', 'PapContractStateChanged'],
    ['SECURITY_ECHO.SUCCESS', 'SECURITY_ECHO.SUCCESS'],
  ])('event %s → %s', (event, want) => expect(eventNamespace(event)).toBe(want))

  test.each([
    ['mch_id', 'mch_id'],
    ['coupon_fee_$n', 'coupon_fee_$n'],
    ['Wechatpay-Serial', "'Wechatpay-Serial'"],
    ['2x', "'2x'"],
    ["it's", "'it\\'s'"],
  ])('property key %s → %s', (name, want) => expect(propertyKey(name)).toBe(want))

  test.each([
    ["a'b", "'a\\'b'"],
    ['a\\b', "'a\\\\b'"],
    ['line\nbreak', "'line\\nbreak'"],
    ['${x}`', "'${x}`'"],
  ])('string literal %j', (value, want) => {
    expect(quote(value)).toBe(want)
    // eslint-disable-next-line no-eval -- the literal must read back as the same string
    expect(eval(quote(value))).toBe(value)
  })
})
