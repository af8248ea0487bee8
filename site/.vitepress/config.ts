// The docs site over generated/docs: VitePress with twoslash, type-checking each block as it renders.
import { transformerTwoslash } from '@shikijs/vitepress-twoslash'
import { defineConfig } from 'vitepress'
import { TWOSLASH_COMPILER_OPTIONS } from '../../generator/emit/docs/twoslash-options.js'

export default defineConfig({
  title: 'wechatpay-codegen',
  description: 'WeChat Pay API pages generated from the wechatpay.im docs, with types checked by twoslash',
  srcDir: '../generated/docs',
  outDir: '../dist/site',
  cacheDir: '../node_modules/.cache/vitepress',
  cleanUrls: false,
  markdown: {
    codeTransformers: [
      transformerTwoslash({
        twoslashOptions: { compilerOptions: { ...TWOSLASH_COMPILER_OPTIONS, types: [...TWOSLASH_COMPILER_OPTIONS.types] } },
      }),
    ],
    languages: ['js', 'ts'],
  },
})
