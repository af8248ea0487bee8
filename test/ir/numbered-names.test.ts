import { expect, test } from 'vitest'
import { numberedKey } from '../../generator/ir/numbered-key.js'
import { irOf, page, ruleIds } from '../helpers.js'

// The diagnostic and the emitters share one rule (`numberedKey`): a name is a numbered family of keys for both, or
// for neither; a name that only looks like one is said, and kept as a literal key.
test.each([
  ['coupon_type_$n', ['indexed-name'], true],
  ['coupon_id_$n_$m', ['indexed-name'], true],
  ['deep_$m', ['indexed-name'], true],
  ['x_$nn', ['placeholder-like-name'], false],
  ['a$n', ['placeholder-like-name'], false],
  ['x_$N', ['placeholder-like-name'], false],
  ['price', [], false],
])('%s', (name, rules, numbered) => {
  const { diagnostics } = irOf(page('| json {data-required} | object | x\n| a {data-indent=1} | string | x', `| ${name} | string | x`))
  expect(ruleIds(diagnostics)).toEqual(rules)
  expect(numberedKey(name) !== undefined).toBe(numbered)
})
