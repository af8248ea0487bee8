import { format } from 'prettier'
import { describe, expect, test } from 'vitest'
import { PRETTIER } from '../generator/emit/types/print-declarations.js'
import { corpusDir, generated, hasCorpus } from './helpers.js'

// The emitters lay their TypeScript out themselves, with prettier's document printer (declarations) or as fixed text
// (the index, the client, the notification receiver, the client's validation). Proof that the layout is prettier's: `prettier.format` leaves every declaration file, the
// client and every virtual.ts of the corpus unchanged.
describe.skipIf(!hasCorpus)('generated TypeScript of the whole corpus is prettier-formatted', () => {
  test('prettier changes no declaration file, no client and no virtual.ts', async () => {
    const { document, outputs } = await generated(corpusDir, ['types', 'client', 'docs'])
    const texts = new Map([...outputs].filter(([path]) => path.endsWith('.ts')))
    for (const [path, markdown] of [...outputs].filter(([path]) => path.startsWith('docs/'))) {
      const blocks = [...markdown.matchAll(/^\/\/ @filename: virtual\.ts\n([\s\S]*?)^\/\/ @filename: business\.js$/gm)]
      blocks.forEach((block, i) => texts.set(`${path} block ${i + 1}`, block[1]!))
    }
    const changed: string[] = []
    for (const [path, text] of texts) if ((await format(text, PRETTIER)) !== text) changed.push(path)
    const pages = document.pages.filter((p) => p.role === 'operations').length
    console.log(`prettier over ${texts.size} generated TypeScript texts (${pages} page declaration files, index.d.ts, client.ts, notification-receiver.ts, client/validation.ts, ${texts.size - pages - 4} virtual.ts blocks): ${changed.length} changed`)
    expect(changed).toEqual([])
    // Every page's declarations and every operation's block were checked.
    expect(texts.size).toBe(pages + 4 + document.operations.length)
  })
})
