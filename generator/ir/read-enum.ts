/**
 * Finds the enum values a description lists, in every written form of `spec/input-format.md` §1.7.
 * Works on the description markdown, because the forms differ in where backticks, `<br/>` and `\|` sit.
 */
export interface EnumReading {
  values: string[]
  labels?: Array<string | null>
  /** Why the form is not the canonical ``<br/>`A` \| `B` 枚举值之一``; absent when it is. */
  irregular?: string
  /** The description mentions 枚举 but lists no values. */
  prose?: boolean
}

const KEYWORD = /枚举值(之一)?/
/** Code spans and the separators allowed between them, read right to left from the keyword. */
const TRAILING_VALUES = /((?:`[^`]+`[\s\\|]*)+)$/
const LEADING_VALUES = /^\s*((?:`[^`]+`[\s\\|]*)+)/
const LABELLED = /^\s*`?([^`：:<>\s][^`：:<>]*?)`?\s*[：:]\s*(.*)$/

export function readEnum(markdown: string): EnumReading | undefined {
  const keywords = [...markdown.matchAll(new RegExp(KEYWORD, 'g'))]
  if (keywords.length === 0) return /枚举/.test(markdown) ? { values: [], prose: true } : undefined
  // The keyword may also sit in prose before the list (`小时购/自提等枚举值<br/>`1` \| `2` 枚举值之一`).
  for (const [i, keyword] of keywords.entries()) {
    const reading = readAt(markdown, keyword)
    if (reading.prose) continue
    if (i > 0) reading.irregular = [`枚举值 also in the prose before the list`, reading.irregular].filter(Boolean).join(', ')
    return reading
  }
  return { values: [], prose: true }
}

function readAt(markdown: string, keyword: RegExpExecArray | RegExpMatchArray): EnumReading {
  const before = markdown.slice(0, keyword.index!)
  const after = markdown.slice(keyword.index! + keyword[0].length)
  const severalExpected = keyword[1] !== undefined

  const trailing = TRAILING_VALUES.exec(before)
  if (trailing) {
    const values = codeSpans(trailing[1]!)
    const reasons: string[] = []
    if (!/<br\/>\s*$/.test(before.slice(0, trailing.index))) reasons.push('values without `<br/>` before them')
    if (/<br\/> $/.test(before.slice(0, trailing.index))) reasons.push('a space after `<br/>`')
    if (values.length > 1 && !/\|/.test(trailing[1]!)) reasons.push('values separated by spaces, not `\\|`')
    if (/`\\\|`|`\\\|\s|\s\\\|`/.test(trailing[1]!)) reasons.push('`\\|` without spaces around it')
    if (/(^|[^\\])\|/.test(trailing[1]!)) reasons.push('an unescaped `|`')
    if (!/ $/.test(trailing[1]!)) reasons.push('no space before the keyword')
    if (after.trim() !== '') reasons.push('text after the keyword')
    if (severalExpected !== values.length > 1) reasons.push(`${values.length} value(s) with \`${keyword[0]}\``)
    const reading: EnumReading = { values }
    if (reasons.length > 0) reading.irregular = reasons.join(', ')
    return reading
  }
  const leading = LEADING_VALUES.exec(after)
  if (leading) return { values: codeSpans(leading[1]!), irregular: 'the keyword written before the values' }

  // `枚举值：<br/>`A`：label<br/>`B`：label`
  const labelled = after.split(/<br\s*\/?>/).slice(1)
  const values: string[] = []
  const labels: Array<string | null> = []
  for (const part of labelled) {
    const m = LABELLED.exec(part)
    if (!m) break
    values.push(m[1]!.trim())
    labels.push(m[2]!.replace(/`/g, '').trim() || null)
  }
  if (values.length > 0) return { values, labels, irregular: 'a `value：label` list' }
  return { values: [], prose: true }
}

function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim())
}
