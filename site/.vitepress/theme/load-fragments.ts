import { withBase } from 'vitepress'

/** Replaces each twoslash block's plain code with its rendered fragment (hovers, highlights), fetched once. */
export async function loadFragments(root: ParentNode): Promise<void> {
  const blocks = root.querySelectorAll<HTMLElement>('.twoslash-fragment[data-fragment]:not([data-loaded])')
  await Promise.all(
    Array.from(blocks, async (block) => {
      block.dataset.loaded = 'pending'
      const response = await fetch(withBase(`/code/${block.dataset.fragment}`))
      if (!response.ok) return void (block.dataset.loaded = 'failed')
      block.innerHTML = await response.text()
      block.dataset.loaded = 'done'
    }),
  )
}
