// End to end: the package target as a user gets it. Generate the package from docs/, `npm pack` it, install the
// tarball into a fresh app, type-check the app's calls under strict (`module: nodenext`), and run them against the
// local WeChat Pay, which verifies every signature and signs every reply.
import { execFile, execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { generate } from '../../generator/generate.js'
import { docsDir, projectDir, testCacheDir } from '../helpers.js'
import { startLocalWechatpay, type LocalWechatpay } from './local-wechatpay.js'

const work = mkdtempSync(join(tmpdir(), 'wechatpay-codegen-package-'))
const pkg = join(work, 'pkg')
const app = join(work, 'app')
let local: LocalWechatpay
afterAll(async () => {
  await local?.server.close()
  rmSync(work, { recursive: true, force: true })
})

const npm = (cwd: string, ...args: string[]) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
/** The app's build; its errors (tsc prints them on stdout) are the failure's message. */
const tsc = (cwd: string, project = cwd) => {
  try {
    return execFileSync(process.execPath, [join(projectDir, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd, encoding: 'utf8' })
  } catch (error) {
    throw new Error(`the app does not type-check:\n${(error as { stdout: string }).stdout}`)
  }
}
let tarball: { filename: string; files: Array<{ path: string }> }

beforeAll(async () => {
  const summary = await generate({ docs: docsDir, out: pkg, targets: ['package'], package: { name: 'wechatpay-e2e-sdk', version: '1.2.3' }, cacheDir: testCacheDir, config: false })
  expect(summary.ok).toBe(true)
  tarball = (JSON.parse(npm(pkg, 'pack', '--json', '--pack-destination', work)) as Array<typeof tarball>)[0]!
  // A second package of the same docs, a subset under another name, installed beside the first: the two must not merge.
  const second = await generate({ docs: docsDir, out: join(work, 'pkg-two'), targets: ['package'], package: { name: 'wechatpay-e2e-two', version: '1.0.0' }, include: ['v3/profitsharing/**'], cacheDir: testCacheDir, config: false })
  expect(second.ok).toBe(true)
  const tarballTwo = (JSON.parse(npm(join(work, 'pkg-two'), 'pack', '--json', '--pack-destination', work)) as Array<typeof tarball>)[0]!
  mkdirSync(join(app, 'src'), { recursive: true })
  const typesNode = (JSON.parse(readFileSync(join(projectDir, 'node_modules/@types/node/package.json'), 'utf8')) as { version: string }).version
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { 'wechatpay-e2e-sdk': `file:../${tarball.filename}`, 'wechatpay-e2e-two': `file:../${tarballTwo.filename}` }, devDependencies: { '@types/node': typesNode } }),
  )
  const compilerOptions = { strict: true, module: 'nodenext', target: 'es2022', outDir: 'dist', skipLibCheck: false, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true }
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }))
  copyFileSync(join(projectDir, 'test/e2e/package-app/app.ts'), join(app, 'src/app.ts'))
  // The app of core and one group, a program of its own.
  mkdirSync(join(app, 'groups'))
  copyFileSync(join(projectDir, 'test/e2e/package-app/groups.ts'), join(app, 'groups/groups.ts'))
  writeFileSync(join(app, 'tsconfig.groups.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, outDir: 'dist-groups' }, include: ['groups'] }))
  // Both apps again under the resolution of older configs, which reads `typesVersions`, not `exports`.
  const node10 = { ...compilerOptions, module: 'esnext', moduleResolution: 'node10', noEmit: true }
  writeFileSync(join(app, 'tsconfig.node10.json'), JSON.stringify({ compilerOptions: node10, include: ['src'] }))
  writeFileSync(join(app, 'tsconfig.groups-node10.json'), JSON.stringify({ compilerOptions: node10, include: ['groups'] }))
  writeFileSync(
    join(app, 'src/two.ts'),
    [
      "import { createWechatpay, type WeChatPay } from 'wechatpay-e2e-two'",
      "import { type WeChatPay as Full } from 'wechatpay-e2e-sdk'",
      'export const two = createWechatpay({ mchid: "1", serial: "s", privateKey: "k", certs: {} })',
      'export type Order = WeChatPay.OpenAPI.V3.Profitsharing.Orders.PostHttpMethod.JsonDataRequest',
      'export type Return = Full.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod.XmlDataRequest',
      '// @ts-expect-error: the subset left APIv2 out',
      'export type Left = WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod.XmlDataRequest',
      '// @ts-expect-error: no global namespace; the types are imported from a package',
      'export type Global = globalThis.WeChatPay.Wechatpay',
    ].join('\n'),
  )
  // The package README's example, its placeholders (`= { /* … */ }`) declared with their types: the names it cites
  // must exist and the call must take what it is given.
  const readme = readFileSync(join(pkg, 'README.md'), 'utf8')
  const example = /## Use\n\n```ts\n([\s\S]*?)```/.exec(readme)![1]!.replace(/^const (\w+): (.+) = \{ \/\*.*\*\/ \}$/gm, 'declare const $1: $2')
  const placeholders = 'declare const mchid: string, serial: string, privateKey: string, certs: Record<string, string>'
  writeFileSync(join(app, 'src/readme.ts'), `${example}\n${placeholders}\nexport { reply }\n`)
  // Its example of the core and one group, in the program of the core and one group.
  const groupsExample = /## Type only what you call\n[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)![1]!
  writeFileSync(join(app, 'groups/readme.ts'), `${groupsExample}\n${placeholders}\n`)
  // What the project's own install fetched is in npm's cache: the app installs from it, going online only if not.
  npm(app, 'install', '--prefer-offline', '--no-audit', '--no-fund')
  local = await startLocalWechatpay({
    'POST /secapi/pay/profitsharingreturn': () => ({ return_no: '3008450740201411110007820472', result: 'SUCCESS' }),
    'POST /v3/profitsharing/orders': ({ body }) => ({ out_order_no: body?.out_order_no, order_id: '30084507', state: 'PROCESSING' }),
    'GET /v3/profitsharing/orders/{out_order_no}': () => ({ out_order_no: 'P20150806125346', order_id: '30084507', state: 'FINISHED' }),
  })
}, 600_000)

test('npm pack ships the package entry, its declarations and the bundled types, and nothing of the generator', () => {
  const files = tarball.files.map((f) => f.path).sort()
  const groups = files.filter((path) => path.startsWith('groups/v'))
  expect(files.filter((path) => !groups.includes(path))).toEqual([
    'README.md',
    'client.d.ts',
    'client.js',
    'client/validation.d.ts',
    'client/validation.js',
    'declarations.d.ts',
    'groups/types-only.js',
    'index.d.ts',
    'index.js',
    'notification-receiver.d.ts',
    'notification-receiver.js',
    'package.json',
  ])
  // A group for each first name under `wxpay.v2` and `wxpay.v3` that the README's calls use, and none besides.
  const calls = [...readFileSync(join(pkg, 'README.md'), 'utf8').matchAll(/`wxpay\.(v[23])\.(\w+)\./g)].map(([, version, name]) => `groups/${version}/${name}.d.ts`)
  expect(groups).toEqual([...new Set(calls)].sort())
  const exports = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports
  expect(Object.keys(exports).sort()).toEqual(['.', './core', './package.json', ...groups.map((path) => `./${path.slice('groups/'.length, -'.d.ts'.length)}`)].sort())
})

test('an app that installs the tarball type-checks under strict, its wrong calls refused, and its calls run', async () => {
  // The build fails on any error, an unused @ts-expect-error among them.
  tsc(app)
  writeFileSync(join(app, 'local.json'), JSON.stringify(local.config))
  // Run apart, and waited for without blocking: the local WeChat Pay answers from this process.
  const { stdout } = await promisify(execFile)(process.execPath, [join(app, 'dist/app.js'), join(app, 'local.json')], { cwd: app, encoding: 'utf8', timeout: 60_000 })
  expect(JSON.parse(stdout)).toEqual({ placed: 'PROCESSING', queried: 'FINISHED', returnNo: '3008450740201411110007820472' })
  const seen = local.server.seen
  expect(seen.map((s) => `${s.method} ${s.url.split('?')[0]} ${s.signatureValid}`)).toEqual([
    'POST /v3/profitsharing/orders true',
    'GET /v3/profitsharing/orders/P20150806125346 true',
    'POST /secapi/pay/profitsharingreturn true',
  ])
  expect(seen.at(-1)!.clientCertificate).toBe(local.config.mchid)
})

test('an app of the core and one group type-checks with only that group on its chain, and its call runs', async () => {
  tsc(app, join(app, 'tsconfig.groups.json'))
  tsc(app, join(app, 'tsconfig.groups-node10.json'))
  tsc(app, join(app, 'tsconfig.node10.json'))
  writeFileSync(join(app, 'local.json'), JSON.stringify(local.config))
  const before = local.server.seen.length
  const { stdout } = await promisify(execFile)(process.execPath, [join(app, 'dist-groups/groups.js'), join(app, 'local.json')], { cwd: app, encoding: 'utf8', timeout: 60_000 })
  expect(JSON.parse(stdout)).toEqual({ placed: 'PROCESSING' })
  expect(local.server.seen.slice(before).map((s) => `${s.method} ${s.url} ${s.signatureValid}`)).toEqual(['POST /v3/profitsharing/orders true'])
})
