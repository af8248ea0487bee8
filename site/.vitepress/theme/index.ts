// The default theme plus the hovers twoslash renders, as static HTML shown by CSS.
import '@shikijs/twoslash/style-rich.css'
import type { Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'

export default {
  extends: DefaultTheme,
} satisfies Theme
