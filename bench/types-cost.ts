// `npm run bench:types`: what the declarations of the whole corpus cost a user's TypeScript, every figure measured in
// this one run and printed as ratios. A sample app of fifteen calls (bench/types-app) is type-checked against the
// corpus package and, as the baseline, with the client typed `any` (the runtime alone), with skipLibCheck on and
// off, and with the app importing only the package's core and the operation groups it calls; then a warm language
// server answers quickinfo on a verb and completion after a chain's dot.
// Goals: tsc ratio ≤ 1.3 with skipLibCheck on, warm quickinfo ≤ 30 ms, declarations at most half of the 6.87 MB the
// per-page declaration files of the corpus held before the package target (commit 2ea7281). Then the same with a
// subset package (`include`: the areas the app calls), the lever for an app that needs less than the whole API.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from '../generator/generate.js'
import { TsServerSession } from './tsserver-session.js'

const project = fileURLToPath(new URL('../..', import.meta.url))
const corpus = process.argv[2] ?? join(project, '../shared/corpus')
const sources = join(project, 'bench/types-app')
const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-types-'))
const runs = 7

const pkg = join(work, 'pkg')
const summary = await generate({ docs: corpus, out: pkg, targets: ['package'], package: { name: 'wechatpay-corpus', version: '0.0.0' }, cacheDir: join(work, 'cache'), config: false })
if (!summary.ok) throw new Error('the corpus package was not generated')
// The declarations: the core file and a module per operation group.
const groupFiles = readdirSync(join(pkg, 'groups'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.d.ts'))
const bytes = [join(pkg, 'declarations.d.ts'), ...groupFiles.map((path) => join(pkg, 'groups', path))].reduce((sum, path) => sum + statSync(path).size, 0)
const before = 6.87e6
// The areas of the app's fifteen calls, as a merchant taking payments would name them.
const include = ['v2/pay/**', 'v3/pay/**', 'v3/bill/**', 'v3/certificates', 'v3/combine-transactions/**', 'v3/profitsharing/**', 'v3/refund/**']
const subsetPkg = join(work, 'subset-pkg')
const subset = await generate({ docs: corpus, out: subsetPkg, targets: ['package'], package: { name: 'wechatpay-corpus', version: '0.0.0' }, include, cacheDir: join(work, 'cache'), config: false })
if (!subset.ok) throw new Error('the subset package was not generated')

/** An app folder: the sample app with the given client, the package installed as a copy, the rest linked. */
function app(name: 'typed' | 'groups' | 'any', skipLibCheck: boolean, from = pkg): string {
  const dir = join(work, `${name}-${skipLibCheck ? 'skip' : 'check'}${from === pkg ? '' : '-subset'}`)
  // The untyped app of one package serves each of its variants.
  if (statSync(dir, { throwIfNoEntry: false })) return dir
  mkdirSync(join(dir, 'src'), { recursive: true })
  mkdirSync(join(dir, 'node_modules/@types'), { recursive: true })
  // A copy, not a link: TypeScript resolves a linked package's own imports (axios) from where the link points.
  cpSync(from, join(dir, 'node_modules/wechatpay-corpus'), { recursive: true })
  for (const dep of ['wechatpay-axios-plugin', 'axios', '@types/node']) symlinkSync(join(project, 'node_modules', dep), join(dir, 'node_modules', dep))
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n')
  const compilerOptions = { strict: true, module: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }))
  cpSync(join(sources, 'app.ts'), join(dir, 'src/app.ts'))
  cpSync(join(sources, `client-${name}.ts`), join(dir, 'src/client.ts'))
  return dir
}

/** tsc -p over the app: its CPU time and wall time, in ms; it must type-check. */
function tsc(dir: string): { cpu: number; wall: number } {
  const started = performance.now()
  const run = spawnSync(process.execPath, [fileURLToPath(new URL('./tsc-cpu.js', import.meta.url)), '-p', dir], { encoding: 'utf8' })
  const wall = performance.now() - started
  if (run.status !== 0) throw new Error(`the sample app does not type-check in ${dir}:\n${run.stdout}`)
  return { cpu: Number(/cpu-ms ([\d.]+)/.exec(run.stderr)![1]), wall }
}

const groupsOfApp = [...readFileSync(join(sources, 'client-groups.ts'), 'utf8').matchAll(/^import type {} from 'wechatpay-corpus\/v\d\//gm)].length
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const lines: string[] = []
const variants = [
  [true, pkg, 'typed'],
  [false, pkg, 'typed'],
  [true, pkg, 'groups'],
  [true, subsetPkg, 'typed'],
] as const
for (const [skipLibCheck, from, client] of variants) {
  const typed = app(client, skipLibCheck, from)
  const untyped = app('any', skipLibCheck, from)
  const times = { typed: [] as Array<{ cpu: number; wall: number }>, any: [] as Array<{ cpu: number; wall: number }> }
  // Taken in turn, so that a busy moment falls on both.
  for (let i = 0; i < runs; i++) {
    times.typed.push(tsc(typed))
    times.any.push(tsc(untyped))
  }
  const cpu = median(times.typed.map((t) => t.cpu)) / median(times.any.map((t) => t.cpu))
  const wall = median(times.typed.map((t) => t.wall)) / median(times.any.map((t) => t.wall))
  const goal = skipLibCheck ? ` (goal ≤ 1.3) ${cpu <= 1.3 ? 'met' : 'NOT met'}` : ''
  const what =
    from !== pkg ? `subset package (${subset.operations} operations), tsc --noEmit` : client === 'groups' ? `core and the ${groupsOfApp} groups the app calls, tsc --noEmit` : 'tsc --noEmit'
  lines.push(
    `${what}, skipLibCheck ${skipLibCheck ? 'on ' : 'off'}: typed ÷ any ${cpu.toFixed(2)} CPU time${goal}, ${wall.toFixed(2)} wall ` +
      `(medians of ${runs}: typed ${(median(times.typed.map((t) => t.cpu)) / 1000).toFixed(2)} s, any ${(median(times.any.map((t) => t.cpu)) / 1000).toFixed(2)} s CPU)`,
  )
}

// The language server, warm: the project loaded and the positions asked once before they are timed.
const dir = join(work, 'typed-skip')
const file = join(dir, 'src/app.ts')
const text = readFileSync(file, 'utf8')
const at = (needle: string, offset: number) => {
  const index = text.indexOf(needle) + offset
  const before = text.slice(0, index).split('\n')
  return { file, line: before.length, offset: before.at(-1)!.length + 1 }
}
const verb = at('transactions.native.post', 'transactions.native.'.length + 1)
const dot = at('transactions.native.post', 'transactions.'.length)
const server = new TsServerSession(dir)
server.open(file)
const timed = async (command: string, args: object) => {
  await server.request(command, args)
  const ms: number[] = []
  for (let i = 0; i < 20; i++) {
    const started = performance.now()
    await server.request(command, args)
    ms.push(performance.now() - started)
  }
  return median(ms)
}
const quickinfo = await timed('quickinfo', verb)
const completion = await timed('completionInfo', dot)
const shown = (await server.request('quickinfo', verb)) as { displayString: string }
server.close()
rmSync(work, { recursive: true, force: true })

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`
console.log(`corpus package: ${summary.operations} operations in ${groupFiles.length} groups; declarations ${mb(bytes)}, ${(bytes / before).toFixed(2)} of the ${mb(before)} before (goal ≤ 0.5) ${bytes <= before / 2 ? 'met' : 'NOT met'}`)
for (const line of lines) console.log(line)
console.log(`warm tsserver quickinfo on \`native.post\`: ${quickinfo.toFixed(1)} ms (median of 20; goal ≤ 30 ms) ${quickinfo <= 30 ? 'met' : 'NOT met'}`)
console.log(`warm tsserver completion after \`transactions.\`: ${completion.toFixed(1)} ms (median of 20)`)
console.log(`quickinfo shows: ${shown.displayString.split('\n')[0]}`)
