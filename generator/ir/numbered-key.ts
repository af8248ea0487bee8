/**
 * A docs row named for a family of keys: APIv2 numbers repeated fields in its flat XML (`coupon_type_0`,
 * `coupon_type_1`, …), and the docs name the row `coupon_type_$n` (`coupon_refund_id_$n_$m` for two levels).
 * `template` is the TypeScript template literal type of the keys, `pattern` the regular expression of a JSON Schema.
 */
export interface NumberedKey {
  template: string
  pattern: string
}

/** `$` and one lowercase letter, standing alone between underscores or at the end. */
const PLACEHOLDER = /(?<=^|_)\$[a-z](?=_|$)/g

export function numberedKey(name: string): NumberedKey | undefined {
  const parts = name.split(PLACEHOLDER)
  if (parts.length === 1) return undefined
  const template = parts.map((p) => p.replace(/[`\\]|\$\{/g, (c) => `\\${c}`)).join('${number}')
  const pattern = `^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('(?:0|[1-9][0-9]*)')}$`
  return { template, pattern }
}
