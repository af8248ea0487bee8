// A rebuild after one page changed builds that page alone and merges it: the site it leaves is the same, file for
// file and byte for byte, as a full build of the changed docs. A change that reaches other files (a title, in the
// search index) fails the merge's check; what shapes every page (the navigation), a site folder changed behind the
// build's back, or a damaged manifest make a full build at once.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { projectDir } from '../helpers.js'
import { buildSite } from './site-harness.js'

const work = mkdtempSync(join(tmpdir(), 'wechatpay-incremental-site-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const docs = join(work, 'docs')
cpSync(join(projectDir, 'generated/docs'), docs, { recursive: true })
const site = join(work, 'site')
const cache = join(work, 'cache')
const build = () => buildSite(docs, site, cache)
const page = join(docs, 'openapi/v2/secapi/pay/profitsharingreturn.md')

/** Every file under a folder, by its path there, with its bytes. */
function tree(root: string): Map<string, Buffer> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
  return new Map(files.map((entry) => [relative(root, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name))]))
}

describe('a rebuild after one page changed', () => {
  test('builds that page alone, and leaves the site a full build of the changed docs makes', () => {
    expect(build()).toContain('site: a full build, since no earlier build is recorded')
    expect(build()).toContain('site: no page changed since the last build')

    const text = readFileSync(page, 'utf8')
    expect(text).toContain('| 商户号 |')
    writeFileSync(page, text.replace('| 商户号 |', '| 商户号（已核对） |'))
    expect(build()).toMatch(/site: 1 changed page\(s\) built \(with \d+ unchanged for the shared chunks\) and merged/)
    expect(readFileSync(join(site, 'openapi/v2/secapi/pay/profitsharingreturn.html'), 'utf8')).toContain('商户号（已核对）')

    // The same docs built whole, elsewhere, from a copy of the twoslash results (no manifest: a full build).
    const reference = join(work, 'reference')
    const referenceCache = join(work, 'reference-cache')
    for (const folder of ['twoslash', 'fragments']) cpSync(join(cache, folder), join(referenceCache, folder), { recursive: true })
    expect(buildSite(docs, reference, referenceCache)).toContain('site: a full build, since no earlier build is recorded')
    const [merged, whole] = [tree(site), tree(reference)]
    expect([...merged.keys()].sort()).toEqual([...whole.keys()].sort())
    const differing = [...whole].filter(([file, bytes]) => !bytes.equals(merged.get(file)!)).map(([file]) => file)
    expect(differing).toEqual([])
  })

  test("a page's title changed, which the search index holds: the check refuses the merge, and a full build follows", () => {
    const orders = join(docs, 'openapi/v3/profitsharing/orders.md')
    const text = readFileSync(orders, 'utf8')
    expect(text).toContain('title: 请求分账\n')
    writeFileSync(orders, text.replace('title: 请求分账\n', 'title: 请求分账（新）\n'))
    expect(build()).toMatch(/site: a full build, since a build of the 1 changed page\(s\) did not match the site: \S+ differs from the site's/)
    expect(readFileSync(join(site, 'openapi/v3/profitsharing/orders.html'), 'utf8')).toContain('请求分账（新）')
    expect(build()).toContain('site: no page changed since the last build')
  })

  test('the navigation changed: a full build', () => {
    const navigation = join(docs, 'site.json')
    writeFileSync(navigation, readFileSync(navigation, 'utf8').replace('"text":', '"text": ') + '\n')
    expect(build()).toContain("site: a full build, since the site's code, settings, navigation, page list or files tied to pages changed")
  })

  test('a site folder changed since the last build (its hash map, a file added) or a damaged manifest: a full build', () => {
    writeFileSync(page, readFileSync(page, 'utf8').replace('商户号（已核对）', '商户号'))
    writeFileSync(join(site, 'hashmap.json'), '{}\n')
    expect(build()).toContain(`site: a full build, since files in ${site} changed since the last build`)
    writeFileSync(join(site, 'stray.txt'), 'not the build\'s')
    expect(build()).toContain(`site: a full build, since files in ${site} changed since the last build`)
    writeFileSync(join(cache, 'site-manifest.json'), '{"version": 1, "site": ')
    expect(build()).toContain('site: a full build, since no earlier build is recorded')
    expect(build()).toContain('site: no page changed since the last build')
  })
})
