/**
 * Twoslash's rich renderer puts each token's popup inside the code block, whose sideways scrolling would clip it.
 * One listener on the document shows a copy of the hovered token's popup in a layer above the page instead, placed
 * under the token (above it near the window's bottom), and keeps it while the pointer is on it.
 */
export function showHoverPopups(document: Document): void {
  const layer = document.createElement('div')
  // `twoslash` so that the rich renderer's own styles (docs, tags) apply to the copy.
  layer.className = 'twoslash twoslash-floating-popup'
  layer.hidden = true
  let token: Element | undefined
  let hideTimer: ReturnType<typeof setTimeout> | undefined

  const hide = () => {
    hideTimer = setTimeout(() => {
      layer.hidden = true
      token = undefined
    }, 150)
  }
  document.addEventListener('mouseover', (event) => {
    const target = event.target instanceof Element ? event.target : null
    if (target && layer.contains(target)) return clearTimeout(hideTimer)
    const hovered = target?.closest('.twoslash-hover, .twoslash-error-hover')
    const popup = hovered?.querySelector(':scope > .twoslash-popup-container')
    if (!hovered || !popup) return token && hide()
    clearTimeout(hideTimer)
    if (hovered === token) return
    token = hovered
    if (!layer.isConnected) document.body.append(layer)
    layer.replaceChildren(...Array.from(popup.childNodes, (node) => node.cloneNode(true)))
    layer.hidden = false
    const box = hovered.getBoundingClientRect()
    const below = box.bottom + layer.offsetHeight + 8 < window.innerHeight
    layer.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - layer.offsetWidth - 8)) + window.scrollX}px`
    layer.style.top = `${(below ? box.bottom + 4 : box.top - layer.offsetHeight - 4) + window.scrollY}px`
  })
}
