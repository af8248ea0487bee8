import { pageAddress } from '../../ir/page-address.js'
import type { IrEndpoint } from '../../ir/types.js'

/** Where the validators' schemas of an endpoint go: `validation/v3/pay/transactions/jsapi.post.json`. */
export function schemasPath(op: Pick<IrEndpoint, 'uri' | 'method'>): string {
  return `validation/${op.uri}.${op.method}.json`
}

/** Is `path` where the schema file of an endpoint of the page `pageFile` goes? (What its cache entry may hold.) */
export function isPageSchemaPath(path: string, pageFile: string): boolean {
  const address = pageAddress(pageFile)
  if (address?.kind !== 'endpoint') return false
  const prefix = `validation/${address.uri}.`
  return path.startsWith(prefix) && /^(get|post|put|patch|delete)\.json$/.test(path.slice(prefix.length))
}
