import type { IrField, IrWebhook } from '../../ir/types.js'
import { bodyFields, notificationShape, payloadFields, receivedObject, type NotificationShape } from '../client/notification-shape.js'
import { reference, typed, type CallSignature, type Interface, type Method, type Parameter, type Property, type TypeAlias, type TypeNode } from '../types/declarations.js'
import { quote } from '../types/identifiers.js'
import { Kind } from '../types/structure-kinds.js'

/** The handler example of a notification, and what virtual.ts must declare for it. */
export interface WebhookExample {
  code: string
  declared: Map<string, TypeNode>
  /** The receiver's types as this page sees them, for the values and JSDoc types the handler uses. */
  aliases: Array<TypeAlias | Interface>
}

/**
 * A node:http handler that copies as it is: it hands `req.headers` (names in lower case, as Node gives them) and the
 * raw body to the generated receiver, which verifies and decrypts; it uses the typed result and sends the reply the
 * gateway expects, a failure one when the receiver refused the notification.
 */
export function webhookExample(op: IrWebhook): WebhookExample {
  const shape = notificationShape(op)
  if (!shape) return unreceivable(op)
  const v3 = shape.protocol === 'v3'
  const gcm = shape.protocol === 'v2' && shape.rules.encrypted?.via === 'aes-gcm'
  const keys = v3 ? ['apiv3Key', 'certs'] : gcm ? ['secret', 'apiv3Key'] : ['secret']
  const reply = v3 ? 'replyV3' : 'replyV2'
  const handling = v3 ? v3Handling(op, shape) : v2Handling(op, shape)
  const code = [
    "import { buffer } from 'node:stream/consumers'",
    '',
    `const receive = createNotificationReceiver({ ${keys.join(', ')} })`,
    '',
    '/**',
    " * @param {import('node:http').IncomingMessage} req",
    " * @param {import('node:http').ServerResponse} res",
    ' */',
    'export async function onNotification(req, res) {',
    '  let reply',
    '  try {',
    ...handling.map((line) => `    ${line}`),
    `    reply = ${reply}()`,
    '  } catch (error) {',
    '    // Refused (its `code` says why) or not handled: the failure reply makes WeChat Pay send it again.',
    `    reply = ${reply}(error)`,
    '  }',
    '  res.writeHead(reply.status, reply.headers).end(reply.body)',
    '}',
  ].join('\n')
  return { code, ...receiverDeclarations(shape, keys, reply) }
}

function v3Handling(op: IrWebhook, shape: Extract<NotificationShape, { protocol: 'v3' }>): string[] {
  const own = shape.eventTypes.includes(op.event) ? op.event : shape.eventTypes[0]!
  const names = bindable(payloadFields(op, ['resource', 'ciphertext']))
  return [
    '// `req.headers` as Node gives them: the receiver reads `wechatpay-signature` and the others in lower case.',
    'const event = await receive(req.headers, await buffer(req))',
    `if (event.event_type === ${quote(own)}) {`,
    names.length > 0 ? `  const { ${names.join(', ')} } = event.resource // [!code hl]` : '  const { resource } = event // [!code hl]',
    '}',
  ]
}

function v2Handling(op: IrWebhook, shape: Extract<NotificationShape, { protocol: 'v2' }>): string[] {
  const encrypted = shape.rules.encrypted
  const names = bindable(encrypted ? payloadFields(op, [encrypted.field]) : bodyFields(op).filter((f) => f.name !== 'sign'))
  const receiving = `await receive.v2(${quote(op.event)}, await buffer(req))`
  if (names.length === 0) return [`const { notification } = ${receiving} // [!code hl]`]
  return encrypted
    ? [`const { decrypted } = ${receiving}`, `const { ${names.join(', ')} } = decrypted // [!code hl]`]
    : [`const { notification } = ${receiving}`, `const { ${names.join(', ')} } = notification // [!code hl]`]
}

/** Up to three fields whose names can be bindings, required ones first: what a handler would read first. */
function bindable(fields: IrField[]): string[] {
  const named = fields.filter((f) => /^[a-z_][a-z0-9_]*$/.test(f.name))
  return [...named.filter((f) => f.required), ...named.filter((f) => !f.required)].slice(0, 3).map((f) => f.name)
}

/** The receiver, its options and its replies, declared for the page: a virtual.ts cannot import the client. */
function receiverDeclarations(shape: NotificationShape, keys: string[], reply: string): Omit<WebhookExample, 'code'> {
  const declared = new Map<string, TypeNode>([
    ['createNotificationReceiver', reference('CreateNotificationReceiver')],
    [reply, reference('Reply')],
  ])
  const options: Record<string, TypeNode> = {
    apiv3Key: reference('string'),
    certs: { kind: 'object', members: [], index: "[serial: string]: import('crypto').KeyLike" },
    secret: reference('string'),
  }
  for (const key of keys) declared.set(key, options[key]!)
  const parameter = (name: string, type: TypeNode, optional = false): Parameter => ({ kind: Kind.Parameter, name, hasQuestionToken: optional, type: typed(type) })
  const call = (parameters: Parameter[], returns: TypeNode): CallSignature => ({ kind: Kind.CallSignature, docs: [], parameters, returnType: typed(returns) })
  const body = parameter('body', reference('Buffer'))
  const promise: TypeNode = { kind: 'generic', name: 'Promise', args: [reference('Notification')] }
  const property = (key: string, type: TypeNode): Property => ({ kind: Kind.PropertySignature, name: key, hasQuestionToken: false, type: typed(type), docs: [] })
  const face = (name: string, members: { calls?: CallSignature[]; properties?: Property[]; methods?: Method[] }): Interface => ({
    kind: Kind.Interface,
    isExported: true,
    name,
    docs: [],
    extends: [],
    callSignatures: members.calls ?? [],
    properties: members.properties ?? [],
    methods: members.methods ?? [],
  })
  const receiver =
    shape.protocol === 'v3'
      ? face('NotificationReceiver', { calls: [call([parameter('headers', reference("import('http').IncomingHttpHeaders")), body], promise)] })
      : face('NotificationReceiver', { methods: [{ kind: Kind.MethodSignature, name: 'v2', docs: [], parameters: [parameter('name', { kind: 'literal', text: quote(shape.event) }), body], returnType: typed(promise) }] })
  const aliases: Array<TypeAlias | Interface> = [
    { kind: Kind.TypeAlias, isExported: true, name: 'Notification', docs: [], type: typed(receivedObject(shape)) },
    receiver,
    face('NotificationReceiverOptions', { properties: keys.map((k) => property(k, options[k]!)) }),
    face('CreateNotificationReceiver', { calls: [call([parameter('options', reference('NotificationReceiverOptions'))], reference('NotificationReceiver'))] }),
    face('ReplyValue', { properties: [property('status', reference('number')), property('headers', { kind: 'object', members: [], index: '[name: string]: string' }), property('body', reference('string'))] }),
    face('Reply', { calls: [call([parameter('error', reference('unknown'), true)], reference('ReplyValue'))] }),
  ]
  return { declared, aliases }
}

/** A page the receiver cannot take (no body table, or nothing that proves an APIv2 notification came from WeChat Pay). */
function unreceivable(op: IrWebhook): WebhookExample {
  return { code: `// ${op.title}: the docs give nothing the receiver could verify this notification by.`, declared: new Map(), aliases: [] }
}
