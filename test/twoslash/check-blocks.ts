import { createTwoslasher } from 'twoslash'
import { TWOSLASH_COMPILER_OPTIONS } from '../../generator/emit/docs/twoslash-options.js'

export interface BlockError {
  page: string
  line: number
  text: string
}

/** The ```js twoslash blocks of a generated page. */
export function blocksOf(markdown: string): string[] {
  return [...markdown.matchAll(/^```js twoslash\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!)
}

/**
 * Runs twoslash over every block of `pages` (path → markdown) with the docs site's compiler options, business.js
 * checked as JavaScript. Returns the blocks checked and every error, instead of throwing on the first.
 */
export function checkBlocks(pages: Array<[string, string]>): { blocks: number; errors: BlockError[] } {
  const twoslasher = createTwoslasher({ compilerOptions: { ...TWOSLASH_COMPILER_OPTIONS, types: [...TWOSLASH_COMPILER_OPTIONS.types] } })
  let blocks = 0
  const errors: BlockError[] = []
  for (const [page, markdown] of pages) {
    for (const code of blocksOf(markdown)) {
      blocks++
      const result = twoslasher(code, 'js', { handbookOptions: { noErrorValidation: true }, shouldGetHoverInfo: () => false })
      errors.push(...result.errors.map((e) => ({ page, line: e.line, text: e.text })))
    }
  }
  return { blocks, errors }
}
