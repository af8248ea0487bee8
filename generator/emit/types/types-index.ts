import type { IrOperation } from '../../ir/types.js'
import { generatedBy } from '../header.js'

export const TYPES_INDEX = 'types/index.d.ts'

/** Where the declarations of a docs page go: `openapi/v3/x.md` → `types/openapi/v3/x.d.ts`. */
export function typesPath(pageFile: string): string {
  return `types/${pageFile.replace(/\.md$/, '.d.ts')}`
}

/** `v2`, `v3`: the protocols that have endpoints, for the root's members. */
export function protocolsOf(operations: ReadonlyArray<Pick<IrOperation, 'kind' | 'protocol'>>): string[] {
  return [...new Set(operations.filter((op) => op.kind === 'endpoint').map((op) => op.protocol))].sort()
}

/**
 * `types/index.d.ts` over the page files at `paths`, written already in prettier's form (a test holds it to that),
 * so a run whose pages all come from the cache needs no formatter.
 */
export function typesIndexText(paths: string[], protocols: string[]): string {
  const references = paths.map((path) => `/// <reference path="./${path.slice('types/'.length)}" />`)
  const roots = protocols.map((p) => `    /** API${p} endpoint */\n    ${p}: OpenAPI.${p.toUpperCase()}`)
  return `// ${generatedBy()}
/// <reference types="node" />
${references.join('\n')}

declare namespace WeChatPay {
  type AxiosRequestConfig = import('axios').AxiosRequestConfig
  type AxiosPromise<T = any> = import('axios').AxiosPromise<T>
  type ReadStream = import('fs').ReadStream

  /** The typed chain of \`wechatpay-axios-plugin\`: \`wxpay.v3.pay.transactions.jsapi.post(data, config)\`. */
  interface Wechatpay {
${roots.join('\n')}
    /** The runtime's axios instances, for calls the chain cannot make (a DELETE with a body). */
    readonly client: import('wechatpay-axios-plugin').Decorator
  }
}
`
}
