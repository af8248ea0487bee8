import { generatedBy } from '../header.js'
import { bundleDeclarations } from './bundle-declarations.js'
import { compileClient, DECLARATIONS } from './compile-client.js'
import { groupModules } from './group-modules.js'
import { PACKAGE_JSON, PACKAGE_README, packageJsonText, type PackageInfo } from './package-json.js'
import { packageReadmeText, type OperationSummary } from './package-readme.js'

/**
 * The files that make the output folder an npm package: `package.json`, a README of its operations, the client,
 * notification receiver and validation compiled to ESM with declarations, the declarations of every page bundled in
 * a core file and a module per operation group, and the entry that brings them all. `folders` are output folders it
 * publishes too (`validation/`, when the validators' schemas are made).
 */
export function emitPackage(info: PackageInfo, client: ReadonlyMap<string, string>, declarations: ReadonlyArray<readonly [string, string]>, operations: OperationSummary[], folders: string[] = []): Map<string, string> {
  const outputs = compileClient(client)
  const { core, groups } = bundleDeclarations(declarations)
  outputs.set(DECLARATIONS, `// ${generatedBy()}\n${core}`)
  const modules = groupModules(groups)
  for (const [path, text] of modules.files) outputs.set(path, text)
  outputs.set(PACKAGE_README, packageReadmeText(info, operations, groups.map((group) => group.path)))
  outputs.set(PACKAGE_JSON, packageJsonText(info, [...outputs.keys(), ...folders], modules.exports))
  return outputs
}
