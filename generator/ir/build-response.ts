import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { ExampleModel, TableModel } from '../parse/page-model.js'
import { buildFields } from './build-field.js'
import { nestRows } from './nest-rows.js'
import type { IrEmptyBody, IrResponse } from './types.js'

/** The response side: its fields, or what the note row says when the body is not a structure. */
export function buildResponse(file: VFile, table: TableModel | null, examples: ExampleModel[], path: string, place: { line: number; column: number }): IrResponse {
  const at = table?.place ?? place
  const response: IrResponse = { kind: 'response', table: '返回字典', fields: [], source: { file: path, ...at } }
  if (!table) return response
  if (table.kind !== '请求参数') response.table = table.kind
  const notes = table.rows.filter((r) => r.kind === 'note')
  const note = notes[0]
  if (note) {
    if (table.rows.length > 1) report(file, 'note-row-position', `Unexpected note row \`${note.text}\` among other rows, expected it alone`, note.place)
    response.empty = emptyBody(note.text, examples)
  }
  if (table.rows.length === 0) report(file, 'empty-table', 'Empty response table: no response fields documented', table.place)
  response.fields = buildFields(file, nestRows(file, table.rows), { multipart: false, path })
  return response
}

function emptyBody(text: string, examples: ExampleModel[]): IrEmptyBody {
  if (/文件流/.test(text)) return { kind: 'file-stream', text }
  if (/30x|跳转/i.test(text)) return { kind: 'redirect', text }
  const status = examples.find((e) => e.statusCode !== undefined)?.statusCode ?? 204
  return { kind: 'no-content', status, text }
}
