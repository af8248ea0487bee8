/** One cell of a table row as written, with its 0-based column offset in the line. */
export interface RawCell {
  text: string
  offset: number
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
    cells.push({ text: raw.trim(), offset: ends[k]! + 1 + lead })
  }
  return { cells, trailingPipe }
}
