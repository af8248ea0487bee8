// The docs site over a generated docs folder (SITE_DOCS, else generated/docs): VitePress with twoslash, the sidebar
// and nav the generator made from the catalogue pages (site.json), local search, edit links and last-updated dates.
import { transformerTwoslash } from '@shikijs/twoslash'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type DefaultTheme, type MarkdownOptions } from 'vitepress'
import { TWOSLASH_CACHE_DIR, TWOSLASH_OPTIONS, TwoslashCache } from '../twoslash/twoslash-cache.js'

const project = fileURLToPath(new URL('../..', import.meta.url))
const docs = resolve(process.env.SITE_DOCS ?? resolve(project, 'generated/docs'))
const navigation = resolve(docs, 'site.json')
const { nav, sidebar } = existsSync(navigation)
  ? (JSON.parse(readFileSync(navigation, 'utf8')) as { nav: DefaultTheme.NavItem[]; sidebar: DefaultTheme.SidebarMulti })
  : { nav: [], sidebar: {} }
// `https://host/repo/edit/main/docs/:path`, the docs page a generated page came from.
const editPattern = process.env.SITE_EDIT_URL

// Static hovers (shown by CSS) rather than floating-vue components: the page stays one static string for Vue and
// Rollup, which cut a 100-page build from 93 s and 3.0 GB to 33 s and 1.3 GB (README). Results come from the cache
// the prepass filled; a block it lacks is compiled here and added.
const cache = new TwoslashCache(process.env.SITE_TWOSLASH_CACHE ?? resolve(project, TWOSLASH_CACHE_DIR))
let compiled = 0
process.on('exit', () => compiled > 0 && console.log(`twoslash: ${compiled} block(s) compiled by the site build, not the prepass`))
const twoslash = transformerTwoslash({
  explicitTrigger: true,
  langs: ['js'],
  twoslashOptions: TWOSLASH_OPTIONS,
  typesCache: {
    read: (code) => cache.read(code),
    write: (code, data) => {
      compiled++
      cache.write(code, data)
    },
  },
})

export default defineConfig({
  lang: 'zh-CN',
  title: '微信支付 API',
  description: '由 wechatpay.im 文档生成的微信支付接口与回调通知：TypeScript 声明、调用示例与参数表',
  srcDir: docs,
  outDir: process.env.SITE_OUT ?? resolve(project, 'dist/docs-site'),
  cacheDir: resolve(project, 'node_modules/.cache/vitepress'),
  cleanUrls: false,
  // From git where the docs folder is in one; a folder outside git shows none (no date is written into pages).
  lastUpdated: true,
  // The generator checks every catalogue link (catalogue-link-unknown); links in the docs' notes may name pages a
  // docs folder does not hold (the corpus keeps one page in ten aside), which must not fail the build.
  ignoreDeadLinks: true,
  markdown: {
    // @shikijs/twoslash is typed against its own shiki; VitePress 1.6 runs shiki 2, whose transformer hooks are the same.
    codeTransformers: [twoslash as unknown as NonNullable<MarkdownOptions['codeTransformers']>[number]],
  },
  vite: {
    plugins: [
      {
        // Pages outside the project (SITE_DOCS=/tmp/…) import `vue` like any page: resolve it from here.
        name: 'wechatpay-codegen:resolve-from-site',
        enforce: 'pre',
        resolveId(source, importer) {
          if (!importer?.startsWith(docs) || /^[./\0]/.test(source) || source.includes(':')) return null
          return this.resolve(source, resolve(project, 'site/.vitepress/config.ts'), { skipSelf: true })
        },
      },
    ],
  },
  themeConfig: {
    nav,
    sidebar,
    // The pages' headings are the operations, one or a few: an outline column would only narrow the tables.
    aside: false,
    outline: false,
    search: {
      provider: 'local',
      options: {
        // Titles, headings and prose: the code blocks would be compiled again, and tables make the index large.
        _render(src, env, md) {
          const prose = src.replace(/^```[\s\S]*?^```$/gm, '').replace(/^<div v-pre>[\s\S]*?^<\/div>$/gm, '')
          const html = md.render(prose, env)
          return env.frontmatter?.search === false ? '' : html
        },
      },
    },
    // VitePress puts the page's path for `:path`: the docs page has the same path under the docs folder.
    editLink: editPattern ? { pattern: editPattern, text: '编辑此页' } : undefined,
    lastUpdated: { text: '最后更新于' },
    docFooter: { prev: '上一页', next: '下一页' },
    sidebarMenuLabel: '菜单',
    returnToTopLabel: '回到顶部',
    darkModeSwitchLabel: '主题',
  },
})
