// The docs site over a generated docs folder (SITE_DOCS, default generated/docs): VitePress with twoslash, whose
// results come from a cache on disk that `site/prerender.ts` fills on worker threads before the build.
// @shikijs/twoslash 4 is built against shiki 4, VitePress 1.6 against shiki 2: the transformer's hooks are the same
// at run time (the browser tests prove the hovers), only their declared types differ, hence the cast below.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { rendererRich, transformerTwoslash } from '@shikijs/twoslash'
import { defineConfig, type DefaultTheme, type MarkdownOptions, type UserConfig } from 'vitepress'
import { renderHoverMarkdown, renderHoverMarkdownInline } from '../hover-markdown.js'
import { breakInlineCodeAfterDots } from '../inline-code-breaks.js'
import { lastUpdatedTimes } from '../last-updated.js'
import { renderPagesOnce } from '../render-pages-once.js'
import { siteSettings } from '../site-settings.js'
import { twoslashCache } from '../twoslash-cache.js'
import { divertTwoslashBlocks } from '../twoslash-fragments.js'
import { searchText } from '../search-text.js'

/** A Vite plugin, as VitePress's own Vite declares it. */
type Plugin = Extract<NonNullable<NonNullable<UserConfig['vite']>['plugins']>[number], { name: string }>

const settings = siteSettings()
const navigation = readNavigation(settings.docs)
const lastUpdated = lastUpdatedTimes(settings.docs)

export default defineConfig({
  lang: 'zh-CN',
  title: 'WeChat Pay API',
  description: 'WeChat Pay API pages generated from the wechatpay.im docs, with types checked by twoslash',
  srcDir: settings.docs,
  outDir: settings.out,
  cacheDir: resolve(settings.cache, 'vitepress'),
  cleanUrls: false,
  // Last-updated times come from one `git log` (site/last-updated.ts), not VitePress's git process per page. A
  // generated folder outside a git work tree has none: its pages then show no date, which is not an error.
  lastUpdated: false,
  transformPageData: (page) => {
    const time = lastUpdated.get(page.relativePath)
    if (time !== undefined) page.lastUpdated = time
  },
  // A catalogue's link to a page the docs lack is the generator's warning (catalogue-link-unknown), not a failed build.
  ignoreDeadLinks: true,
  // VitePress adds pages to the local search index as their reads finish, so with pages in flight together the
  // index (and every chunk that names it) came out different on each build; one at a time it is the same.
  buildConcurrency: 1,
  // The site's data (the sidebar of 1,100 links among it) in one chunk, not inlined into every page.
  metaChunk: true,
  vite: {
    plugins: [collapsedGroupsRenderNoItems()],
    // Pages outside the project (SITE_DOCS anywhere) import Vue from the project's own node_modules.
    resolve: { alias: [{ find: /^vue(?=$|\/server-renderer$)/, replacement: dirname(createRequire(import.meta.url).resolve('vue/package.json')) }] },
  },
  themeConfig: {
    nav: navigation.nav,
    sidebar: navigation.sidebar,
    // Wide parameter tables need the room the aside (the outline column) would take: without it the text column
    // fills the page beside the sidebar.
    aside: false,
    outline: false,
    search: {
      provider: 'local',
      options: {
        // The index holds each page's title and headings, not its rendered body: rendering 1,000 pages again for
        // the index would run every code block a second time, and the tables' field names would crowd the results.
        _render: (src, env, md) => md.render(searchText(src, env.relativePath)),
        translations: {
          button: { buttonText: '搜索', buttonAriaLabel: '搜索' },
          modal: { noResultsText: '没有结果', resetButtonTitle: '清除', footer: { selectText: '选择', navigateText: '切换', closeText: '关闭' } },
        },
      },
    },
    ...(settings.editLink ? { editLink: { pattern: settings.editLink, text: '在 GitHub 上编辑此页' } } : {}),
    docFooter: { prev: '上一页', next: '下一页' },
    // In the page's language (zh-CN: 2026/12/2 17:22), not the reader's browser's.
    lastUpdated: { text: '最后更新', formatOptions: { dateStyle: 'short', timeStyle: 'short', forceLocale: true } },
  },
  markdown: {
    config: (md) => {
      divertTwoslashBlocks(md, settings)
      breakInlineCodeAfterDots(md)
      renderPagesOnce(md)
    },
    // Twoslash renders plain HTML (the rich renderer) inside VitePress's `v-pre`: Vue compiles each block as one
    // static string, where the floating-vue renderer made every hover a component (the corpus's bundling alone then
    // ran over 10 minutes at 1.8 GB). theme/hover-popups.ts shows a hovered token's popup above the page.
    codeTransformers: [
      transformerTwoslash({
        renderer: rendererRich({
          classExtra: 'vp-copy-ignore',
          renderMarkdown: renderHoverMarkdown,
          renderMarkdownInline: renderHoverMarkdownInline,
        }),
        twoslashOptions: settings.twoslashOptions,
        typesCache: twoslashCache(settings),
        explicitTrigger: true,
        langs: ['js', 'ts'],
        // A block that fails to compile fails the build: the pages promise examples that compile.
        throws: true,
      }) as unknown as NonNullable<MarkdownOptions['codeTransformers']>[number],
    ],
  },
})

/**
 * VitePress renders every sidebar item into every page, collapsed or not: over the corpus, 1,100 links made each
 * page 680 KB. Its sidebar item is patched to render a collapsed group's items only once it is opened (the group
 * of the page shown opens itself in the browser). The build fails if the line patched is not found.
 */
function collapsedGroupsRenderNoItems(): Plugin {
  const items = '<div v-if="item.items && item.items.length" class="items">'
  return {
    name: 'wechatpay-site:collapsed-groups',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/VPSidebarItem.vue')) return undefined
      if (!code.includes(items)) throw new Error(`VPSidebarItem.vue changed: "${items}" not found`)
      return code.replace(items, '<div v-if="item.items && item.items.length && !collapsed" class="items">')
    },
  }
}

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
