/** Public API of wechatpay-codegen: read docs pages into the IR, with diagnostics. */
export { readDocs, listPages, type DocsResult } from './run/read-docs.js'
export { parsePage } from './parse/parse-page.js'
export { buildIr, IR_VERSION } from './ir/build-ir.js'
export { pageAddress } from './ir/page-address.js'
export { diagnosticsOf, formatDiagnostic, type Diagnostic } from './diagnostics/report.js'
export { rules, type RuleId, type Severity } from './diagnostics/rules.js'
export type * from './ir/types.js'
export type * from './parse/page-model.js'
