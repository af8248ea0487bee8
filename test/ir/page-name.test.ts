import { describe, expect, test } from 'vitest'
import { isPageName, pageAddress } from '../../generator/ir/page-address.js'
import { listPages } from '../../generator/run/list-pages.js'
import { corpusDir, docsDir, hasCorpus, historyDir, hasHistory } from '../helpers.js'

// Names a page may have: each maps to one identifier and one chain property by the documented rule.
const accepted = ['openapi/v3/fund-app/mch-transfer/{out_bill_no}.md', 'openapi/v2/secapi/pay/profitsharingreturn.md', 'openapi/v3/x/addInstitutionsub.md', 'openapi/v3/x/index.md', 'openapi/v3/mch_operate/a1.md', 'webhook/v3/REFUND.SUCCESS.md', 'webhook/v3/MEMBERCARDSP.USER_CARD.DELETE.md', 'webhook/v2/pap-contract-state-changed.md']

// The names of issue 12's finding 9, and a few more: none makes an identifier.
const refused = ['a b', 'a.b', '1abc', '{}', "a'b", 'a"b', 'a*b', 'a#b', '${x}', 'a%20b', 'a\u200bb', 'a.', 'a`b', 'a\nb', 'a\u2028b', 'a\\b', 'a-->b', 'a-1', '-a', 'a--b', 'A', 'Ab', 'a\u00e9']

describe('page names', () => {
  test.each(accepted)('accepts %s', (path) => expect(isPageName(path)).toBe(true))
  test.each(refused)('refuses %j as an endpoint folder, file or webhook', (name) => {
    expect(isPageName(`openapi/v3/pay/${name}.md`)).toBe(false)
    expect(isPageName(`openapi/v3/${name}/x.md`)).toBe(false)
    if (!/^[A-Z]+$/.test(name) && name !== 'Ab') expect(isPageName(`webhook/v3/${name}.md`)).toBe(false)
  })
  test('every operation page of docs/, the corpus and its history follows the rule', () => {
    const folders = [docsDir, ...(hasCorpus ? [corpusDir] : []), ...(hasHistory ? [historyDir] : [])]
    if (folders.length === 1) console.log('corpus and history pages not checked: ../shared is absent')
    for (const folder of folders) {
      const pages = listPages(folder)
      expect(pages.length).toBeGreaterThan(0)
      expect(pages.filter((page) => pageAddress(page) !== undefined && !isPageName(page)), folder).toEqual([])
    }
  })
})
