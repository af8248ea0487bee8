import type { HttpMethod, IrEndpoint, IrSegment } from '../../ir/types.js'

/**
 * Own properties of every chain node in the runtime (its verbs and function properties). A segment with one of these
 * names would resolve to the property, not to a deeper URL, so it is written PascalCase: the runtime's `normalize`
 * lower-cases a leading capital (`receivers.Delete.post` → `receivers/delete`).
 */
const CHAIN_OWN_PROPERTIES = new Set(['get', 'post', 'put', 'patch', 'delete', 'chain', 'name', 'length'])

const pascal = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

/** The chain property for a URL segment: `fund-app` → `fundApp`, `{openid}` → `_openid_`, `delete` → `Delete`. */
export function propertyName(segment: IrSegment): string {
  if (segment.kind !== 'literal') return `_${segment.name}_`
  const [head = '', ...rest] = segment.name.split('-')
  const camel = head + rest.map(pascal).join('')
  return CHAIN_OWN_PROPERTIES.has(camel) ? pascal(camel) : camel
}

/** The namespace and interface name for a URL segment: `fund-app` → `FundApp`, `mch_operate` → `Mch_operate`. */
export function typeName(segment: IrSegment): string {
  if (segment.kind !== 'literal') return `_${segment.name}_`
  return segment.name.split('-').map(pascal).join('')
}

/** `post` → `PostHttpMethod`. */
export function methodNamespace(method: HttpMethod): string {
  return `${pascal(method)}HttpMethod`
}

/** The namespace of an endpoint's types: `WeChatPay.OpenAPI.V3.Pay.Transactions.Jsapi.PostHttpMethod`. */
export function endpointNamespace(op: Pick<IrEndpoint, 'segments' | 'method'>): string {
  return ['WeChatPay', 'OpenAPI', ...op.segments.map(typeName), methodNamespace(op.method)].join('.')
}

/** A webhook event as a namespace path: `REFUND.ABNORMAL` → `REFUND.ABNORMAL`, `pap-contract-state-changed` → `PapContractStateChanged`. */
export function eventNamespace(event: string): string {
  return event
    .split('.')
    .map((part) => identifierOf(part.includes('-') ? part.split('-').map(pascal).join('') : part))
    .join('.')
}

/** `scene_info` → `SceneInfo`, for names of decoded payload types. */
export function pascalName(name: string): string {
  return identifierOf(name.split(/[^A-Za-z0-9$]+/).filter(Boolean).map(pascal).join(''))
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** A property key as written in a type: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name)
}

/** A single-quoted TypeScript string literal. */
export function quote(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}'`
}

function identifierOf(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, '_')
  return /^[0-9]/.test(cleaned) || cleaned === '' ? `_${cleaned}` : cleaned
}
