import { describe, expect, test } from 'vitest'
import { searchText } from '../../site/search-text.js'

describe('what the search index knows of a page', () => {
  test.each([
    ['the frontmatter title and the path', '---\ntitle: 分账回退\n---\n\n# {{ $frontmatter.title }} {#post}\n', 'openapi/v2/secapi/pay/profitsharingreturn.md', '# 分账回退\n\nopenapi/v2/secapi/pay/profitsharingreturn'],
    ['each operation heading of a page of several', '---\ntitle: 投诉通知\n---\n\n# 创建 {#post}\n\ntext\n\n# 查询 {#get}\n', 'a/b.md', '# 投诉通知\n\n## 创建\n\n## 查询\n\na/b'],
    ['braces escaped, which markdown-it-attrs would take as attributes', '---\ntitle: "查询{x}"\n---\n', 'o/{out_order_no}.md', '# 查询\\{x\\}\n\no/\\{out_order_no\\}'],
    ['the path as title when the frontmatter has none', 'no frontmatter', 'w/X.md', '# w/X.md\n\nw/X'],
    ['the path as title when the frontmatter is not YAML', '---\ntitle: [\n---\n', 'w/Y.md', '# w/Y.md\n\nw/Y'],
  ])('%s', (_, src, path, want) => {
    expect(searchText(src, path)).toBe(want)
  })
})
