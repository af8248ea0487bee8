import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Nodes, Root, TableCell } from 'mdast'
import { describe, expect, test } from 'vitest'
import { VFile } from 'vfile'
import { descriptionsOf, parseMarkdown, scanBlocks } from '../../generator/parse/parse-markdown.js'
import { processor } from '../../generator/parse/processor.js'
import { listPages } from '../../generator/run/list-pages.js'
import { corpusDir, hasCorpus } from '../helpers.js'

const parse = (markdown: string) => parseMarkdown(new VFile({ path: 'x.md', value: markdown }))

/** What parseMarkdown must give: processor.parse's tree without the rows of tables after their header. */
function expected(markdown: string): { tree: Root; descriptions: Map<number, TableCell[]> } {
  const tree = processor.parse(markdown)
  const descriptions = descriptionsOf(tree)
  for (const node of tree.children) if (node.type === 'table') node.children.length = 1
  return { tree, descriptions: new Map([...descriptions].map(([line, cells]) => [line, cells.map(withoutPositions)])) }
}
function withoutPositions<T extends Nodes>(node: T): T {
  const { position: _, ...rest } = node
  if ('children' in rest) (rest as { children: Nodes[] }).children = (rest.children as Nodes[]).map(withoutPositions)
  return rest as T
}
/** The whole path keeps every table row in the tree: compare its rows as the fast path would have them. */
const comparable = (parsed: { tree: Root; descriptions: Map<number, TableCell[]> }) => {
  for (const node of parsed.tree.children) if (node.type === 'table') node.children.length = 1
  return { tree: parsed.tree, descriptions: new Map([...parsed.descriptions].map(([line, cells]) => [line, cells.map(withoutPositions)])) }
}

describe('parseMarkdown gives what processor.parse gives', () => {
  const table = '| 请求参数 | 类型 {.type} | 描述 {.desc}\n| --- | --- | ---\n'
  // skipped: code and table bodies micromark was spared; 0 when the page had to be parsed as written.
  const cases: Array<[string, { given: string; skipped: number }]> = [
    ['no fence, no table', { given: '# a {#post}\n\ntext `code`\n', skipped: 0 }],
    ['fences with info, around a table', { given: "::: code-group\n\n```php [同步声明式]\n$a = [\n    'k' => 1,\n];\n```\n\n| a | b\n| --- | ---\n| 1 | 2\n\n```json\n{}\n```\n:::\n", skipped: 3 }],
    ['empty body and a body of blank lines', { given: '```\n```\n\n```\n\n\n```\n', skipped: 2 }],
    ['tildes; a longer, indented closing fence; shorter fences inside', { given: '~~~~\n~~~\n```\n  ~~~~~  \nafter\n', skipped: 1 }],
    ['backticks in the info: not a fence', { given: '``` a`b\ntext\n```\nmore\n```\n', skipped: 0 }],
    ['a fence left open to the end', { given: '```\nx\n```\n\n```\nnever closed\n', skipped: 1 }],
    ['a fence inside an HTML block', { given: '<div>\n```\n<b>x</b>\n```\n</div>\n', skipped: 0 }],
    ['a fence inside the frontmatter', { given: '---\na: |\n```\n  b\n```\n---\n\n```\nc\n```\n', skipped: 0 }],
    ['a fence in a list item is left to micromark', { given: '- a\n\n  ```\n  x\n  ```\n\n```\ny\n```\n', skipped: 1 }],
    ['CR line endings take the plain path', { given: '```\r\nx\r\n```\r\n', skipped: 0 }],
    [
      'descriptions: inline code with an escaped pipe, an unescaped pipe, links, HTML, empty and missing cells',
      {
        given: `${table}| a {data-required} | string | \`x\\|y\` 和 [链接](https://example.com) <br/>二 | 三 |\n| b | int | <Badge text="x"/> **粗** |\n| c | string |\n| d | string | |\n| e \\| f | string | 转义\\|竖线\n\n{.im-table #request}\n`,
        skipped: 1,
      },
    ],
    ['a table right after a paragraph is left to micromark', { given: `text\n${table}| a | string | x\n`, skipped: 0 }],
    ['a table followed by a line that is not a row is left to micromark', { given: `${table}| a | string | x\n{.im-table #request}\n`, skipped: 0 }],
    ['a table with no rows', { given: `${table}\nafter\n`, skipped: 0 }],
    ['a table that ends the page without a newline is left to micromark', { given: `\`\`\`\nx\n\`\`\`\n\n${table}| a | string | x`, skipped: 1 }],
    ['a table inside an HTML comment', { given: `<!--\n\n${table}| a | string | x\n\n-->\n`, skipped: 0 }],
    ['a delimiter row that does not match the header: a paragraph', { given: '| a | b\n| --- | --- | ---\n| 1 | 2\n', skipped: 0 }],
  ]
  test.each(cases)('%s', (_, { given, skipped }) => {
    const parsed = parse(given)
    expect(comparable(parsed)).toEqual(expected(given))
    expect(parsed.skipped).toBe(skipped)
  })

  test('scanBlocks: fences by the CommonMark closing rule, tables from header to last row', () => {
    expect(scanBlocks(['```php', 'a', '```', '', '~~~', '```', '   ~~~~', '````', 'x'])).toEqual([
      { kind: 'fence', start: 0, end: 2 },
      { kind: 'fence', start: 4, end: 6 },
    ])
    // Four spaces is indented code, not a closing fence; a trailing word is not one either.
    expect(scanBlocks(['```', '    ```', '``` x', '```'])).toEqual([{ kind: 'fence', start: 0, end: 3 }])
    expect(scanBlocks(['| a | b', '| :-- | --: |', '| 1 | 2', '|3', '', '```', '| x', '| -', '| y', '```'])).toEqual([
      { kind: 'table', start: 0, end: 3 },
      { kind: 'fence', start: 5, end: 9 },
    ])
  })
})

describe.skipIf(!hasCorpus)('parseMarkdown over the corpus (../shared/corpus)', () => {
  test('every page gives what processor.parse gives, with every fence and every table after a blank line skipped', () => {
    const differ: string[] = []
    const parsedWhole: string[] = []
    let skipped = 0
    let scanned = 0
    for (const path of listPages(corpusDir)) {
      const source = readFileSync(join(corpusDir, path), 'utf8')
      const parsed = parseMarkdown(new VFile({ path, value: source }))
      const want = expected(source)
      const got = comparable(parsed)
      if (JSON.stringify(got.tree) !== JSON.stringify(want.tree) || JSON.stringify([...got.descriptions]) !== JSON.stringify([...want.descriptions])) differ.push(path)
      const blocks = scanBlocks(source.split('\n')).length
      if (blocks > 0 && parsed.skipped === 0) parsedWhole.push(path)
      skipped += parsed.skipped
      scanned += blocks
    }
    expect(differ).toEqual([])
    expect(parsedWhole).toEqual([])
    expect(skipped).toBe(scanned)
    // Every fence in the corpus starts at column 1 and is closed: at least that many blocks are skipped.
    const fences = listPages(corpusDir).reduce((n, path) => n + readFileSync(join(corpusDir, path), 'utf8').split('\n').filter((l) => l.startsWith('```')).length / 2, 0)
    expect(skipped).toBeGreaterThan(fences)
  })
})
