import { stringify } from 'yaml'
import type { IrOperation } from '../../ir/types.js'
import { generatedBy } from '../header.js'
import { openapiDocument } from './openapi-document.js'

export const OPENAPI_JSON = 'openapi.json'
export const OPENAPI_YAML = 'openapi.yaml'

/**
 * `openapi.json` and `openapi.yaml`: the same document, the YAML by the `yaml` package. Neither format has a place for
 * a comment that both keep, so the header is the document's first member, `x-comment`.
 */
export function emitOpenapi(operations: IrOperation[]): Map<string, string> {
  const document = openapiDocument(operations, generatedBy())
  return new Map([
    [OPENAPI_JSON, `${JSON.stringify(document, null, 2)}\n`],
    // No line folding and no anchors: a diff of two documents shows the changed lines, each value where it belongs.
    [OPENAPI_YAML, stringify(document, { lineWidth: 0, aliasDuplicateObjects: false })],
  ])
}
