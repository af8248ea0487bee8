// The default theme, the hovers twoslash renders (static HTML shown by CSS) and room for wide parameter tables.
import '@shikijs/twoslash/style-rich.css'
import type { Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'
import './wide-tables.css'

export default {
  extends: DefaultTheme,
} satisfies Theme
