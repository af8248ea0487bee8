import type { DiffReport } from './diff-types.js'
import { changeValues, summaryLine } from './summary-line.js'

/** The report for a terminal: added and removed operations, then each changed one with its changes; the summary last. */
export function reportText(report: DiffReport): string {
  const lines: string[] = []
  for (const op of report.added) lines.push(`added    ${op.id}  (${op.file})`)
  for (const op of report.removed) lines.push(`removed  ${op.id}  (${op.file})`)
  for (const op of report.changed) {
    lines.push(`changed  ${op.id}  (${op.file})${op.breaking ? '  BREAKING' : ''}`)
    for (const change of op.changes) {
      const where = change.path === '' ? change.side : `${change.side} ${change.path}`
      lines.push(`  ${where}: ${change.kind} ${changeValues(change)}${change.breaking ? '  BREAKING' : ''}`.trimEnd())
    }
  }
  lines.push(summaryLine(report))
  return `${lines.join('\n')}\n`
}
