import { toHtml } from 'hast-util-to-html'
import { describe, expect, test } from 'vitest'
import { renderHoverMarkdown, renderHoverMarkdownInline } from '../../site/hover-markdown.js'

const html = (nodes: ReturnType<typeof renderHoverMarkdown>) => toHtml({ type: 'root', children: nodes })

describe('the JSDoc of a hover, as Markdown', () => {
  test.each([
    ['the official link', '分账回退\n[官方文档](https://pay.weixin.qq.com/doc/v3/partner/1)', '<p>分账回退\n<a href="https://pay.weixin.qq.com/doc/v3/partner/1" target="_blank" rel="noreferrer">官方文档</a></p>'],
    ['code in backticks', 'decrypt with `Aes.AesGcm.decrypt`.', '<p>decrypt with <code>Aes.AesGcm.decrypt</code>.</p>'],
    ['raw HTML is dropped', 'a <img src=x onerror=alert(1)> b', '<p>a  b</p>'],
    ['a javascript: link keeps only its text', '[x](javascript:alert(1))', '<p>x</p>'],
    ['a relative link keeps only its text', '[page](./other.md)', '<p>page</p>'],
  ])('%s', (_, markdown, want) => {
    expect(html(renderHoverMarkdown(markdown))).toBe(want)
  })

  test('a tag’s text has no paragraph around it', () => {
    expect(html(renderHoverMarkdownInline('needs `security: true`'))).toBe('needs <code>security: true</code>')
    expect(html(renderHoverMarkdownInline('one\n\ntwo'))).toBe('<p>one</p>\n<p>two</p>')
  })
})
