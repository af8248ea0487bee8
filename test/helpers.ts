import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIr } from '../generator/ir/build-ir.js'
import { diagnosticsOf } from '../generator/diagnostics/report.js'
import { parsePage } from '../generator/parse/parse-page.js'
import type { IrDocument } from '../generator/ir/types.js'
import { buildPage } from '../generator/run/build-page.js'
import { mergePages } from '../generator/run/merge-pages.js'
import { runPages, type Target } from '../generator/run/run-pages.js'

export const projectDir = fileURLToPath(new URL('..', import.meta.url))
export const docsDir = fileURLToPath(new URL('../docs', import.meta.url))
export const sharedDir = fileURLToPath(new URL('../../shared', import.meta.url))
export const corpusDir = join(sharedDir, 'corpus')
/** The same pages at an earlier date: the base of `diff` tests. */
export const historyDir = join(sharedDir, 'history/2026-01-01')
export const seedsDir = join(sharedDir, 'seeds')

/**
 * Is the test data beside the project (`../shared/…`) there? When it is not, the tests that read it skip, with the
 * reason printed; with REQUIRE_SHARED=1 (CI sets it) they fail instead.
 */
export function needsShared(dir: string): boolean {
  if (existsSync(dir)) return true
  const name = `../shared/${dir.slice(sharedDir.length + 1)}`
  if (process.env.REQUIRE_SHARED === '1') throw new Error(`${name} is absent, and REQUIRE_SHARED=1 requires it`)
  console.log(`skipped: tests that read ${name}, which is absent`)
  return false
}

export const hasCorpus = needsShared(corpusDir)
export const hasHistory = needsShared(historyDir)
export const hasSeeds = needsShared(seedsDir)

/** The IR and diagnostics of one in-memory page. */
export function irOf(markdown: string, path = 'openapi/v3/test/page.md') {
  const parsed = parsePage(path, markdown)
  const document = buildIr([parsed])
  return { document, page: parsed.page, diagnostics: diagnosticsOf([parsed.file]) }
}

/** A single-operation page around the given request and response rows. */
export function page(request: string, response = '| code {data-required} | string | 结果', method = 'post'): string {
  return `---
title: 测试
description: 测试页面
---

# {{ $frontmatter.title }} {#${method}}

{{ $frontmatter.description }}

| 请求参数 | 类型 {.type} | 描述 {.desc}
| --- | --- | ---
${request}

{.im-table #request}

| 返回字典 | 类型 {.type} | 描述 {.desc}
| --- | --- | ---
${response}

{.im-table #response}

参阅 [官方文档](https://pay.weixin.qq.com/doc/v3/partner/1)
`
}

export const ruleIds = (diagnostics: Array<{ ruleId: string }>) => diagnostics.map((d) => d.ruleId)

/** A page cache shared by the test files, so that a corpus is built once per change of the generator. */
export const testCacheDir = fileURLToPath(new URL('../node_modules/.cache/wechatpay-codegen-tests', import.meta.url))

/**
 * What the page pipeline the CLI runs makes of a docs folder, in memory: its IR, diagnostics, and the outputs of
 * `targets` as text by path.
 */
export async function generated(dir: string, targets: Target[] = ['ir', 'types', 'client', 'docs'], cwd = process.cwd()) {
  const pkg = targets.includes('package') ? { package: { name: 'wechatpay-test', version: '0.0.0' } } : {}
  const result = await runPages({ docsDir: dir, targets: [...new Set<Target>(['ir', ...targets])], cacheDir: testCacheDir, cwd, ...pkg })
  const outputs = new Map([...result.outputs].map(([path, text]) => [path, typeof text === 'string' ? text : Buffer.from(text).toString()]))
  const { $comment: _, ...document } = JSON.parse(outputs.get('ir.json')!) as IrDocument & { $comment: string }
  if (!targets.includes('ir')) outputs.delete('ir.json')
  return { document: document as IrDocument, diagnostics: result.diagnostics, outputs }
}

/** The outputs of one in-memory page, made as the page pipeline makes them (built, then merged), as text by path. */
export async function pageOutputs(markdown: string, path = 'openapi/v3/test/page.md', targets: Target[] = ['types', 'client', 'docs']) {
  const built = buildPage({ path, source: Buffer.from(markdown), targets: ['types', 'docs'] })
  const merged = await mergePages([built], [undefined], { targets, package: { name: 'wechatpay-test', version: '0.0.0' } }, { parse: 0, build: 0, emit: 0, format: 0 })
  return new Map([...merged.outputs].map(([file, text]) => [file, typeof text === 'string' ? text : Buffer.from(text).toString()]))
}
