/** One cell of a table row as written: its text, trimmed, and 0-based columns in the line. */
export interface RawCell {
  text: string
  /** Where the text starts (after the blanks that follow the pipe). */
  offset: number
  /** Just after the pipe that opens the cell. */
  start: number
}

/**
 * Splits a table row on `|` that is not escaped as `\|`, as GFM does; the leading pipe opens the row and a
 * trailing pipe is optional. `trailingPipe` tells whether the row ended with one.
 */
export function splitRow(line: string): { cells: RawCell[]; trailingPipe: boolean } {
  const bounds: number[] = []
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '\\') i++
    else if (c === '|') bounds.push(i)
  }
  const trailingPipe = bounds.length > 1 && line.slice(bounds[bounds.length - 1]! + 1).trim() === ''
  const ends = trailingPipe ? bounds : [...bounds, line.length]
  const cells: RawCell[] = []
  for (let k = 0; k + 1 < ends.length; k++) {
    const raw = line.slice(ends[k]! + 1, ends[k + 1])
    const lead = raw.length - raw.trimStart().length
    cells.push({ text: raw.trim(), offset: ends[k]! + 1 + lead, start: ends[k]! + 1 })
  }
  return { cells, trailingPipe }
}
