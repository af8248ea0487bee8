// A prerender worker: renders twoslash blocks with the site's own markdown renderer (VitePress's, configured by
// site/.vitepress/config.ts), so that each block's twoslash result lands in the cache and its rendered HTML in the
// fragments folder, where VitePress's build then finds both and renders neither again.
import { createMarkdownRenderer, resolveConfig } from 'vitepress'
import { siteRoot } from './site-settings.js'

const config = await resolveConfig(siteRoot, 'build', 'production')
const md = await createMarkdownRenderer(config.srcDir, config.markdown, config.site.base, config.logger)

export interface BlockTask {
  /** Where the block is, for the failure's message. */
  at: string
  /** The whole fence, as it stands in the page. */
  fence: string
}

/** Renders one block; returns undefined, or the failure's text (the build then fails on it with the page named). */
export default function render({ at, fence }: BlockTask): string | undefined {
  try {
    md.render(fence, {})
    return undefined
  } catch (error) {
    return `${at}: ${error instanceof Error ? error.message : String(error)}`
  }
}
