import { stringify } from 'yaml'
import type { IrNavigation } from '../../ir/types.js'
import type { DocsIndexEntry } from '../docs/docs-index.js'
import { markdownText } from '../docs/markdown-text.js'
import { generatedBy } from '../header.js'
import { sectionOf, sectionText } from './site-paths.js'
import { siteSections } from './site-data.js'

/**
 * The site's home page (`docs/index.md`): VitePress's home layout, a hero, a feature per section linking its
 * landing page (the catalogue's title and description), and below them the sections with their counts of pages
 * and operations.
 */
export function homePageText(navigation: IrNavigation, pages: readonly DocsIndexEntry[]): string {
  const sections = siteSections(navigation, pages).map((name) => {
    const section = navigation.sections.find((s) => s.name === name)
    const own = pages.filter((page) => sectionOf(page.file) === name)
    const operations = own.reduce((n, page) => n + page.operations.length, 0)
    return { name, title: section?.title ?? sectionText(name), description: section?.description ?? null, pages: own.length, operations }
  })
  const operations = pages.reduce((n, page) => n + page.operations.length, 0)
  const frontmatter = stringify({
    layout: 'home',
    title: 'WeChat Pay API',
    hero: {
      name: 'WeChat Pay API',
      text: '微信支付 API 文档',
      tagline: `${operations} 个接口与回调通知：参数表、TypeScript 类型与可运行的调用示例，由 wechatpay-codegen 从文档生成`,
    },
    features: sections.map((s) => ({ title: markdownText(sectionText(s.name)), details: markdownText(s.description ?? s.title), link: `/${s.name}/` })),
  })
  const list = sections.map((s) => `- [${markdownText(s.title)}](/${s.name}/)：${s.pages} 个页面，${s.operations} 个接口`)
  return `---\n${frontmatter}---\n\n<!-- ${generatedBy()} -->\n\n## 目录\n\n${list.join('\n')}\n`
}
