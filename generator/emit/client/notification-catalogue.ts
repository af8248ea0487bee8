import { builders } from 'prettier/doc'
import { jsDoc, typed, type Declaration } from '../types/declarations.js'
import { Kind } from '../types/structure-kinds.js'
import { propertyKey, quote } from '../types/identifiers.js'
import type { Doc } from '../types/print-declarations.js'
import { receivedType, type NotificationShape } from './notification-shape.js'

const { group, ifBreak, indent, join, line, softline } = builders

/**
 * `Notification`, the union of every APIv3 notification (told apart by `event_type`), and `NotificationsV2`, the
 * APIv2 notifications by page.
 */
export function notificationDeclarations(shapes: NotificationShape[]): Declaration[] {
  const v3 = shapes.filter((s) => s.protocol === 'v3').map(receivedType)
  const v2 = shapes.filter((s) => s.protocol === 'v2')
  return [
    {
      kind: Kind.TypeAlias,
      isExported: true,
      name: 'Notification',
      docs: jsDoc(['Every APIv3 notification of the docs, verified and decrypted: `event_type` tells them apart.']),
      type: typed(v3.length === 0 ? { kind: 'reference', name: 'never' } : v3.length === 1 ? v3[0]! : { kind: 'union', types: v3 }),
    },
    {
      kind: Kind.Interface,
      isExported: true,
      name: 'NotificationsV2',
      docs: jsDoc(['Every APIv2 notification of the docs, by page: `receive.v2(page, rawBody)`.']),
      extends: [],
      callSignatures: [],
      properties: v2.map((s) => ({ kind: Kind.PropertySignature, name: propertyKey(s.event), hasQuestionToken: false, type: typed(receivedType(s)), docs: [] })),
      methods: [],
    },
  ]
}

/** `const CATALOGUE`: what the receiver must know of the docs at run time, laid out as prettier lays it out. */
export function catalogueDoc(shapes: NotificationShape[]): Doc {
  const v3 = [...new Set(shapes.flatMap((s) => (s.protocol === 'v3' ? s.eventTypes : [])))].sort()
  const v2 = Object.fromEntries(shapes.flatMap((s) => (s.protocol === 'v2' ? [[s.event, s.rules]] : [])))
  return ['const CATALOGUE: NotificationCatalogue = ', valueDoc({ v3, v2: v2 as Value })]
}

type Value = string | Value[] | { [key: string]: Value | undefined }

/** Objects stay broken (prettier keeps an object broken when its first key is on a new line); arrays fit or break. */
function valueDoc(value: Value): Doc {
  if (typeof value === 'string') return quote(value)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return group(['[', indent([softline, join([',', line], value.map(valueDoc))]), ifBreak(','), softline, ']'])
  }
  const entries = Object.entries(value).flatMap(([key, v]) => (v === undefined ? [] : [[propertyKey(key), ': ', valueDoc(v)]]))
  if (entries.length === 0) return '{}'
  return group(['{', indent([line, join([',', line], entries)]), ifBreak(','), line, '}'], { shouldBreak: true })
}
