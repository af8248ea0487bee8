import { createMarkdownRenderer } from 'vitepress'
import { describe, expect, test } from 'vitest'
import { breakInlineCodeAfterDots } from '../../site/inline-code-breaks.js'

// VitePress's own markdown renderer, with its inline-code rule, as the site has it.
const md = await createMarkdownRenderer(process.cwd())
breakInlineCodeAfterDots(md)

describe('inline code breaks after its dots', () => {
  test.each([
    ['a field path', '`resource.ciphertext.refund_id`', '<code>resource.<wbr>ciphertext.<wbr>refund_id</code>'],
    ['a name without dots', '`out_trade_no`', '<code>out_trade_no</code>'],
    ['a trailing dot or dots before a non-word', '`a. b..`', '<code>a. b..</code>'],
    ['escaped text stays escaped', '`a.<b>`', '<code>a.&lt;b&gt;</code>'],
    ['attributes untouched (a class with a dot keeps it)', '`x.y`{.c.d}', '<code class="c.d">x.<wbr>y</code>'],
  ])('%s', (_, src, want) => {
    expect(md.renderInline(src)).toBe(want)
  })
})
