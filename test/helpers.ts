import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildIr } from '../generator/ir/build-ir.js'
import { diagnosticsOf } from '../generator/diagnostics/report.js'
import { parsePage } from '../generator/parse/parse-page.js'

export const projectDir = fileURLToPath(new URL('..', import.meta.url))
export const docsDir = fileURLToPath(new URL('../docs', import.meta.url))
export const corpusDir = fileURLToPath(new URL('../../shared/corpus', import.meta.url))
export const hasCorpus = existsSync(corpusDir)
/** The same pages at an earlier date: the base of `diff` tests. */
export const historyDir = fileURLToPath(new URL('../../shared/history/2026-01-01', import.meta.url))
export const hasHistory = existsSync(historyDir)

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
