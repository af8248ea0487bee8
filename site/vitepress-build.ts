// VitePress's build of the site, or of some pages only into a folder of their own: then the bundles get those pages
// as entries and only those pages are rendered, while the local search index, built as the bundles load it, still
// covers every page.
import { resolve } from 'node:path'
import { build, type SiteConfig } from 'vitepress'
import { hashContent } from '../generator/run/hash.js'
import { siteRoot, type SiteSettings } from './site-settings.js'

/** A Vite plugin, as VitePress's own Vite declares it. */
type Plugin = Extract<NonNullable<NonNullable<SiteConfig['vite']>['plugins']>[number], { name: string }>

export async function vitepressBuild(settings: SiteSettings, only?: { pages: string[]; outDir: string }): Promise<void> {
  const outDir = only?.outDir ?? settings.out
  await build(siteRoot, {
    outDir,
    onAfterConfigResolve(siteConfig) {
      // VitePress's server bundle goes to one `.temp` beside the config, which two builds at once (into two folders)
      // would share and each remove; one per output folder. It stays in the project, where its imports (vue)
      // resolve, and VitePress removes it after the build.
      siteConfig.tempDir = resolve(siteRoot, `.vitepress/.temp-${hashContent(outDir).slice(0, 12)}`)
      if (only === undefined) return
      siteConfig.vite ??= {}
      siteConfig.vite.plugins = [...(siteConfig.vite.plugins ?? []), onlyPages(siteConfig, only.pages)]
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
