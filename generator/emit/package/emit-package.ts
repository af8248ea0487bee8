import { compileClient } from './compile-client.js'
import { PACKAGE_JSON, PACKAGE_README, packageJsonText, type PackageInfo } from './package-json.js'
import { packageReadmeText, type OperationSummary } from './package-readme.js'

/**
 * The files that make the output folder an npm package, beside the declarations in `types/` (and the validators'
 * schemas in `validation/`, when made): `package.json`, a README of its operations, and the client, notification
 * receiver and validation compiled to ESM with declarations.
 */
export function emitPackage(info: PackageInfo, client: ReadonlyMap<string, string>, operations: OperationSummary[], folders = ['types/']): Map<string, string> {
  const outputs = compileClient(client)
  outputs.set(PACKAGE_README, packageReadmeText(info, operations))
  outputs.set(PACKAGE_JSON, packageJsonText(info, [...outputs.keys(), ...folders]))
  return outputs
}
