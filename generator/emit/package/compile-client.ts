import { ts } from 'ts-morph'

const COMPILER_OPTIONS: ts.CompilerOptions = {
  // ES modules whatever the file is named: transpiling one file, TypeScript cannot see the package's `type`.
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  verbatimModuleSyntax: true,
  strict: true,
}

/**
 * The client's TypeScript files as the package ships them: ESM JavaScript and declarations, each file on its own
 * (TypeScript's `transpileModule` and `transpileDeclaration`: the sources are written with explicit types, so no
 * program over the whole declarations is needed). `client.d.ts` refers to the bundled declarations and names
 * the `WeChatPay` namespace as an export, so every request and reply type can be imported from the package.
 */
export function compileClient(sources: ReadonlyMap<string, string>): Map<string, string> {
  const compiled = new Map<string, string>()
  for (const [path, source] of sources) {
    const stem = path.replace(/\.ts$/, '')
    const js = ts.transpileModule(source, { fileName: path, reportDiagnostics: true, compilerOptions: COMPILER_OPTIONS })
    const dts = ts.transpileDeclaration(source, { fileName: path, reportDiagnostics: true, compilerOptions: COMPILER_OPTIONS })
    const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])]
    // The sources are the generator's own, not the docs': a problem here is a bug in an emitter.
    if (problems.length > 0) throw new Error(`${path} does not compile on its own: ${ts.flattenDiagnosticMessageText(problems[0]!.messageText, '\n')}`)
    // The source's own first line says what generated it.
    const header = source.slice(0, source.indexOf('\n'))
    compiled.set(`${stem}.js`, `${header}\n${withoutHeader(js.outputText)}`)
    const namespace = stem === 'client' ? NAMESPACE_EXPORT : ''
    compiled.set(`${stem}.d.ts`, `${header}\n${stem === 'client' ? TYPES_REFERENCE : ''}${dts.outputText}${namespace}`)
  }
  return compiled
}

/** The package's declarations of every page, in one file (see `bundleDeclarations`). */
export const DECLARATIONS = 'declarations.d.ts'
/** How a module names a declaration file in an import: `declarations.d.ts` → `declarations.js`. */
export const moduleOf = (declarationFile: string): string => declarationFile.replace(/\.d\.ts$/, '.js')
// The client's sources name the `WeChatPay` namespace as the global of the per-page files; in the package it is the
// bundle's export, imported under the same name, so two generated packages in one app never merge.
const TYPES_REFERENCE = `import type { WeChatPay } from './${moduleOf(DECLARATIONS)}'\n`
/** The namespace as an export of the package entry. */
const NAMESPACE_EXPORT = `/** Every request, reply and notification type of the docs, by page: \`WeChatPay.OpenAPI.V3.Pay.Transactions.Jsapi.PostHttpMethod.JsonDataRequest\`. */
export type { WeChatPay }
`

/** The source's header and reference lines, which the compiled file has in its own place. */
function withoutHeader(text: string): string {
  return text.replace(/^(\/\/[^\n]*\n)+/, '')
}
