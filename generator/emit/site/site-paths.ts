import type { IrNavEntry } from '../../ir/types.js'

/** The nav text of a docs folder, by name; other folders go by their name. */
const SECTION_TEXT: Record<string, string> = { openapi: '开放接口', webhook: '回调通知' }

export function sectionText(name: string): string {
  return SECTION_TEXT[name] ?? name
}

/** The docs folder a page lies in: `openapi/v2/pay/micropay.md` → `openapi`. */
export function sectionOf(file: string): string {
  return file.split('/')[0]!
}

/**
 * A page's address on the site, without `.md`: `openapi/v2/pay/micropay.md` → `/openapi/v2/pay/micropay`,
 * `openapi/v3/ecommerce/applyments/index.md` → `/openapi/v3/ecommerce/applyments/`.
 */
export function sitePath(file: string): string {
  const stem = `/${file.replace(/\.md$/, '')}`
  return stem.endsWith('/index') ? stem.slice(0, -'index'.length) : stem
}

/** Where an entry links on the site: its page and anchor, when the page is one the docs target writes. */
export function entryLink(entry: IrNavEntry, written: ReadonlySet<string>): string | undefined {
  const { target } = entry
  switch (target.kind) {
    case 'nav-page':
      if (!written.has(target.file)) return undefined
      return target.anchor === null ? sitePath(target.file) : `${sitePath(target.file)}#${target.anchor}`
    case 'nav-unknown':
      return undefined
    default: {
      const never: never = target
      throw new Error(`Unexpected navigation target ${JSON.stringify(never)}`)
    }
  }
}

/** The relative URL from one page's built `.html` to another's: what a redirect page's meta refresh needs. */
export function relativeHtml(from: string, to: string): string {
  const source = from.split('/').slice(0, -1)
  const target = to.replace(/\.md$/, '.html').split('/')
  let common = 0
  while (common < source.length && common < target.length - 1 && source[common] === target[common]) common++
  return [...source.slice(common).map(() => '..'), ...target.slice(common)].join('/')
}
