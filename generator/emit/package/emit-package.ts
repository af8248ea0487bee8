import { generatedBy } from '../header.js'
import { bundleDeclarations } from './bundle-declarations.js'
import { compileClient, DECLARATIONS } from './compile-client.js'
import { PACKAGE_JSON, PACKAGE_README, packageJsonText, type PackageInfo } from './package-json.js'
import { packageReadmeText, type OperationSummary } from './package-readme.js'

/**
 * The files that make the output folder an npm package: `package.json`, a README of its operations, the client,
 * notification receiver and validation compiled to ESM with declarations, and the declarations of every page bundled
 * in one file. `folders` are output folders it publishes too (`validation/`, when the validators' schemas are made).
 */
export function emitPackage(info: PackageInfo, client: ReadonlyMap<string, string>, declarations: ReadonlyArray<readonly [string, string]>, operations: OperationSummary[], folders: string[] = []): Map<string, string> {
  const outputs = compileClient(client)
  outputs.set(DECLARATIONS, `// ${generatedBy()}\n${bundleDeclarations(declarations)}`)
  outputs.set(PACKAGE_README, packageReadmeText(info, operations))
  outputs.set(PACKAGE_JSON, packageJsonText(info, [...outputs.keys(), ...folders]))
  return outputs
}
