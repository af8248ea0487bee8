// Kills at seeded random moments: after each, --out is wholly old or wholly new, or --check flags it and the next run
// repairs it. Into a fresh and into an existing --out, with a warm and with a cold cache.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { listPages } from '../../generator/run/list-pages.js'
import { docsDir, projectDir } from '../helpers.js'

const cli = join(projectDir, 'dist/generator/cli.js')
const KILLS_PER_CASE = 5
const COPIES = 12

/** Every file under `dir` by relative path, without the generator's own folder. */
function snapshot(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map()
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => !e.isDirectory())
  return new Map(files.map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')] as [string, string]).filter(([path]) => !path.startsWith('.wechatpay-codegen/')))
}

/** A small seeded generator (mulberry32), so a failing kill can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('a killed run leaves --out old, new, or flagged and repaired', () => {
  let work: string
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-fault-'))
    // Two versions of a docs folder of the project's pages, the second changing every page's text.
    for (const [version, change] of [['a', (text: string) => text], ['b', (text: string) => text.replace(/^(# .*)$/m, '$1\n\n第二版。')]] as const) {
      const docs = join(work, version)
      for (const page of listPages(docsDir)) {
        const text = change(readFileSync(join(docsDir, page), 'utf8'))
        const copies = page.startsWith('openapi/v3/') ? COPIES : 1
        for (let i = 0; i < copies; i++) {
          const path = i === 0 ? page : page.replace('openapi/v3/', `openapi/v3/copy${i}/`)
          mkdirSync(join(docs, path, '..'), { recursive: true })
          writeFileSync(join(docs, path), text)
        }
      }
    }
  })
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  const generate = (args: string[]) => spawnSync(process.execPath, [cli, 'generate', ...args], { cwd: work, encoding: 'utf8' })

  test('kills at random moments, fresh and existing --out, warm and cold cache', async () => {
    // The old and the new state, and a warm cache of the new docs.
    expect(generate(['--docs', 'a', '--out', 'old', '--no-cache']).status).toBe(0)
    expect(generate(['--docs', 'b', '--out', 'new', '--cache-dir', 'warm']).status).toBe(0)
    const states = { old: snapshot(join(work, 'old')), new: snapshot(join(work, 'new')) }
    expect(states.new.size).toBeGreaterThan(2 * COPIES)
    const seed = Number(process.env.FAULT_SEED ?? 20261202)
    const next = random(seed)
    const counts = { old: 0, new: 0, repaired: 0 }
    for (const into of ['fresh', 'existing'] as const) {
      for (const cache of ['warm', 'cold'] as const) {
        const cacheArgs = cache === 'warm' ? ['--cache-dir', 'warm'] : ['--no-cache']
        const prepare = () => {
          rmSync(join(work, 'out'), { recursive: true, force: true })
          if (into === 'existing') cpSync(join(work, 'old'), join(work, 'out'), { recursive: true })
        }
        // How long an undisturbed run takes, to kill within it.
        prepare()
        let started = performance.now()
        expect(generate(['--docs', 'b', '--out', 'out', ...cacheArgs]).status).toBe(0)
        const span = performance.now() - started
        for (let kill = 0; kill < KILLS_PER_CASE; kill++) {
          prepare()
          const delay = Math.floor(next() * span)
          const child = spawn(process.execPath, [cli, 'generate', '--docs', 'b', '--out', 'out', ...cacheArgs], { cwd: work, stdio: 'ignore' })
          const exited = new Promise((resolve) => child.once('exit', resolve))
          started = performance.now()
          await new Promise((resolve) => setTimeout(resolve, delay))
          child.kill('SIGKILL')
          await exited
          const left = snapshot(join(work, 'out'))
          const old = into === 'fresh' ? new Map() : states.old
          const where = `${into} --out, ${cache} cache, killed after ${delay} ms of ${Math.round(span)} (seed ${seed})`
          const state = equal(left, old) ? 'old' : equal(left, states.new) ? 'new' : 'repaired'
          // Whatever it left, --check says whether it is current, and the next run makes it the new state.
          const checked = generate(['--docs', 'b', '--out', 'out', '--cache-dir', 'warm', '--check'])
          expect(checked.status, where).toBe(state === 'new' ? 0 : 1)
          expect(generate(['--docs', 'b', '--out', 'out', ...cacheArgs]).status, where).toBe(0)
          expect(equal(snapshot(join(work, 'out')), states.new), where).toBe(true)
          expect(generate(['--docs', 'b', '--out', 'out', '--cache-dir', 'warm', '--check']).status, where).toBe(0)
          counts[state]++
        }
      }
    }
    console.log(`fault: ${KILLS_PER_CASE * 4} kills (seed ${seed}): ${counts.old} left the old state, ${counts.new} the new, ${counts.repaired} a state --check flagged and the next run repaired`)
    expect(counts.old + counts.new + counts.repaired).toBe(KILLS_PER_CASE * 4)
  }, 900_000)
})

function equal(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([path, text]) => b.get(path) === text)
}
