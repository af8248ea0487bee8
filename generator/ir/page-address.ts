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
  const m = /^(openapi|webhook)\/(v2|v3)\/(.+)\.md$/s.exec(path)
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

const LITERAL = '[a-z][a-z0-9_]*(?:-[a-z][a-z0-9_]*)*'
const PARAMETER = '\\{[A-Za-z_][A-Za-z0-9_]*\\}'
const CAMEL = '[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+'
const ENDPOINT_PAGE = new RegExp(`^openapi/v[23]/(?:(?:${LITERAL}|${PARAMETER})/)*(?:${LITERAL}|${PARAMETER}|${CAMEL})\\.md$`)
const WEBHOOK_PAGE = /^webhook\/v[23]\/(?:[A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)*|[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)\.md$/

/**
 * Does a page path under openapi/ or webhook/ name its operations by the rule every identifier is made from? Folders
 * and file names of endpoint pages are lower-case words of letters, digits and `_`, joined by `-` (`fund-app`), or
 * a `{parameter}`; the file name may also be camelCase (a fixed placeholder). Webhook file names are upper-case
 * words joined by `.` (`REFUND.SUCCESS`) or lower-case words joined by `-`. Each such name maps to one identifier
 * and one chain property, and no two names to the same one.
 */
export function isPageName(path: string): boolean {
  return ENDPOINT_PAGE.test(path) || WEBHOOK_PAGE.test(path)
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
