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

/** A diagnostic found outside a page's parse: a check across pages, the docs folder, the output folder. */
export function diagnostic(file: string, place: Place, ruleId: RuleId, message: string): Diagnostic {
  return { file, line: place.line, column: place.column, severity: rules[ruleId].severity, ruleId, message }
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
  // A file name may hold a line break or a control character: printed escaped, a diagnostic stays one line.
  // eslint-disable-next-line no-control-regex
  const file = d.file.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return `${file}:${d.line}:${d.column}: ${d.severity} ${d.message}  ${d.ruleId}`
}
