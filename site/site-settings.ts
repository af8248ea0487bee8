import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TwoslashOptions } from 'twoslash'
import type { MarkdownOptions } from 'vitepress'
import { hashParts } from '../generator/run/hash.js'
import { TWOSLASH_COMPILER_OPTIONS } from '../generator/emit/docs/twoslash-options.js'

/** Where the site is built from and to, read from the environment once, the same for the prerender and VitePress. */
export interface SiteSettings {
  /** The generated docs folder (SITE_DOCS, default generated/docs). */
  docs: string
  /** Where the site goes (SITE_OUT, default site/.vitepress/dist, VitePress's own place). */
  out: string
  /** Twoslash results and VitePress's own cache (SITE_CACHE, default node_modules/.cache/wechatpay-site). */
  cache: string
  /** An edit-link pattern with `:path`, the page's path in the docs (SITE_EDIT_LINK); none when unset. */
  editLink?: string
  twoslashOptions: TwoslashOptions
  /** What a cached twoslash result depends on besides its code: the options and every installed package version. */
  fingerprint: string
  /** What a rendered block depends on besides its code: the fingerprint and the site's config (renderer, themes). */
  renderFingerprint: string
}

const project = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../' : '../', import.meta.url))
/** The markdown-it instance VitePress hands to `markdown.config`, as VitePress declares it. */
export type MarkdownIt = Parameters<NonNullable<MarkdownOptions['config']>>[0]

/** The VitePress project (`site/`, its config in `.vitepress/`), from the sources or from `dist/`. */
export const siteRoot = resolve(project, 'site')

export function siteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const twoslashOptions: TwoslashOptions = {
    compilerOptions: { ...TWOSLASH_COMPILER_OPTIONS, types: [...TWOSLASH_COMPILER_OPTIONS.types] },
  }
  // The lockfile pins TypeScript, twoslash, @types/node and axios: a changed one invalidates every result.
  const lock = readFileSync(resolve(project, 'package-lock.json'))
  const fingerprint = hashParts([lock, JSON.stringify(twoslashOptions)])
  return {
    docs: resolve(project, env.SITE_DOCS ?? 'generated/docs'),
    out: resolve(project, env.SITE_OUT ?? 'site/.vitepress/dist'),
    cache: resolve(project, env.SITE_CACHE ?? 'node_modules/.cache/wechatpay-site'),
    ...(env.SITE_EDIT_LINK ? { editLink: env.SITE_EDIT_LINK } : {}),
    twoslashOptions,
    fingerprint,
    renderFingerprint: hashParts([fingerprint, readFileSync(resolve(project, 'site/.vitepress/config.ts')), readFileSync(resolve(project, 'site/twoslash-fragments.ts')), readFileSync(resolve(project, 'site/hover-markdown.ts'))]),
  }
}
