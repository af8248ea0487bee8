// `npm run bench:openapi`: what the `openapi` and `validation` targets and the client's validation cost, over
// ../shared/corpus, every figure measured in this one run and printed as ratios. Generate runs are processes of their
// own, timed whole, each the best of two taken in turn (the machines are shared), with their CPU time (steadier under
// load). Validation is timed per call in this process, against the RSA signature the runtime computes for every APIv3
// call anyway.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Rsa } from 'wechatpay-axios-plugin'
import { generateKeyPairSync } from 'node:crypto'
import { withValidation } from '../generator/emit/client/validation.js'
import { listPages } from '../generator/run/list-pages.js'
import { DEFAULT_TARGETS } from '../generator/run/run-pages.js'

const corpus = process.argv[2] ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-bench-openapi-'))
cpSync(corpus, join(work, 'docs'), { recursive: true })
const docs = join(work, 'docs')
const pages = listPages(docs)

interface Run {
  ms: number
  /** CPU time of the process, its workers included. */
  cpuMs: number
  built: number
  unchanged: boolean
}
const script = fileURLToPath(new URL('./run-generate.js', import.meta.url))
const run = (name: string, targets: string): Run => {
  const started = performance.now()
  const report = execFileSync(process.execPath, [script, docs, join(work, `out-${name}`), join(work, `cache-${name}`), targets], { encoding: 'utf8' })
  return { ...(JSON.parse(report) as Omit<Run, 'ms'>), ms: performance.now() - started }
}
const best = (runs: Run[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a))
const leastCpu = (runs: Run[]) => Math.min(...runs.map((r) => r.cpuMs))

const sets = {
  default: DEFAULT_TARGETS.join(','),
  'default+validation': [...DEFAULT_TARGETS, 'validation'].join(','),
  'default+openapi': [...DEFAULT_TARGETS, 'openapi'].join(','),
  openapi: 'openapi',
}
type Set = keyof typeof sets
const names = Object.keys(sets) as Set[]
const cold = new Map<Set, Run[]>(names.map((n) => [n, []]))
for (const i of [1, 2]) for (const n of names) cold.get(n)!.push(run(`${n}-${i}`, sets[n]))
const warmRuns = new Map(names.map((n) => [n, [run(`${n}-2`, sets[n]), run(`${n}-2`, sets[n])]]))
const warm = new Map(names.map((n) => [n, best(warmRuns.get(n)!)]))
// A maintainer's edit, as `npm run bench` makes it: one description of one page.
const changedPage = join(docs, pages.find((p) => p.startsWith('openapi/v3/') && readFileSync(join(docs, p), 'utf8').includes('| 商户号'))!)
const onePage = new Map<Set, Run[]>()
for (const n of ['default', 'default+validation', 'default+openapi'] as const) {
  onePage.set(n, ['(已核对)', '(再核对)'].map((mark) => {
    writeFileSync(changedPage, readFileSync(changedPage, 'utf8').replace(/\| 商户号(\([^)]*\))?/, `| 商户号${mark}`))
    return run(`${n}-2`, sets[n])
  }))
}

// Validation per call: every endpoint's schema files of the corpus, a value each schema accepts, a runtime whose
// request answers at once; the first call of an operation reads and compiles its schemas (the first of all also
// loads ajv), the next ones only validate.
const schemasDir = join(work, 'out-default+validation-2', 'validation')
const files = readdirSync(schemasDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort()
const fake = { client: { request: async (_pathname: string, _method: string, _data?: unknown, _config?: Record<string, unknown>) => ({ data: undefined }) } }
const wxpay = withValidation(fake, 'request', pathToFileURL(`${schemasDir}/`))
let coldMs = 0
let warmMs = 0
let warmCalls = 0
let accepted = 0
const WARM = 20
for (const file of files) {
  const schemas = JSON.parse(readFileSync(join(schemasDir, file), 'utf8')) as { operation: string; data?: Schema; config?: Schema }
  const [pathname, method] = schemas.operation.split('#') as [string, string]
  const data = schemas.data ? sample(schemas.data) : undefined
  const config = schemas.config ? sample(schemas.config) : {}
  const call = () => wxpay.client.request(pathname, method, data, config as Record<string, unknown>)
  let started = performance.now()
  const ok = await call().then(() => true, () => false)
  coldMs += performance.now() - started
  if (ok) accepted++
  started = performance.now()
  for (let i = 0; i < WARM; i++) await call().catch(() => undefined)
  warmMs += performance.now() - started
  warmCalls += WARM
}
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const message = `POST\n/v3/pay/transactions/jsapi\n1700000000\n${'n'.repeat(32)}\n${JSON.stringify({ appid: 'wx8888888888888888', amount: { total: 1 } })}\n`
Rsa.sign(message, privateKey)
let started = performance.now()
const SIGNS = 200
for (let i = 0; i < SIGNS; i++) Rsa.sign(message, privateKey)
const signMs = (performance.now() - started) / SIGNS
rmSync(work, { recursive: true, force: true })

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const runs = (rs: Run[]) => rs.map((r) => s(r.ms)).join(', ')
const base = best(cold.get('default')!)
const baseCpu = leastCpu(cold.get('default')!)
console.log(`corpus: ${pages.length} pages; generate runs are whole processes, best of two (wall); CPU: the least of two, workers included`)
for (const n of names) {
  const c = best(cold.get(n)!)
  const w = warmRuns.get(n)!
  console.log(
    `--targets ${sets[n]}: cold ${s(c.ms)} (runs: ${runs(cold.get(n)!)}; ÷ default cold ${(c.ms / base.ms).toFixed(3)}), ` +
      `CPU ${s(leastCpu(cold.get(n)!))} (÷ default ${(leastCpu(cold.get(n)!) / baseCpu).toFixed(3)}); ` +
      `warm ${s(warm.get(n)!.ms)}, CPU ${s(leastCpu(w))}${w.every((r) => r.unchanged) ? ' (unchanged)' : ''}`,
  )
}
const onePageCpu = leastCpu(onePage.get('default')!)
for (const [n, rs] of onePage) {
  const r = best(rs)
  console.log(`one page changed, --targets ${sets[n]}: ${s(r.ms)} (${r.built} built; ÷ its cold ${(r.ms / best(cold.get(n)!).ms).toFixed(3)}), CPU ${s(leastCpu(rs))} (÷ default ${(leastCpu(rs) / onePageCpu).toFixed(3)})`)
}
const coldPer = coldMs / files.length
const warmPer = warmMs / warmCalls
console.log(
  `validation of a request (data and config), over ${files.length} endpoints, ${accepted} sample calls accepted: ` +
    `cold (first call of an operation: read, compile${files.length > 0 ? ', ajv loaded once' : ''}) ${coldPer.toFixed(2)} ms, warm ${(warmPer * 1000).toFixed(1)} µs per call; ` +
    `the runtime's RSA signature of one APIv3 call ${signMs.toFixed(2)} ms: cold ÷ signature ${(coldPer / signMs).toFixed(2)}, warm ÷ signature ${(warmPer / signMs).toFixed(3)}`,
)

interface Schema {
  type?: string | string[]
  const?: unknown
  enum?: unknown[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  maxItems?: number
}

/** A value the schema accepts: required members only, an enum's first value, one item per array. */
function sample(schema: Schema): unknown {
  if ('const' in schema) return schema.const
  if (schema.enum) return schema.enum[0]
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'object': {
      const members = [...(schema.required ?? []), ...(schema.anyOf?.[0]?.required ?? [])]
      const properties = { ...schema.properties, ...schema.anyOf?.[0]?.properties }
      return Object.fromEntries(members.map((name) => [name, sample(properties[name] ?? {})]))
    }
    case 'array':
      return schema.maxItems === 0 ? [] : [sample(schema.items ?? {})]
    case 'string':
      return 'x'
    case 'integer':
    case 'number':
      return 1
    case 'boolean':
      return true
    default:
      return {}
  }
}
