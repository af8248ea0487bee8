// The docs site over a generated docs folder (SITE_DOCS, default generated/docs): VitePress with twoslash, whose
// results come from a cache on disk that `site/prerender.ts` fills on worker threads before the build.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { transformerTwoslash } from '@shikijs/vitepress-twoslash'
import { defineConfig, type DefaultTheme } from 'vitepress'
import { siteSettings } from '../site-settings.js'
import { twoslashCache } from '../twoslash-cache.js'

const settings = siteSettings()
const navigation = readNavigation(settings.docs)

export default defineConfig({
  lang: 'zh-CN',
  title: 'WeChat Pay API',
  description: 'WeChat Pay API pages generated from the wechatpay.im docs, with types checked by twoslash',
  srcDir: settings.docs,
  outDir: settings.out,
  cacheDir: resolve(settings.cache, 'vitepress'),
  cleanUrls: false,
  lastUpdated: true,
  // A generated folder outside the project has no git history: last-updated then stays empty, not an error.
  ignoreDeadLinks: true,
  themeConfig: {
    nav: navigation.nav,
    sidebar: navigation.sidebar,
    // Wide parameter tables need the room an outline column would take.
    outline: false,
    search: { provider: 'local' },
    ...(settings.editLink ? { editLink: { pattern: settings.editLink, text: '在 GitHub 上编辑此页' } } : {}),
    docFooter: { prev: '上一页', next: '下一页' },
    lastUpdated: { text: '最后更新' },
  },
  markdown: {
    codeTransformers: [
      transformerTwoslash({
        twoslashOptions: settings.twoslashOptions,
        typesCache: twoslashCache(settings),
        // A block that fails to compile fails the build: the pages promise examples that compile.
        throws: true,
      }),
    ],
    languages: ['js', 'ts'],
  },
})

interface Navigation {
  nav: DefaultTheme.NavItem[]
  sidebar: DefaultTheme.Sidebar
}

/** The navigation the generator wrote beside the pages (`site.json`), or none for a folder without one. */
function readNavigation(docs: string): Navigation {
  const file = resolve(docs, 'site.json')
  if (!existsSync(file)) return { nav: [], sidebar: {} }
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Navigation>
  return { nav: data.nav ?? [], sidebar: data.sidebar ?? {} }
}
