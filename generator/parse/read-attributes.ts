/**
 * Reads the markdown-it-attrs list that ends a cell: `name {data-required data-indent=1}`,
 * `object {data-tooltip="对应PHP的array"}`, `string{data-tooltip=…}`.
 */
export interface CellAttributes {
  /** The cell text before the `{…}` list, trimmed. */
  text: string
  attributes: Record<string, string>
  /** Class and id tokens, `.im-table-line`, `#request`. */
  tokens: string[]
  /** Offset of the `{` in the cell, -1 when there is none. */
  offset: number
  /** Set when a `{…}` list is there but a part of it cannot be read. */
  error?: string
}

const TRAILING_LIST = /\{([^{}]*)\}\s*$/
const ATTRIBUTE = /\s*(?:([.#][^\s{}=]+)|([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|([^\s"{}]+)))?)/y

export function readAttributes(cell: string): CellAttributes {
  const match = TRAILING_LIST.exec(cell)
  // Literal braces inside text (`{银行名称}{卡类型}`) are not attributes: the list must start with a known shape.
  if (!match || !/^\s*(?:data-|colspan|align|\.|#|rowspan)/.test(match[1]!)) {
    return { text: cell.trim(), attributes: {}, tokens: [], offset: -1 }
  }
  const body = match[1]!
  const attributes: Record<string, string> = {}
  const tokens: string[] = []
  ATTRIBUTE.lastIndex = 0
  let at = 0
  let error: string | undefined
  while (at < body.length) {
    if (/^\s*$/.test(body.slice(at))) break
    ATTRIBUTE.lastIndex = at
    const m = ATTRIBUTE.exec(body)
    if (!m || m[0].length === 0) {
      error = `Unexpected \`${body.slice(at).trim()}\` in attribute list, expected \`key=value\`, \`key\` or \`.class\``
      break
    }
    if (m[1] !== undefined) tokens.push(m[1])
    else attributes[m[2]!] = m[3] ?? m[4] ?? ''
    at = ATTRIBUTE.lastIndex
  }
  const result: CellAttributes = { text: cell.slice(0, match.index).trim(), attributes, tokens, offset: match.index }
  if (error !== undefined) result.error = error
  return result
}
