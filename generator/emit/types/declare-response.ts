import type { IrEndpoint } from '../../ir/types.js'
import { jsDoc, type Interface, type TypeAlias } from './declarations.js'
import { assertNever, docText, safeDocLines } from './doc-comment.js'
import { declareObject, declarePayloads, interfaceOf, newContext } from './declare-object.js'

/** The one APIv2 path whose reply the runtime parses as JSON (the first entry of its `SIGNLESS` list). */
const JSON_REPLIES = new Set(['v2/appauth/getaccesstoken'])

/** APIv2 replies are XML parsed with `parseTagValue: false`: every value arrives as a string. */
export function xmlReply(op: IrEndpoint): boolean {
  return op.protocol === 'v2' && !JSON_REPLIES.has(op.uri)
}

/** `WellformedResponse`: the reply's `data`, plus the payload types it names. */
export function declareResponse(op: IrEndpoint): Array<Interface | TypeAlias> {
  const empty = op.response.empty
  if (empty) {
    const docs = (lines: string[]) => jsDoc(safeDocLines(lines))
    switch (empty.kind) {
      case 'file-stream':
        return [interfaceOf('WellformedResponse', docs(['The reply is a file, read as a stream.', ...docText(empty.text)]), ['ReadStream'], [])]
      case 'no-content':
      case 'redirect': {
        const what = empty.kind === 'redirect' ? 'a redirect' : `HTTP ${empty.status ?? 204}`
        return [interfaceOf('WellformedResponse', docs([`No body: the reply is ${what}.`, ...docText(empty.text)]), [], [])]
      }
      default:
        return assertNever(empty.kind)
    }
  }
  const context = newContext('response', xmlReply(op), undefined, 'WellformedResponse')
  const declaration = declareObject('WellformedResponse', { kind: 'object', fields: op.response.fields }, context, [`The reply of ${op.title}.`])
  return [declaration, ...declarePayloads(context.payloads)]
}
