import type { ChangedOperation, DiffReport, OperationRef } from './diff-types.js'
import { changeValues, summaryLine } from './summary-line.js'

/**
 * The report as markdown for a pull request comment or a changelog: the summary, breaking operations first with a
 * table of their changes, then added, removed and other changed operations. Docs text is untrusted: it goes into
 * code spans and table cells escaped.
 */
export function reportMarkdown(report: DiffReport, proven: boolean): string {
  const out: string[] = ['## API changes', '', summaryLine(report) + '.']
  if (proven) out.push('', 'Breaking means an old call, or old code reading the reply, no longer type-checks; each verdict is proven by the TypeScript checker.')
  const breaking = report.changed.filter((op) => op.breaking)
  const other = report.changed.filter((op) => !op.breaking)
  section(out, 'Breaking', breaking.map(changedBlock))
  section(out, 'Added', report.added.map((op) => [listItem(op)]))
  section(out, 'Removed', report.removed.map((op) => [listItem(op)]))
  section(out, 'Changed', other.map(changedBlock))
  return `${out.join('\n')}\n`
}

function section(out: string[], title: string, blocks: string[][]): void {
  if (blocks.length === 0) return
  out.push('', `### ${title} (${blocks.length})`)
  for (const block of blocks) out.push('', ...block)
}

const listItem = (op: OperationRef) => `- ${code(op.id)} in ${code(op.file)}`

function changedBlock(op: ChangedOperation): string[] {
  const rows = op.changes.map((c) => `| ${c.side} | ${c.path === '' ? '' : code(c.path, true)} | ${c.kind}${c.breaking ? ' **(breaking)**' : ''} | ${cell(changeValues(c))} |`)
  return [`#### ${code(op.id)}`, '', `In ${code(op.file)}.`, '', '| side | path | change | values |', '| --- | --- | --- | --- |', ...rows]
}

/** A code span that holds any text: fenced with more backticks than it contains; in a table, pipes escaped. */
function code(text: string, inTable = false): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = longest > 0 || text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${inTable ? text.replace(/\|/g, '\\|') : text}${pad}${fence}`
}

/** Table cell text: pipes escaped, markup characters shown as written. */
function cell(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
}
