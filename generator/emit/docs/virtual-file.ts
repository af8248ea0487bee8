import { Project } from 'ts-morph'
import type { IrOperation } from '../../ir/types.js'
import { declarePage } from '../types/declare-page.js'

let project: Project | undefined

/**
 * The `virtual.ts` of one operation's twoslash block: the declarations the types emitter makes for that operation
 * (module-scoped namespaces, as in seed 000), the `Wechatpay` root, `wxpay`, the values the example uses and the
 * type aliases its JSDoc names.
 */
export function virtualFile(op: IrOperation, declared: Map<string, string>, aliases: string[], client = false): string {
  project ??= new Project({ useInMemoryFileSystem: true })
  const file = project.createSourceFile('virtual.ts', { statements: declarePage([op]) }, { overwrite: true })
  const namespaces = file.getFullText()
  project.removeSourceFile(file)
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
  for (const [name, type] of declared) lines.push(`export var ${name}: ${type}`)
  lines.push(...aliases)
  return `${lines.join('\n')}\n`
}
