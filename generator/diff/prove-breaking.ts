import { Project, type Type } from 'ts-morph'
import type { IrOperation } from '../ir/types.js'
import { declareEndpoint } from '../emit/types/declare-endpoint.js'
import { declareWebhook } from '../emit/types/declare-webhook.js'
import { eventNamespace, methodNamespace, typeName } from '../emit/types/identifiers.js'
import { typesPath } from '../emit/types/types-index.js'

/** One operation in one docs version, and the declaration files of that version (`types/…d.ts` → text). */
export interface ProbeSide {
  operation: IrOperation
  files: ReadonlyMap<string, string | Uint8Array>
}

/** The checker's verdict on one operation: does an old call still type-check, does old reading code? */
export interface Proof {
  id: string
  breaking: boolean
  /** Old values the caller writes (request; webhook acknowledgement) still fit the new declarations. */
  writes: boolean
  /** Values the caller reads (reply; webhook notification) still fit the old code. */
  reads: boolean
}

/**
 * The TypeScript checker's verdict for each operation, from the declarations `generate` wrote for both versions.
 * Both versions' page files go into one in-memory project, each under its own root (`Base.WeChatPay`,
 * `Head.WeChatPay`) so they do not merge. For each operation a probe file names what the caller writes (the verb's
 * parameters, and the decoded payload types of the request) and what it reads (the reply and its payload types),
 * for a webhook the other way round. Old writes must be assignable to new ones and new reads to old ones; and, as an
 * object literal may not carry a member its type lacks and old code may read any member it knew, every member of
 * the old type must still exist in the new one: `Keys<New>` assignable to `Keys<Old>`, where `Keys` makes every
 * member required, down every level, and merges the members of a union's alternatives.
 */
export function proveBreaking(pairs: Array<{ base: ProbeSide; head: ProbeSide }>): Proof[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts'] },
  })
  const roots = { base: 'Base', head: 'Head' } as const
  for (const [side, root] of Object.entries(roots) as Array<['base' | 'head', string]>) {
    project.createSourceFile(`/${side}/prelude.d.ts`, prelude(root))
    const added = new Set<string>()
    for (const pair of pairs) {
      const path = typesPath(pair[side].operation.source.file)
      if (added.has(path)) continue
      added.add(path)
      const text = pair[side].files.get(path)
      if (text === undefined) throw new Error(`No declarations for ${pair[side].operation.id} at ${path}`)
      const source = typeof text === 'string' ? text : Buffer.from(text).toString('utf8')
      project.createSourceFile(`/${side}/${path}`, source.replace(/^declare namespace WeChatPay\b/gm, `declare namespace ${root}.WeChatPay`))
    }
  }
  const lines = [
    // Every member made required at every level; the members of a union's alternatives merged into one object, as
    // an object literal's member is excess only when no alternative has it.
    'type Keys<T> = Merge<T extends object ? { -readonly [K in keyof T]-?: Keys<Exclude<T[K], undefined>> } : true>',
    'type Merge<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never',
  ]
  pairs.forEach((pair, i) => {
    const base = probeOf(pair.base.operation, roots.base)
    const head = probeOf(pair.head.operation, roots.head)
    for (const direction of ['writes', 'reads'] as const) {
      // Payload types are compared where both versions declare them (a payload that appears or goes is a type change).
      const shared = [...base[direction].keys()].filter((key) => head[direction].has(key))
      const members = (probe: Map<string, string>) => `{ ${shared.map((key) => `${key}: ${probe.get(key)}`).join('; ')} }`
      lines.push(`type ${direction}${i}_base = ${members(base[direction])}`, `type ${direction}${i}_head = ${members(head[direction])}`)
      lines.push(`type ${direction}${i}_base_keys = Keys<${direction}${i}_base>`, `type ${direction}${i}_head_keys = Keys<${direction}${i}_head>`)
    }
  })
  const probe = project.createSourceFile('/probe.ts', `${lines.join('\n')}\nexport {}\n`)
  const aliases = new Map(probe.getTypeAliases().map((alias) => [alias.getName(), alias]))
  const typeOf = (name: string): Type => aliases.get(name)!.getType()
  const fits = (from: string, to: string) => typeOf(from).isAssignableTo(typeOf(to))
  return pairs.map((pair, i) => {
    const writes = fits(`writes${i}_base`, `writes${i}_head`) && fits(`writes${i}_head_keys`, `writes${i}_base_keys`)
    const reads = fits(`reads${i}_head`, `reads${i}_base`) && fits(`reads${i}_head_keys`, `reads${i}_base_keys`)
    return { id: pair.head.operation.id, breaking: !writes || !reads, writes, reads }
  })
}

/** The names the checker needs outside generated code: kept minimal, the same for both versions. */
function prelude(root: string): string {
  return `declare namespace ${root}.WeChatPay {
  interface AxiosRequestConfig {}
  type AxiosPromise<T = any> = Promise<{ data: T }>
  interface ReadStream { readonly readable: boolean }
}
`
}

const MAIN_NAMES = new Set(['JsonDataRequest', 'XmlDataRequest', 'BinaryDataRequest', 'RequestConfig', 'RequestHeaders', 'WellformedResponse'])

/** What the caller writes and reads of an operation, as type expressions under `root`, by probe member name. */
function probeOf(op: IrOperation, root: string): { writes: Map<string, string>; reads: Map<string, string> } {
  const writes = new Map<string, string>()
  const reads = new Map<string, string>()
  if (op.kind === 'endpoint') {
    const { namespace } = declareEndpoint(op)
    const leaf = `${root}.WeChatPay.OpenAPI.${op.segments.map(typeName).join('.')}`
    const ns = `${leaf.slice(0, leaf.lastIndexOf('.'))}.${typeName(op.segments[op.segments.length - 1]!)}.${methodNamespace(op.method)}`
    const names = namespace.statements.map((s) => s.name)
    writes.set('call', `Parameters<${leaf}['${op.method}']>`)
    // A DELETE's body is not a parameter of its verb; it is sent by `client.v3.request` as `JsonDataRequest`.
    const body = names.find((n) => n === 'JsonDataRequest' || n === 'XmlDataRequest' || n === 'BinaryDataRequest')
    writes.set('body', body ? `${ns}.${body}` : '{}')
    reads.set('reply', `${ns}.WellformedResponse`)
    for (const name of names.filter((n) => !MAIN_NAMES.has(n))) (name.startsWith('WellformedResponse') ? reads : writes).set(name, `${ns}.${name}`)
  } else {
    const namespace = declareWebhook(op)
    const ns = `${root}.WeChatPay.Webhook.${op.protocol === 'v2' ? 'V2' : 'V3'}.${eventNamespace(op.event)}`
    const names = namespace.statements.map((s) => s.name)
    const declared = (name: string) => (names.includes(name) ? `${ns}.${name}` : '{}')
    reads.set('headers', declared('RequestHeaders'))
    reads.set('body', names.includes('XmlDataRequest') ? `${ns}.XmlDataRequest` : declared('JsonDataRequest'))
    writes.set('ack', `${ns}.WellformedResponse`)
    for (const name of names.filter((n) => !MAIN_NAMES.has(n))) (name.startsWith('WellformedResponse') ? writes : reads).set(name, `${ns}.${name}`)
  }
  return { writes, reads }
}
