// VitePress's build of some pages only, into a folder of their own: the bundles get those pages as entries and only
// those pages are rendered, while the local search index, built as the bundles load it, still covers every page.
import { resolve } from 'node:path'
import { build, type SiteConfig } from 'vitepress'
import { siteRoot } from './site-settings.js'

/** A Vite plugin, as VitePress's own Vite declares it. */
type Plugin = Extract<NonNullable<NonNullable<SiteConfig['vite']>['plugins']>[number], { name: string }>

export async function buildPages(pages: string[], outDir: string): Promise<void> {
  await build(siteRoot, {
    outDir,
    onAfterConfigResolve(siteConfig) {
      siteConfig.vite ??= {}
      siteConfig.vite.plugins = [...(siteConfig.vite.plugins ?? []), onlyPages(siteConfig, pages)]
    },
  })
}

function onlyPages(siteConfig: SiteConfig, pages: string[]): Plugin {
  const entries = new Set(pages.map((page) => resolve(siteConfig.srcDir, page)))
  let ssr = false
  return {
    name: 'wechatpay-site:only-pages',
    configResolved(config) {
      ssr = Boolean(config.build.ssr)
    },
    options(options) {
      const input = options.input
      if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('VitePress changed: its bundle input is not an object of entries')
      const kept = Object.entries(input).filter(([name, file]) => name === 'app' || entries.has(file))
      if (kept.length !== pages.length + 1) throw new Error('VitePress changed: its bundle entries are not the app and the pages')
      return { ...options, input: Object.fromEntries(kept) }
    },
    // The server bundle is written last, before VitePress renders `siteConfig.pages`: from then on, only these.
    closeBundle() {
      if (ssr) siteConfig.pages = [...pages]
    },
  }
}
