// The docs site over generated/docs: VitePress with twoslash, type-checking each block as it renders.
import { transformerTwoslash } from '@shikijs/twoslash'
import { createFileSystemTypesCache } from '@shikijs/vitepress-twoslash/cache-fs'
import { resolve } from 'node:path'
import { defineConfig } from 'vitepress'
import { TWOSLASH_COMPILER_OPTIONS } from '../../generator/emit/docs/twoslash-options.js'

const docs = resolve(process.env.SITE_DOCS ?? 'generated/docs')
const twoslash = transformerTwoslash({
  explicitTrigger: true,
  langs: ['js', 'ts'],
  typesCache: process.env.SITE_FSCACHE ? createFileSystemTypesCache({ dir: process.env.SITE_FSCACHE }) : undefined,
  twoslashOptions: { compilerOptions: { ...TWOSLASH_COMPILER_OPTIONS, types: [...TWOSLASH_COMPILER_OPTIONS.types] } },
})
let spent = 0
let blocks = 0
const timed = process.env.SITE_PROFILE
  ? {
      ...twoslash,
      preprocess(this: any, code: string, options: any) {
        const t = performance.now()
        const r = (twoslash.preprocess as any).call(this, code, options)
        spent += performance.now() - t
        blocks++
        if (blocks % 20 === 0) console.error(`[twoslash] ${blocks} blocks, ${(spent / 1000).toFixed(1)} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`)
        return r
      },
    }
  : twoslash

export default defineConfig({
  title: 'wechatpay-codegen',
  srcDir: docs,
  outDir: '../dist/site',
  cacheDir: '../node_modules/.cache/vitepress',
  cleanUrls: false,
  vite: {
    plugins: [
      {
        name: 'pages-resolve-from-site',
        enforce: 'pre',
        async resolveId(source: string, importer: string | undefined) {
          if (!importer?.startsWith(docs) || source.startsWith('.') || source.startsWith('/') || source.startsWith('\0')) return null
          return this.resolve(source, resolve('site/.vitepress/config.ts'), { skipSelf: true })
        },
      },
    ],
  },
  markdown: {
    codeTransformers: [timed],
    languages: ['js', 'ts'],
  },
})
