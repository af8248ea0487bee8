import { describe, expect, test } from 'vitest'
import { VFile } from 'vfile'
import { readExample } from '../../generator/parse/read-example.js'
import type { IrExample } from '../../generator/ir/types.js'

const place = { line: 10, column: 1 }
const argumentOf = (code: string, label = '同步声明式', fragment = false) => {
  const file = new VFile({ path: 'x.md' })
  const example = readExample(file, label, code, place, fragment)
  return { example, messages: file.messages.map((m) => m.ruleId) }
}
const call = (arg: string) => `$response = $instance->chain('v3/a/{b}')->post(${arg});\nprint_r(json_decode((string) $response->getBody(), true));`
const s = (value: string): IrExample => ({ kind: 'string', value })
const n = (value: number): IrExample => ({ kind: 'number', value })
const map = (entries: Record<string, IrExample>): IrExample => ({ kind: 'map', entries: Object.entries(entries).map(([key, value]) => ({ key, value })) })

describe('readExample > PHP literals', () => {
  const cases: Array<[string, { given: string; want: IrExample }]> = [
    ['single-quoted string', { given: `['a' => '1900000100']`, want: map({ a: s('1900000100') }) }],
    ['double-quoted string', { given: `['a' => "x"]`, want: map({ a: s('x') }) }],
    ['int, float, negative', { given: `['a' => 888, 'b' => 0.4, 'c' => -1]`, want: map({ a: n(888), b: n(0.4), c: n(-1) }) }],
    ['true', { given: `['security' => true]`, want: map({ security: { kind: 'boolean', value: true } }) }],
    ['list of maps with a trailing comma', { given: `['l' => [['x' => 1,],]]`, want: map({ l: { kind: 'list', items: [map({ x: n(1) })] } }) }],
    ['scalar list', { given: `['l' => ['a', 'b']]`, want: map({ l: { kind: 'list', items: [s('a'), s('b')] } }) }],
    ['empty array', { given: `[]`, want: { kind: 'list', items: [] } }],
    ['json_encode nested', { given: `['d' => \\json_encode(['k' => \\json_encode(['v' => 1])])]`, want: map({ d: { kind: 'call', callee: 'json_encode', args: [map({ k: { kind: 'call', callee: 'json_encode', args: [map({ v: n(1) })] } })] } }) }],
    ['urlencode of a static call', { given: `['r' => \\urlencode(\\WeChatPay\\Formatter::queryStringLike(['a' => 'b']))]`, want: map({ r: { kind: 'call', callee: 'urlencode', args: [{ kind: 'call', callee: 'WeChatPay\\Formatter::queryStringLike', args: [map({ a: s('b') })] }] } }) }],
    ['opaque expression', { given: `['body' => $media->getStream()]`, want: map({ body: { kind: 'expression', text: '$media->getStream()' } }) }],
    ['comment after a value', { given: `['base_uri' => 'https://apihk.mch.weixin.qq.com/', // 接入点\n]`, want: map({ base_uri: s('https://apihk.mch.weixin.qq.com/') }) }],
  ]
  test.each(cases)('%s', (_, { given, want }) => {
    const { example, messages } = argumentOf(call(given))
    expect(example.argument).toEqual(want)
    expect(example.call).toEqual({ uri: 'v3/a/{b}', method: 'post', style: 'declarative' })
    expect(messages).toEqual([])
  })
})

describe('readExample > calls and tabs', () => {
  test('chain style', () => {
    const { example } = argumentOf(`$instance->v3->combineTransactions->outTradeNo->_combine_out_trade_no_->close->postAsync([])\n->wait();`, '异步纯链式')
    expect(example.call).toEqual({ uri: 'v3/combineTransactions/outTradeNo/_combine_out_trade_no_/close', method: 'postAsync', style: 'chain' })
  })
  test('property style', () => {
    const { example } = argumentOf(`$response = $instance['v3/x']->get(['query' => ['a' => '1']]);`, '同步属性式')
    expect(example.call).toEqual({ uri: 'v3/x', method: 'get', style: 'property' })
  })
  test('a variable bound earlier is resolved', () => {
    const { example } = argumentOf(`$params = ['a' => '1'];\n$response = $instance->chain('v2/x')->get(['query' => $params]);`)
    expect(example.argument).toEqual(map({ query: map({ a: s('1') }) }))
  })
  test('status code of an empty response', () => {
    const { example } = argumentOf(`$response = $instance->chain('v3/x')->delete([]);\nprint_r($response->getStatusCode() === 204);`)
    expect(example.statusCode).toBe(204)
  })
  test('fragment tabs are wrapped in an array', () => {
    const { example } = argumentOf(`'a' => 'x',\n'b' => 2,`, '1000(现金营销)', true)
    expect(example.group).toBe('fragment')
    expect(example.argument).toEqual(map({ a: s('x'), b: n(2) }))
  })
  test('webhook handler is no SDK call and no anomaly', () => {
    const { example, messages } = argumentOf(`$x = 1;`, '处理程序')
    expect(example.group).toBe('other')
    expect(messages).toEqual([])
  })
  test.each([
    ['the corpus handler', `$inBodyResource = \\WeChatPay\\Crypto\\AesGcm::decrypt($ciphertext, $apiv3Key, $nonce, $aad);
$inBodyResourceArray = (array)\\json_decode($inBodyResource, true);
$inBodyArray['resource']['original_data'] = $inBodyResourceArray;`, ['resource', 'original_data']],
    ['other names, one key', `$plain = AesGcm::decrypt($c, $k, $n, $a);\n$data = json_decode($plain, true);\n$body[ 'decoded' ] = $data;`, ['decoded']],
    ['decrypted but only printed', `$plain = AesGcm::decrypt($c, $k, $n, $a);\nprint_r(json_decode($plain, true));`, undefined],
    ['another value stored', `$plain = AesGcm::decrypt($c, $k, $n, $a);\n$data = json_decode($plain, true);\n$body['x'] = $other;`, undefined],
  ])('webhook handler > where the decrypted resource is stored: %s', (_, code, want) => {
    expect(argumentOf(code, '处理程序').example.decryptedAt).toEqual(want)
  })
  test('unknown tab label', () => {
    expect(argumentOf(`$x = 1;`, '其他').messages).toEqual(['example-label'])
  })
  test('broken PHP is a diagnostic, not a throw', () => {
    const { messages } = argumentOf(`$response = $instance->chain('v3/x')->post([ 'a' => `)
    expect(messages).toContain('example-syntax')
  })
})
