import type { IrDocument, IrOperation } from '../ir/types.js'
import { compareOperation } from './compare-operation.js'
import type { ChangedOperation, DiffReport, OperationRef } from './diff-types.js'

/** Operations added, removed and changed between two IR documents, by operation id; changes decided from the IR. */
export function compareDocuments(base: IrDocument, head: IrDocument): DiffReport {
  const before = new Map(base.operations.map((op) => [op.id, op]))
  const after = new Map(head.operations.map((op) => [op.id, op]))
  const ref = (op: IrOperation): OperationRef => ({ id: op.id, file: op.source.file })
  const changed: ChangedOperation[] = []
  for (const [id, now] of after) {
    const old = before.get(id)
    if (!old) continue
    const changes = compareOperation(old, now)
    if (changes.length > 0) changed.push({ ...ref(now), breaking: changes.some((c) => c.breaking), changes })
  }
  const byId = (a: OperationRef, b: OperationRef) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  return {
    base: countOf(base),
    head: countOf(head),
    added: [...after.values()].filter((op) => !before.has(op.id)).map(ref).sort(byId),
    removed: [...before.values()].filter((op) => !after.has(op.id)).map(ref).sort(byId),
    changed: changed.sort(byId),
  }
}

function countOf(document: IrDocument) {
  return { pages: document.pages.length, operations: document.operations.length }
}
