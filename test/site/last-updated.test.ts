import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { lastUpdatedTimes } from '../../site/last-updated.js'

const repo = mkdtempSync(join(tmpdir(), 'wechatpay-last-updated-'))
afterAll(() => rmSync(repo, { recursive: true, force: true }))

/** Commits the given files at the given time (seconds), as the author's date. */
function commit(time: number, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(repo, file, '..'), { recursive: true })
    writeFileSync(join(repo, file), text)
  }
  const env = { ...process.env, GIT_AUTHOR_DATE: `@${time} +0800`, GIT_COMMITTER_DATE: `@${time} +0800`, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' }
  execFileSync('git', ['add', '-A'], { cwd: repo, env })
  execFileSync('git', ['commit', '-q', '-m', String(time)], { cwd: repo, env })
}

describe('each page\'s last commit time, from one git log', () => {
  test('the newest commit that touched a page, keyed by its path in the docs folder', () => {
    execFileSync('git', ['init', '-q'], { cwd: repo })
    commit(1_700_000_000, { 'docs/a.md': '1', 'docs/v3/{out_order_no}.md': '1', 'docs/非ascii/页.md': '1', 'other.md': '1' })
    commit(1_700_100_000, { 'docs/a.md': '2', 'other.md': '2' })
    writeFileSync(join(repo, 'docs/uncommitted.md'), 'x')
    const times = lastUpdatedTimes(join(repo, 'docs'))
    expect(Object.fromEntries(times)).toEqual({
      'a.md': 1_700_100_000_000,
      'v3/{out_order_no}.md': 1_700_000_000_000,
      '非ascii/页.md': 1_700_000_000_000,
    })
  })

  test('a folder outside a git work tree has no times', () => {
    const outside = mkdtempSync(join(tmpdir(), 'wechatpay-no-git-'))
    writeFileSync(join(outside, 'a.md'), 'x')
    expect(lastUpdatedTimes(outside).size).toBe(0)
    rmSync(outside, { recursive: true, force: true })
  })
})
