import { generatedBy } from '../header.js'
import type { OperationGroup } from './bundle-declarations.js'
import { DECLARATIONS, moduleOf } from './compile-client.js'

/** A subpath's files in the package's `exports`. */
export interface PackageExport {
  types: string
  default: string
}

/** The entry of every group (`.`), the client without them (`./core`), and the groups. */
export const ENTRY = { js: 'index.js', dts: 'index.d.ts' }
const CORE = { js: 'client.js', dts: 'client.d.ts' }
/** What a group's subpath runs: nothing, as a group is types only. */
const TYPES_ONLY = 'groups/types-only.js'

/**
 * The modules that put the operation groups in the package: a declaration file per group, which adds the group's
 * calls to the chain when imported (`import 'pkg/v3/pay'`), and the entry that imports them all, so that
 * `import { createWechatpay } from 'pkg'` types every call while `pkg/core` and a few groups cost an app's
 * type-check only what it calls.
 */
export function groupModules(groups: OperationGroup[]): { files: Map<string, string>; exports: Record<string, PackageExport> } {
  const files = new Map<string, string>()
  const exports: Record<string, PackageExport> = {
    '.': { types: `./${ENTRY.dts}`, default: `./${ENTRY.js}` },
    './core': { types: `./${CORE.dts}`, default: `./${CORE.js}` },
  }
  const taken = new Set<string>()
  for (const group of [...groups].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    // Two groups whose names differ only in case would be one file where file names ignore case.
    let file = `groups/${group.path}`
    for (let n = 2; taken.has(file.toLowerCase()); n++) file = `groups/${group.path}-${n}`
    taken.add(file.toLowerCase())
    const declarations = `${'../'.repeat(file.split('/').length - 1)}${moduleOf(DECLARATIONS)}`
    files.set(
      `${file}.d.ts`,
      `// ${generatedBy()}
// \`wxpay.${group.path.replace('/', '.')}\`: importing this module adds its calls to the chain of the package's \`core\`.
export {}

declare module '${declarations}' {
namespace WeChatPay.OpenAPI {
${group.text}
}
}
`,
    )
    exports[`./${group.path}`] = { types: `./${file}.d.ts`, default: `./${TYPES_ONLY}` }
  }
  files.set(TYPES_ONLY, `// ${generatedBy()}\n// An operation group is types only: importing one runs nothing.\nexport {}\n`)
  const imports = [...files.keys()].filter((path) => path.endsWith('.d.ts')).map((path) => `import './${moduleOf(path)}'\n`)
  files.set(ENTRY.dts, `// ${generatedBy()}\n// The client with every operation group; \`./core\` is the client alone, to which an app adds the groups it calls.\n${imports.join('')}export * from './${CORE.js}'\n`)
  files.set(ENTRY.js, `// ${generatedBy()}\nexport * from './${CORE.js}'\n`)
  return { files, exports }
}
