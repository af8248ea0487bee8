import type { VFile } from 'vfile'
import { rules, type RuleId, type Severity } from './rules.js'

/** 1-based line and column in a page. */
export interface Place {
  line: number
  column: number
}

export const SOURCE = 'wechatpay-codegen'

/** Records a diagnostic on the page's vfile with the rule's severity; never throws. */
export function report(file: VFile, ruleId: RuleId, reason: string, place: Place): void {
  const message = file.message(reason, { place, ruleId, source: SOURCE })
  const severity = rules[ruleId].severity
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
}

export interface Diagnostic {
  file: string
  line: number
  column: number
  severity: Severity
  ruleId: string
  message: string
}

export function diagnosticsOf(files: VFile[]): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const file of files) {
    for (const m of file.messages) {
      out.push({
        file: file.path,
        line: m.line ?? 1,
        column: m.column ?? 1,
        severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
        ruleId: m.ruleId ?? 'unknown',
        message: m.reason,
      })
    }
  }
  return sortDiagnostics(out)
}

/** Diagnostics by file, then line and column. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(compareDiagnostics)
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column
}

/** `file:line:col: severity message rule-id`, the form editors and CI logs link. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message}  ${d.ruleId}`
}
