import type { DiffReport, FieldChange } from './diff-types.js'

const count = (n: number) => n.toLocaleString('en-US')

/** `225 operations changed (57 breaking), 62 added, 0 removed; 1,088 → 1,150 operations in 1,029 → 1,084 pages`. */
export function summaryLine(report: DiffReport): string {
  const breaking = report.changed.filter((op) => op.breaking).length
  const { base, head } = report
  return (
    `${count(report.changed.length)} operations changed (${count(breaking)} breaking), ${count(report.added.length)} added, ${count(report.removed.length)} removed; ` +
    `${count(base.operations)} → ${count(head.operations)} operations in ${count(base.pages)} → ${count(head.pages)} pages`
  )
}

/** A value as one short line: descriptions can run to paragraphs, which the JSON report keeps whole. */
export function shortValue(value: string | null, max = 60): string {
  if (value === null) return ''
  const line = value.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** `before → after`, `+ after` or `- before`, as one line. */
export function changeValues(change: FieldChange): string {
  const [before, after] = [shortValue(change.before), shortValue(change.after)]
  if (change.before === null) return `+ ${after}`
  if (change.after === null) return `- ${before}`
  return `${before} → ${after}`
}
