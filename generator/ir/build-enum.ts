import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { FieldRow } from '../parse/page-model.js'
import { readEnum } from './read-enum.js'
import type { IrEnum } from './types.js'

const NUMERIC = /^-?\d+(\.\d+)?$/

/**
 * The enum of a row, typed by the field type: numbers for `integer`/`number` (and their arrays), strings
 * otherwise. Values that do not fit the type drop the enum with a diagnostic (A15).
 */
export function buildEnum(file: VFile, row: FieldRow, type: string): IrEnum | undefined {
  if (row.description === null) return undefined
  const reading = readEnum(row.description)
  if (!reading) return undefined
  if (reading.prose) {
    report(file, 'enum-prose', `Description of \`${row.name}\` mentions 枚举 without a value list; no enum read`, row.descriptionPlace)
    return undefined
  }
  if (reading.irregular) {
    report(file, 'enum-irregular', `Enum of \`${row.name}\` written with ${reading.irregular}; read ${reading.values.map((v) => `\`${v}\``).join(', ')}`, row.descriptionPlace)
  }
  const numeric = type.startsWith('integer') || type.startsWith('number')
  if (type === 'boolean' || (numeric && !reading.values.every((v) => NUMERIC.test(v)))) {
    report(file, 'enum-type-mismatch', `Unexpected enum ${reading.values.map((v) => `\`${v}\``).join(', ')} on \`${type}\` \`${row.name}\`, expected ${numeric ? 'numbers' : 'no enum'}; the enum is dropped`, row.descriptionPlace)
    return undefined
  }
  const result: IrEnum = { kind: 'enum', values: numeric ? reading.values.map(Number) : reading.values }
  if (reading.labels) result.labels = reading.labels
  return result
}
