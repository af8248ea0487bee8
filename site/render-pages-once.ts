import type { MarkdownIt } from './site-settings.js'

/**
 * Renders each page once per build, where VitePress renders it for its client bundle and again for its server
 * bundle: its own cache of rendered pages holds 1,024, and over the corpus's 1,085 pages every second lookup missed
 * (all 1,085 were rendered twice). A page is known by its path and text; the second render gives back the first's
 * HTML and what it left in `env` (frontmatter, headers, links, the page's script blocks), and forgets them.
 */
export function renderPagesOnce(md: MarkdownIt): void {
  const render = md.render.bind(md)
  const pages = new Map<string, { src: string; html: string; env: object }>()
  md.render = (src, env?: { relativePath?: unknown }) => {
    if (!env || typeof env.relativePath !== 'string') return render(src, env)
    const done = pages.get(env.relativePath)
    if (done?.src === src) {
      pages.delete(env.relativePath)
      Object.assign(env, done.env)
      return done.html
    }
    const html = render(src, env)
    pages.set(env.relativePath, { src, html, env: structuredClone(env) })
    return html
  }
}
