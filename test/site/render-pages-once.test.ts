import { describe, expect, test } from 'vitest'
import { renderPagesOnce } from '../../site/render-pages-once.js'

type Md = Parameters<typeof renderPagesOnce>[0]

/** A renderer that counts its renders and leaves in `env` what markdown-it's plugins leave there. */
function counting(): { md: Md; renders: () => number } {
  let renders = 0
  const md = {
    render(src: string, env: Record<string, unknown> = {}) {
      renders++
      env.frontmatter = { title: src }
      env.headers = [{ level: 1, title: src }]
      return `<p>${src}#${renders}</p>`
    },
  }
  return { md: md as unknown as Md, renders: () => renders }
}

describe('each page rendered once per build', () => {
  test('the second render of a page (path and text) gives the first one\'s HTML and env', () => {
    const { md, renders } = counting()
    renderPagesOnce(md)
    const client: Record<string, unknown> = { relativePath: 'a.md' }
    const server: Record<string, unknown> = { relativePath: 'a.md' }
    expect(md.render('x', client)).toBe('<p>x#1</p>')
    expect(md.render('x', server)).toBe('<p>x#1</p>')
    expect(server).toEqual(client)
    expect(renders()).toBe(1)
  })

  test.each([
    ['another page with the same text', { relativePath: 'b.md' }, 'x'],
    ['the same page with new text', { relativePath: 'a.md' }, 'y'],
    ['a render without a page (the search index, a fence)', {}, 'x'],
  ])('%s is rendered', (_, env, src) => {
    const { md, renders } = counting()
    renderPagesOnce(md)
    md.render('x', { relativePath: 'a.md' })
    md.render(src, env)
    expect(renders()).toBe(2)
  })

  test('a third render of a page renders again: a result is given back once, then forgotten', () => {
    const { md, renders } = counting()
    renderPagesOnce(md)
    for (let i = 0; i < 3; i++) md.render('x', { relativePath: 'a.md' })
    expect(renders()).toBe(2)
  })
})
