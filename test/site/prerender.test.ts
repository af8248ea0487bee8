// The prerender workers render every twoslash block of a docs folder; VitePress's build then finds each block's
// fragment and renders none of its own, and a second build renders nothing at all.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { projectDir } from '../helpers.js'
import { buildSite } from './site-harness.js'

const work = mkdtempSync(join(tmpdir(), 'wechatpay-prerender-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const docs = join(projectDir, 'generated/docs')
const fences = readdirSync(docs, { recursive: true })
  .filter((f) => String(f).endsWith('.md'))
  .flatMap((f) => readFileSync(join(docs, String(f)), 'utf8').match(/^```js twoslash\n[\s\S]*?^```$/gm) ?? [])
const blocks = fences.length

const build = (): string => buildSite(docs, join(work, 'site'), join(work, 'cache'))

describe('blocks rendered ahead on worker threads', () => {
  test('the workers render each block once; the build and a second build render none', () => {
    expect(blocks).toBeGreaterThan(0)
    expect(build()).toContain(`twoslash: ${blocks} block(s), 0 from the cache, ${blocks} rendered in`)
    const fragments = readdirSync(join(work, 'cache/fragments')).sort()
    // One fragment a distinct block: a block VitePress rendered itself would have left a second one.
    expect(fragments).toHaveLength(new Set(fences).size)
    expect(readdirSync(join(work, 'site/code')).sort()).toEqual(fragments)
    expect(build()).toContain(`twoslash: ${blocks} block(s), ${blocks} from the cache, 0 rendered in`)
    expect(readdirSync(join(work, 'cache/fragments')).sort()).toEqual(fragments)
  })
})
