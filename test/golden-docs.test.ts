import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { docsDir, generated, hasSeeds, projectDir, seedsDir } from './helpers.js'
import { blocksOf, checkBlocks } from './twoslash/check-blocks.js'
import { bodyObject } from '../generator/emit/types/request-shape.js'
import type { IrEndpoint } from '../generator/ir/types.js'

const SEED_PAGE = 'docs/openapi/v2/secapi/pay/profitsharingreturn.md'

describe('golden twoslash pages of docs/', async () => {
  // The outputs of the page pipeline the CLI runs, in memory.
  const { document, outputs } = await generated(docsDir, ['docs'])

  // `npx vitest -u` rewrites them; review the diff before committing.
  test.each([...outputs.keys()])('%s', async (path) => {
    await expect(outputs.get(path)).toMatchFileSnapshot(`fixtures/golden/${path}.txt`)
    // The CLI wrote generated/ (with workers): it must agree.
    expect(readFileSync(join(projectDir, 'generated', path), 'utf8')).toBe(outputs.get(path))
  })

  test('every block compiles in twoslash, the example checked as JavaScript', () => {
    const { blocks, errors } = checkBlocks([...outputs])
    expect(errors).toEqual([])
    expect(blocks).toBe(document.operations.length)
  })

  test.skipIf(!hasSeeds)('the seed page follows seed 000 line for line where it should', () => {
    const seed = readFileSync(join(seedsDir, '000_8f0655cc9acbf8b9.txt'), 'utf8')
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
    // The body's rows are the declarations' members: the table's and the SDK's `nonce_str` (optional, filled by the SDK).
    const xml = bodyObject(seedOp as IrEndpoint, seedOp.request.roots[0]!.field, true)
    const requestNames = xml.fields.map((f) => f.name)
    expect(rows).toEqual([...requestNames, 'security', ...seedOp.response.fields.map((f) => f.name)])
  })
})
