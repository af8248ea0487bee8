import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { ExampleModel } from '../parse/page-model.js'
import type { IrObjectType, IrRequest } from './types.js'

/**
 * A webhook's handler decrypts `resource.ciphertext` and stores the result as `resource.original_data`. A page that
 * documents the decrypted fields under `original_data` rows (`webhook/v3/MCHWITHDRAW.CHANGE.md`, one per variant)
 * names that stored key, not a key of the plaintext: the rows' members are the payload itself.
 */
export function unwrapStoredPayload(file: VFile, request: IrRequest, examples: ExampleModel[]): void {
  const at = examples.find((e) => e.decryptedAt)?.decryptedAt
  if (!at || at.length < 2) return
  const key = at[at.length - 1]!
  let container = request.roots.find((r) => r.role === 'body')?.field.type
  for (const name of at.slice(0, -1)) {
    container = container?.kind === 'object' ? container.fields.find((f) => f.name === name)?.type : undefined
  }
  if (container?.kind !== 'object') return
  for (const encrypted of container.fields) {
    if (encrypted.type.kind !== 'encoded' || !encrypted.encryption) continue
    const { payload } = encrypted.type
    const groups = payload.variants ? (payload.fields.length === 0 ? payload.variants : []) : [payload.fields]
    const labels = groups.map((g) => (g.length === 1 && g[0]!.name === key ? g[0]! : undefined))
    if (groups.length === 0 || labels.some((l) => l?.type.kind !== 'object' || l.type.variants)) continue
    const objects = labels.map((l) => l!.type as IrObjectType)
    encrypted.type.payload = objects.length === 1 ? objects[0]! : { kind: 'object', fields: [], variants: objects.map((o) => o.fields) }
    encrypted.type.shape = 'object'
    const { line, column } = labels[0]!.source
    report(file, 'payload-handler-key', `Rows \`${key}\` under \`${encrypted.name}\` name where the page's handler stores the decrypted value (\`${at.join('.')}\`), not a key of it; their members are read as the payload`, { line, column })
  }
}
