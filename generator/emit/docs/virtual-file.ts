import type { IrOperation } from '../../ir/types.js'
import { typed, type Declaration, type Interface, type TypeAlias, type TypeNode } from '../types/declarations.js'
import { declarePage } from '../types/declare-page.js'
import { declarationsDoc, type Format } from '../types/print-declarations.js'
import { Kind, VAR } from '../types/structure-kinds.js'

/**
 * The `virtual.ts` of one operation's twoslash block: the declarations the types emitter makes for that operation
 * (module-scoped namespaces, as in seed 000), the `Wechatpay` root, `wxpay`, the values the example uses and the
 * type aliases its JSDoc names. The lines around the namespaces are written as prettier lays them out.
 */
export function virtualFile(op: IrOperation, declared: Map<string, TypeNode>, aliases: Array<TypeAlias | Interface>, client: boolean, format: Format): string {
  const namespaces = format(declarationsDoc(declarePage([op])))
  const lines = ['/// <reference types="node" />']
  if (namespaces.includes('ReadStream')) lines.push("import { ReadStream } from 'fs'")
  lines.push("import { AxiosRequestConfig, AxiosPromise } from 'axios'", namespaces.trimEnd())
  if (op.kind === 'endpoint') {
    const version = op.protocol === 'v2' ? 'V2' : 'V3'
    lines.push(
      `export interface Wechatpay {\n  /**\n   * API${op.protocol} endpoint\n   */\n  ${op.protocol}: WeChatPay.OpenAPI.${version}${client ? `\n  /**\n   * The runtime's axios instances\n   */\n  client: { ${op.protocol}: import('axios').AxiosInstance }` : ''}\n}`,
      'export var wxpay: Wechatpay',
    )
  }
  const variables = [...declared].map(([name, type]): Declaration => ({ kind: Kind.VariableStatement, isExported: true, declarationKind: VAR, declarations: [{ name, type: typed(type) }] }))
  const values: Declaration[] = [...variables, ...aliases]
  if (values.length > 0) lines.push(format(declarationsDoc(values, 'line')).trimEnd())
  return `${lines.join('\n')}\n`
}
