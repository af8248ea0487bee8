import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import type { Diagnostic } from './diagnostics/report.js'
import { generateInto, type GenerateOptions } from './run/generate-into.js'
import type { LockOwner } from './run/folder-lock.js'
import type { PagePool } from './run/page-pool.js'
import { packageInfoProblem, type PackageInfo } from './emit/package/package-json.js'
import { DEFAULT_TARGETS, TARGETS, type Target } from './run/run-pages.js'
import { refuse } from './run/usage-error.js'
import { checkGlobs } from './run/select-operations.js'

/** What a build needs to say, in `wechatpay-codegen.config.json` (or `.yaml`) or to `generate()`; flags win. */
export interface Config {
  /** Docs pages to read (default `docs`). */
  docs?: string
  /** Where outputs go (default `generated`). */
  out?: string
  /** Outputs to make (default: ir, types, client and docs; validation, openapi and package when asked for). */
  targets?: Target[]
  /** Globs over operation ids (`v3/pay/transactions/*`) or page paths (`openapi/v3/pay/**`): only these. */
  include?: string[]
  /** Globs of operations to leave out. */
  exclude?: string[]
  /** The page cache (default `node_modules/.cache/wechatpay-codegen`), or false for none. */
  cacheDir?: string | false
  /** The package target's `name` and `version` (flags give each apart, over the config file's). */
  package?: Partial<PackageInfo>
}

export interface GenerateInput extends Config {
  /** Folder the paths are relative to (default: the working directory). */
  cwd?: string
  /** A config file to read, or false for none (default: `wechatpay-codegen.config.json` or `.yaml` in `cwd`). */
  config?: string | false
  /** Write nothing; `changed` lists the files that differ from what would be written. */
  check?: boolean
  /** Replace or remove files in the way that the generator did not write, or that were edited since. */
  force?: boolean
  onProgress?: (done: number, total: number) => void
  onWait?: (owner: LockOwner | undefined) => void
  /** This run's command line, named to a run that waits for it. */
  command?: string
}

export interface GenerateSummary {
  /** No error diagnostic: the outputs are written (or with `check`, compared). */
  ok: boolean
  pages: number
  operations: number
  diagnostics: Diagnostic[]
  /** Paths written or removed, relative to `out`; with `check`, the stale ones. */
  changed: string[]
  /** The pages and outputs were as the last run left them: nothing was built or compared. */
  unchanged: boolean
}

export const CONFIG_FILES = ['wechatpay-codegen.config.json', 'wechatpay-codegen.config.yaml']
const CONFIG_KEYS: Array<keyof Config> = ['docs', 'out', 'targets', 'include', 'exclude', 'cacheDir', 'package']
const INPUT_KEYS: string[] = [...CONFIG_KEYS, 'cwd', 'config', 'check', 'force', 'onProgress', 'onWait', 'command'] satisfies Array<keyof GenerateInput>

/**
 * Generates from docs pages into a folder, as `wechatpay-codegen generate` does, for build scripts:
 * `await generate({ docs: 'docs', out: 'src/wechatpay', targets: ['types', 'client'] })`. Problems in the docs and
 * files in the way come back as diagnostics (`ok` is false); a folder that cannot be read or written, or options
 * that are refused, throw.
 */
export async function generate(input: GenerateInput = {}, pool?: PagePool): Promise<GenerateSummary> {
  const result = await generateInto(resolveOptions(input), pool)
  const ok = !result.diagnostics.some((d) => d.severity === 'error')
  return { ok, pages: result.pages, operations: result.operations, diagnostics: result.diagnostics, changed: result.changed, unchanged: result.unchanged }
}

/** Flags or API input over the config file over the defaults, checked, with paths made absolute. */
export function resolveOptions(input: GenerateInput): GenerateOptions & { outLabel: string } {
  // A misspelt option would otherwise be dropped silently and its default used.
  for (const key of Object.keys(input)) if (!INPUT_KEYS.includes(key)) refuse(`Unexpected option \`${key}\` of generate(), expected ${INPUT_KEYS.join(', ')}`)
  const cwd = resolve(input.cwd ?? process.cwd())
  const file = readConfig(input.config, cwd)
  const config = { ...file, ...withoutUndefined(input) }
  if (file.package || input.package) config.package = { ...file.package, ...definedOnly(input.package ?? {}) }
  const targets = config.targets ?? [...DEFAULT_TARGETS]
  const unknown = targets.filter((t) => !(TARGETS as readonly string[]).includes(t))
  if (unknown.length > 0) refuse(`Unexpected target(s) ${unknown.join(', ')}, expected: ${TARGETS.join(', ')}`)
  if (targets.includes('client') && !targets.includes('types')) refuse('The client target needs the types target: add `types` to the targets')
  if (targets.includes('validation') && !targets.includes('client') && !targets.includes('package')) refuse('The validation target needs the client or the package target: add `client` or `package` to the targets')
  if (targets.includes('package')) {
    if (config.package?.name === undefined || config.package.version === undefined) refuse('The package target needs a name and a version: --package-name and --package-version, `package: { name, version }` in the config file, or the `package` option of generate()')
    const problem = packageInfoProblem(config.package as PackageInfo)
    if (problem !== undefined) refuse(`Unexpected ${problem}`)
  }
  checkGlobs({ include: config.include ?? [], exclude: config.exclude ?? [] })
  const out = config.out ?? 'generated'
  const cacheDir = config.cacheDir ?? 'node_modules/.cache/wechatpay-codegen'
  return {
    docsDir: resolve(cwd, config.docs ?? 'docs'),
    outDir: out === '' ? '' : resolve(cwd, out),
    outLabel: out,
    targets,
    cacheDir: cacheDir === false ? false : resolve(cwd, cacheDir),
    subset: { include: config.include ?? [], exclude: config.exclude ?? [] },
    ...(targets.includes('package') && { package: config.package as PackageInfo }),
    cwd,
    ...(input.check !== undefined && { check: input.check }),
    ...(input.force !== undefined && { force: input.force }),
    ...(input.command !== undefined && { command: input.command }),
    ...(input.onProgress && { onProgress: input.onProgress }),
    ...(input.onWait && { onWait: input.onWait }),
  }
}

function readConfig(file: string | false | undefined, cwd: string): Config {
  if (file === false) return {}
  const path = file !== undefined ? resolve(cwd, file) : CONFIG_FILES.map((name) => join(cwd, name)).find((name) => existsSync(name))
  if (path === undefined) return {}
  let text: string
  try {
    // A byte order mark, as some editors write one, is not part of the text.
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  } catch (error) {
    refuse(`${path}:1:1: Unexpected config file: ${(error as Error).message.split('\n')[0]} (config-read)`)
  }
  // YAML reads JSON too: one parse gives the positions of both kinds of file.
  const lines = new LineCounter()
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const at = (offset: number | undefined) => {
    const { line, col } = lines.linePos(offset ?? 0)
    return `${path}:${line}:${col}`
  }
  const syntax = document.errors[0]
  if (syntax) refuse(`${at(syntax.pos[0])}: Unexpected ${(syntax.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+.*$/, '')} (config-syntax)`)
  if (path.endsWith('.json')) {
    try {
      JSON.parse(text)
    } catch (error) {
      const offset = /position (\d+)/.exec((error as Error).message)?.[1]
      refuse(`${at(offset === undefined ? 0 : Number(offset))}: Unexpected JSON: ${(error as Error).message.split('\n')[0]} (config-syntax)`)
    }
  }
  let value: unknown
  try {
    // Aliases are expanded at most a hundred times: a file of nested aliases cannot make a huge value.
    value = document.toJS({ maxAliasCount: 100 })
  } catch (error) {
    refuse(`${at(0)}: Unexpected ${(error as Error).message.split('\n')[0]} (config-syntax)`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(`${at(0)}: Unexpected config file: expected an object of options (config-shape)`)
  const config = value as Record<string, unknown>
  const pairOf = (key: string) => (isMap(document.contents) ? document.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === key) : undefined)
  const keyAt = (key: string) => at(pairOf(key)?.key?.range?.[0])
  /** Where a key's value is wrong: the first list item that is not a string, or the value itself. */
  const valueAt = (key: string) => {
    const node = pairOf(key)?.value
    const item = isSeq(node) ? node.items.find((i) => !(isScalar(i) && typeof i.value === 'string')) : undefined
    const wrong = isNode(item) ? item : isNode(node) ? node : undefined
    return at(wrong?.range?.[0])
  }
  const wrong = (key: string, expected: string) => refuse(`${valueAt(key)}: Unexpected \`${key}\`, expected ${expected} (config-shape)`)
  const strings = (key: string) => config[key] === undefined || (Array.isArray(config[key]) && (config[key] as unknown[]).every((v) => typeof v === 'string'))
  for (const key of Object.keys(config)) if (!CONFIG_KEYS.includes(key as keyof Config)) refuse(`${keyAt(key)}: Unexpected key \`${key}\`, expected ${CONFIG_KEYS.join(', ')} (config-shape)`)
  for (const key of ['docs', 'out'] as const) if (config[key] !== undefined && typeof config[key] !== 'string') wrong(key, 'a folder')
  for (const key of ['targets', 'include', 'exclude'] as const) if (!strings(key)) wrong(key, 'a list of strings')
  if (config.cacheDir !== undefined && config.cacheDir !== false && typeof config.cacheDir !== 'string') wrong('cacheDir', 'a folder or false')
  const info = config.package as Record<string, unknown> | undefined
  if (info !== undefined && (typeof info !== 'object' || info === null || Object.keys(info).some((k) => !['name', 'version'].includes(k)) || typeof info.name !== 'string' || typeof info.version !== 'string')) {
    wrong('package', '{ name, version } (two strings)')
  }
  return config as Config
}

function withoutUndefined(input: GenerateInput): Config {
  return definedOnly(Object.fromEntries(CONFIG_KEYS.map((key) => [key, input[key]]))) as Config
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
