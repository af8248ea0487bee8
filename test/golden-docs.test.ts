import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { emitDocs } from '../generator/emit/docs/emit-docs.js'
import { readDocs } from '../generator/read-docs.js'
import { docsDir, projectDir } from './helpers.js'
import { blocksOf, checkBlocks } from './twoslash/check-blocks.js'

const SEED_PAGE = 'docs/openapi/v2/secapi/pay/profitsharingreturn.md'

describe('golden twoslash pages of docs/', async () => {
  const { document } = readDocs(docsDir)
  const outputs = await emitDocs(document, 'docs')

  // `npx vitest -u` rewrites them; review the diff before committing.
  test.each([...outputs.keys()])('%s', async (path) => {
    await expect(outputs.get(path)).toMatchFileSnapshot(`fixtures/golden/${path}.txt`)
    // The CLI's page pipeline (workers, cache) wrote generated/: it must agree with the whole-document emitter.
    expect(readFileSync(join(projectDir, 'generated', path), 'utf8')).toBe(outputs.get(path))
  })

  test('every block compiles in twoslash, the example checked as JavaScript', () => {
    const { blocks, errors } = checkBlocks([...outputs])
    expect(errors).toEqual([])
    expect(blocks).toBe(document.operations.length)
  })

  test('the seed page follows seed 000 line for line where it should', () => {
    const seed = readFileSync(join(projectDir, '../shared/seeds/000_8f0655cc9acbf8b9.txt'), 'utf8')
    const ours = outputs.get(SEED_PAGE)!
    // Frontmatter, heading with the method anchor, description with the official link.
    const head = (text: string) => text.split('\n').filter((line) => !line.startsWith('<!--') && line !== '').slice(0, 6)
    expect(head(ours)).toEqual(head(seed))
    const [seedBlock] = blocksOf(seed)
    const [ourBlock] = blocksOf(ours)
    const business = (block: string) => block.slice(block.indexOf('// ---cut---'))
    const lines = (block: string) => business(block).split('\n')
    // The call line, the carets under the verb, the highlight marker and the reply destructuring are the seed's.
    expect(lines(ourBlock!)[1]).toBe(lines(seedBlock!)[1])
    expect(lines(ourBlock!)[2]).toBe(lines(seedBlock!)[2])
    const reply = (block: string) => business(block).slice(business(block).indexOf('.then('))
    expect(reply(ourBlock!)).toBe(reply(seedBlock!))
    // Differences on purpose: values come from the docs' example (seed 000 uses undeclared names, which checkJs
    // rejects), `sign` and `nonce_str` are left to the SDK, and `security: true` is written out.
    expect(business(ourBlock!)).toContain("  out_return_no: 'R20190516001',\n")
    expect(business(ourBlock!)).toContain('}, { security: true })')
    const call = business(ourBlock!).slice(0, business(ourBlock!).indexOf('.then('))
    expect(call).not.toMatch(/^\s+(sign|nonce_str)[,:]/m)
    expect(checkBlocks([['seed', seed]]).errors.length).toBeGreaterThan(0)
  })

  test('the parameter tables list every request and reply field', () => {
    const ours = outputs.get(SEED_PAGE)!
    const seedOp = document.operations.find((op) => op.id === 'v2/secapi/pay/profitsharingreturn#post')!
    const rows = ours.match(/^\| `[^`]+` \|/gm)!.map((row) => row.slice(3, -3))
    const xml = seedOp.request.roots[0]!.field.type
    const requestNames = xml.kind === 'object' ? xml.fields.map((f) => f.name) : []
    // As the declarations: `nonce_str`, which the signer fills, is offered where the docs' table leaves it out.
    const offered = requestNames.includes('nonce_str') ? [] : ['nonce_str']
    expect(rows).toEqual([...requestNames, ...offered, 'security', ...seedOp.response.fields.map((f) => f.name)])
  })
})
