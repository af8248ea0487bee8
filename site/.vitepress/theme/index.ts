// The default theme, twoslash's rich-renderer styles, and hover popups shown above the page.
import '@shikijs/twoslash/style-rich.css'
import type { Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'
import { showHoverPopups } from './hover-popups.js'
import './site.css'

export default {
  extends: DefaultTheme,
  enhanceApp() {
    if (typeof document !== 'undefined') showHoverPopups(document)
  },
} satisfies Theme
