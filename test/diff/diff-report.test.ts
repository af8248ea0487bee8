import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { diff } from '../../generator/diff/diff-docs.js'
import { reportMarkdown } from '../../generator/diff/report-markdown.js'
import { reportText } from '../../generator/diff/report-text.js'
import { projectDir } from '../helpers.js'

// A small pair of docs folders written for this project: one page edited in its request and reply (breaking), one with
// compatible reply changes (a field made required, integer → number, an object added), one page gone and one new.
const fixtures = join(projectDir, 'test/fixtures/diff')
const cli = join(projectDir, 'dist/generator/cli.js')

describe('diff of the fixture pair', async () => {
  const result = await diff({ base: join(fixtures, 'base'), head: join(fixtures, 'head'), baseLabel: 'base', headLabel: 'head', cacheDir: false, threads: 1 })

  test('the markdown report matches its golden file (`npx vitest -u` rewrites it; review the diff)', async () => {
    expect(result.disagreements).toEqual([])
    await expect(reportMarkdown(result.report, true)).toMatchFileSnapshot('../fixtures/diff/report.md')
  })

  test('the text report ends with the summary line', () => {
    expect(reportText(result.report).trimEnd().split('\n').at(-1)).toBe('2 operations changed (1 breaking), 1 added, 1 removed; 3 → 3 operations in 3 → 3 pages')
  })

  test('the JSON report has the documented shape', () => {
    const { report } = result
    expect(Object.keys(report)).toEqual(['base', 'head', 'added', 'removed', 'changed'])
    expect(report.added).toEqual([{ id: 'v3/marketing/stocks/restart#post', file: 'openapi/v3/marketing/stocks/restart.md' }])
    expect(report.removed).toEqual([{ id: 'v3/marketing/stocks/pause#post', file: 'openapi/v3/marketing/stocks/pause.md' }])
    for (const op of report.changed) {
      expect(Object.keys(op)).toEqual(['id', 'file', 'breaking', 'changes'])
      for (const change of op.changes) expect(Object.keys(change)).toEqual(['side', 'path', 'kind', 'before', 'after', 'breaking'])
    }
  })

  test('the command line: --format json on stdout, exit 1 only when --fail-on is met', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'diff', '--base', 'base', '--docs', 'head', '--no-cache', ...args], { cwd: fixtures, encoding: 'utf8' })
    const json = run('--format', 'json')
    expect(json.status).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual(result.report)
    expect(json.stderr).toMatch(/^checker: 2 of 2 verdicts proven/m)
    expect(run('--fail-on', 'breaking').status).toBe(1)
    expect(run('--fail-on', 'any').status).toBe(1)
    const same = spawnSync(process.execPath, [cli, 'diff', '--base', 'head', '--docs', 'head', '--no-cache', '--fail-on', 'any'], { cwd: fixtures, encoding: 'utf8' })
    expect(same.status).toBe(0)
    expect(same.stdout).toBe('0 operations changed (0 breaking), 0 added, 0 removed; 3 → 3 operations in 3 → 3 pages\n')
    expect(run('--format', 'yaml').status).toBe(2)
    expect(spawnSync(process.execPath, [cli, 'diff', '--docs', 'head'], { cwd: fixtures, encoding: 'utf8' }).status).toBe(2)
  })
})
