/** Text safe inside a table cell and outside any markup. */
export function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '&#96;')
    .replace(/\n/g, '<br/>')
}

/** `[label](url)` with the label's brackets escaped and the URL's spaces and parentheses encoded. */
export function markdownLink(label: string, url: string): string {
  return `[${cell(label).replace(/[[\]]/g, '\\$&')}](${url.replace(/[ ()]/g, encodeURIComponent)})`
}
