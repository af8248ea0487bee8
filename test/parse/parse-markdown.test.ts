import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { VFile } from 'vfile'
import { parseMarkdown, scanFences } from '../../generator/parse/parse-markdown.js'
import { processor } from '../../generator/parse/processor.js'
import { listPages } from '../../generator/read-docs.js'
import { corpusDir, hasCorpus } from '../helpers.js'

const parse = (markdown: string) => parseMarkdown(new VFile({ path: 'x.md', value: markdown }))

describe('parseMarkdown gives the tree processor.parse gives', () => {
  // skipped: code bodies micromark was spared; 0 when the page had to be parsed as written.
  const cases: Array<[string, { given: string; skipped: number }]> = [
    ['no fence', { given: '# a {#post}\n\ntext `code`\n', skipped: 0 }],
    ['fences with info, around a table', { given: '::: code-group\n\n```php [同步声明式]\n$a = [\n    \'k\' => 1,\n];\n```\n\n| a | b\n| --- | ---\n| 1 | 2\n\n```json\n{}\n```\n:::\n', skipped: 2 }],
    ['empty body and a body of blank lines', { given: '```\n```\n\n```\n\n\n```\n', skipped: 2 }],
    ['tildes; a longer, indented closing fence; shorter fences inside', { given: '~~~~\n~~~\n```\n  ~~~~~  \nafter\n', skipped: 1 }],
    ['backticks in the info: not a fence', { given: '``` a`b\ntext\n```\nmore\n```\n', skipped: 0 }],
    ['a fence left open to the end', { given: '```\nx\n```\n\n```\nnever closed\n', skipped: 1 }],
    ['a fence inside an HTML block', { given: '<div>\n```\n<b>x</b>\n```\n</div>\n', skipped: 0 }],
    ['a fence inside the frontmatter', { given: '---\na: |\n```\n  b\n```\n---\n\n```\nc\n```\n', skipped: 0 }],
    ['a fence in a list item is left to micromark', { given: '- a\n\n  ```\n  x\n  ```\n\n```\ny\n```\n', skipped: 1 }],
    ['CR line endings take the plain path', { given: '```\r\nx\r\n```\r\n', skipped: 0 }],
  ]
  test.each(cases)('%s', (_, { given, skipped }) => {
    const parsed = parse(given)
    expect(parsed.tree).toEqual(processor.parse(given))
    expect(parsed.skipped).toBe(skipped)
  })

  test('scanFences: 0-based opening and closing lines, CommonMark closing rule', () => {
    expect(scanFences(['```php', 'a', '```', '', '~~~', '```', '   ~~~~', '````', 'x'])).toEqual([
      { open: 0, close: 2 },
      { open: 4, close: 6 },
    ])
    // Four spaces is indented code, not a closing fence; a trailing word is not one either.
    expect(scanFences(['```', '    ```', '``` x', '```'])).toEqual([{ open: 0, close: 3 }])
  })
})

describe.skipIf(!hasCorpus)('parseMarkdown over the corpus (../shared/corpus)', () => {
  test('every page gives the same tree as processor.parse, with every fence body skipped', () => {
    const differ: string[] = []
    const parsedWhole: string[] = []
    let skipped = 0
    let fences = 0
    for (const path of listPages(corpusDir)) {
      const source = readFileSync(join(corpusDir, path), 'utf8')
      const parsed = parseMarkdown(new VFile({ path, value: source }))
      if (JSON.stringify(parsed.tree) !== JSON.stringify(processor.parse(source))) differ.push(path)
      const scanned = scanFences(source.split('\n')).length
      if (scanned > 0 && parsed.skipped === 0) parsedWhole.push(path)
      skipped += parsed.skipped
      fences += source.split('\n').filter((line) => line.startsWith('```')).length / 2
    }
    expect(differ).toEqual([])
    expect(parsedWhole).toEqual([])
    // Every fence in the corpus starts at column 1 and is closed, so every body is skipped.
    expect(skipped).toBe(fences)
  })
})
