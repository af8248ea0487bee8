import type { IrSegment } from './types.js'

/** What a page's file path says about the operations on it. */
export type PageAddress =
  | { kind: 'endpoint'; protocol: 'v2' | 'v3'; uri: string; segments: IrSegment[] }
  | { kind: 'webhook'; protocol: 'v2' | 'v3'; event: string }

/**
 * `openapi/v3/pay/transactions/out-trade-no/{out_trade_no}.md` → URI `v3/pay/transactions/out-trade-no/{out_trade_no}`;
 * `…/index.md` → `…/{empty}`; a camelCase file name (`addInstitutionsub.md`) → a fixed-value placeholder
 * `{addinstitutionsub}`; `webhook/v3/REFUND.SUCCESS.md` → event `REFUND.SUCCESS`.
 * Returns undefined for a path outside `openapi/v2|v3` and `webhook/v2|v3`.
 */
export function pageAddress(path: string): PageAddress | undefined {
  const m = /^(openapi|webhook)\/(v2|v3)\/(.+)\.md$/.exec(path)
  if (!m) return undefined
  const protocol = m[2] as 'v2' | 'v3'
  if (m[1] === 'webhook') return { kind: 'webhook', protocol, event: m[3]! }
  const names = m[3]!.split('/')
  const segments: IrSegment[] = [{ kind: 'literal', name: protocol }]
  names.forEach((name, i) => {
    const last = i === names.length - 1
    const param = /^\{(.+)\}$/.exec(name)
    if (param) segments.push({ kind: 'parameter', name: param[1]! })
    else if (last && name === 'index') segments.push({ kind: 'fixed', name: 'empty', value: '' })
    else if (last && /[A-Z]/.test(name)) segments.push({ kind: 'fixed', name: name.toLowerCase(), value: name })
    else segments.push({ kind: 'literal', name })
  })
  return { kind: 'endpoint', protocol, uri: uriOf(segments), segments }
}

export function uriOf(segments: IrSegment[]): string {
  return segments.map((s) => (s.kind === 'literal' ? s.name : `{${s.name}}`)).join('/')
}

/** The SDK's chain form of a URI: `fund-app` → `fundApp`, `{x}` → `_x_`. */
export function chainOf(segments: IrSegment[]): string {
  return segments
    .map((s) => (s.kind === 'literal' ? s.name.replace(/-([a-z0-9])/gi, (_, c: string) => c.toUpperCase()) : `_${s.name}_`))
    .join('/')
}
