import { stringify } from 'yaml'
import type { IrRedirect } from '../../ir/types.js'
import { markdownText } from '../docs/markdown-text.js'
import { generatedBy } from '../header.js'
import { relativeHtml, sitePath } from './site-paths.js'

/** Where a redirect page goes: the stub's old address, `docs/openapi/v2/mmpaymkttransfers/query_bank.md`. */
export function redirectPagePath(redirect: IrRedirect): string {
  return `docs/${redirect.from}`
}

/**
 * The page at a moved page's old address: a meta refresh to the new page and a visible link to it. The refresh
 * names the new page's built `.html` relative to the old one, which a static host serves with or without clean
 * URLs and under any base path; the link is a site link, which VitePress resolves. The page's title names the new
 * page, braces escaped: VitePress reads a title as inline markdown, where `{out_request_no}` at its end would be
 * markdown-it-attrs' attribute syntax.
 */
export function redirectPageText(redirect: IrRedirect & { target: string }, title: string): string {
  const to = sitePath(redirect.target)
  const frontmatter = stringify({
    title: `本页已迁移：${title.replace(/[{}]/g, '\\$&')}`,
    head: [['meta', { 'http-equiv': 'refresh', content: `0; url=${relativeHtml(redirect.from, redirect.target)}` }]],
    sidebar: false,
    aside: false,
    prev: false,
    next: false,
  })
  const text = markdownText(title).replace(/[[\]\\]/g, (c) => `\\${c}`)
  return `---\n${frontmatter}---\n\n<!-- ${generatedBy(redirect.from)} -->\n\n# 本页已迁移\n\n本页已迁移至 [${text}](${to})。\n`
}
