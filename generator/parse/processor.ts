import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'

/**
 * The markdown parser for docs pages: CommonMark, YAML frontmatter and, of GFM, only the tables (the parts of
 * remark-gfm the pages are read for). Frozen, so shared.
 */
export const processor = unified().use(remarkParse).use(gfmTables).use(remarkFrontmatter, ['yaml']).freeze()

function gfmTables(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable())
  ;(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown())
}
