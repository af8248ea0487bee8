// The default theme, twoslash's rich-renderer styles, the twoslash fragments loaded into each page, and hover popups
// shown above the page.
import '@shikijs/twoslash/style-rich.css'
import { onContentUpdated, type Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'
import { showHoverPopups } from './hover-popups.js'
import { loadFragments } from './load-fragments.js'
import './site.css'

export default {
  extends: DefaultTheme,
  enhanceApp() {
    if (typeof document !== 'undefined') showHoverPopups(document)
  },
  setup() {
    onContentUpdated(() => void loadFragments(document))
  },
} satisfies Theme
