import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { hashParts } from '../generator/run/hash.js'
import type { MarkdownIt, SiteSettings } from './site-settings.js'
import { twoslashCache } from './twoslash-cache.js'

/** Where a built site serves the twoslash fragments from. */
export const FRAGMENTS = 'code'

/**
 * Moves each rendered twoslash block out of its page into a fragment file, named by the hash of its source, and leaves
 * in the page the block's code without hovers, which the theme replaces with the fragment once the page is shown.
 * Rendered into the pages, the corpus's hovers made Vite's bundles run out of a 4 GB heap; as fragments they are
 * files the bundler never sees. Fragments go to the cache's `fragments/` folder; `copyFragments` puts those a built
 * site links into its output.
 */
export function divertTwoslashBlocks(md: MarkdownIt, settings: SiteSettings): void {
  const fence = md.renderer.rules.fence!
  const cache = twoslashCache(settings)
  const folder = fragmentsFolder(settings)
  mkdirSync(folder, { recursive: true })
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index]!
    if (!/^js\s+twoslash\b/.test(token.info)) return fence(tokens, index, options, env, self)
    const file = join(folder, fragmentName(settings, token.info, token.content))
    let result = cache.read(token.content.trimEnd())
    // Rendering runs twoslash when the result is not in the cache, and writes it there.
    if (!result || !existsSync(file)) {
      writeFileAtomic.sync(file, fence(tokens, index, options, env, self), { fsync: false })
      result = cache.read(token.content.trimEnd())
    }
    const plain = `<pre class="shiki vp-code" v-pre><code>${md.utils.escapeHtml(result?.code ?? '')}</code></pre>`
    return `<div class="twoslash-fragment" data-fragment="${basename(file)}"><div class="language-js vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">js</span>${plain}</div></div>\n`
  }
}

/**
 * A rendered block's file name: named by what it is made from, so a block rendered before (by the prerender workers,
 * an earlier build, or for the other of VitePress's two bundles) is not rendered again.
 */
export function fragmentName(settings: SiteSettings, info: string, content: string): string {
  return `${hashParts([settings.renderFingerprint, info, content]).slice(0, 32)}.html`
}

/** Where rendered blocks wait for a build to copy them. */
export function fragmentsFolder(settings: SiteSettings): string {
  return join(settings.cache, 'fragments')
}

/**
 * Copies the fragments the site's pages name into `<out>/code/`, and removes those no page names any more (after a
 * build of some pages, the old versions of theirs); returns how many the pages name.
 */
export function copyFragments(settings: SiteSettings): number {
  const names = new Set<string>()
  const code = join(settings.out, FRAGMENTS)
  for (const entry of readdirSync(settings.out, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html') || entry.parentPath === code) continue
    for (const match of readFileSync(join(entry.parentPath, entry.name), 'utf8').matchAll(/data-fragment="([0-9a-f]{32}\.html)"/g)) names.add(match[1]!)
  }
  mkdirSync(code, { recursive: true })
  for (const name of readdirSync(code)) if (!names.has(name)) rmSync(join(code, name), { force: true })
  for (const name of names) copyFileSync(join(fragmentsFolder(settings), name), join(code, name))
  return names.size
}
