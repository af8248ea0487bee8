import { describe, expect, test } from 'vitest'
import { runPages } from '../../generator/run/run-pages.js'
import { docsDir, testCacheDir } from '../helpers.js'

// A package made with the validation target publishes the schemas its client reads, and depends on ajv, which the
// client's validation loads; without the target it publishes none.
describe('the package target with validation', () => {
  const packageJson = async (targets: Array<'package' | 'validation'>) => {
    const { outputs } = await runPages({ docsDir, targets, cacheDir: testCacheDir, package: { name: 'sdk', version: '1.0.0' } })
    const json = JSON.parse(Buffer.from(outputs.get('package.json')!).toString()) as { files: string[]; dependencies: Record<string, string> }
    return { json, schemas: [...outputs.keys()].filter((path) => path.startsWith('validation/')) }
  }

  test.each([
    [['package', 'validation'] as const, true],
    [['package'] as const, false],
  ])('%j: validation/ published %s', async (targets, published) => {
    const { json, schemas } = await packageJson([...targets])
    expect(json.files.includes('validation/')).toBe(published)
    expect(schemas.length > 0).toBe(published)
    expect(json.files).toEqual(expect.arrayContaining(['client/validation.js', 'client/validation.d.ts']))
    expect(Object.keys(json.dependencies)).toContain('ajv')
  })
})
