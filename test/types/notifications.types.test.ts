// Compile-time guarantees of the notification receiver generated from docs/. `tsc --noEmit` in `npm test` checks this
// file: every `@ts-expect-error` must meet an error, and every `expectTypeOf` must hold. The calls sit in a function
// that never runs; the vitest case only makes the file part of the run.
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  createNotificationReceiver,
  replyV2,
  replyV3,
  type Notification,
  type NotificationReceiver,
  type NotificationsV2,
} from '../../generated/client.js'

import Return = WeChatPay.Webhook.V3.PROFITSHARING.RETURN
import Refund = WeChatPay.Webhook.V2.RefundProcessed

export async function guarantees(body: Buffer, headers: Record<string, string>) {
  const receive = createNotificationReceiver({ apiv3Key: '', certs: {}, secret: '' })
  expectTypeOf(receive).toEqualTypeOf<NotificationReceiver<Notification, NotificationsV2>>()

  const event = await receive(headers, body)
  // Narrowing by `event_type` reaches the page's own types: the notification as posted and its decrypted resource.
  if (event.event_type === 'PROFITSHARING.RETURN') {
    expectTypeOf(event.notification).toEqualTypeOf<Return.JsonDataRequest>()
    expectTypeOf(event.resource).toEqualTypeOf<Return.JsonDataRequestResourceCiphertext>()
    expectTypeOf(event.resource.result).toEqualTypeOf<'SUCCESS' | 'FAILED'>()
    expectTypeOf(event.resource.success_time).toEqualTypeOf<string | undefined>()
    // @ts-expect-error a field the page does not document.
    event.resource.refund_id
  }
  // @ts-expect-error an event no docs page describes: the comparison can never be true.
  if (event.event_type === 'REFUND.SUCCESS') return

  // APIv2: the page names the notification; its decrypted `req_info` is typed, as XML text (strings).
  const refund = await receive.v2('refund-processed', body)
  expectTypeOf(refund.notification).toEqualTypeOf<Refund.XmlDataRequest>()
  expectTypeOf(refund.decrypted).toEqualTypeOf<Refund.XmlDataRequestReqInfo>()
  expectTypeOf(refund.decrypted.refund_status).toEqualTypeOf<'SUCCESS' | 'CHANGE' | 'REFUNDCLOSE'>()
  expectTypeOf(refund.decrypted.total_fee).toEqualTypeOf<string>()
  // @ts-expect-error a page that is not an APIv2 notification.
  await receive.v2('PROFITSHARING.RETURN', body)
  // @ts-expect-error `req_info` holds no such field.
  refund.decrypted.sign

  // The replies: APIv3 204 or a 4XX/5XX failure with `code: 'FAIL'`; APIv2 XML `return_code`.
  const ok = replyV3()
  expectTypeOf(ok.status).toEqualTypeOf<204 | 400 | 401 | 500>()
  if (ok.status !== 204) expectTypeOf(ok.data).toEqualTypeOf<{ code: 'FAIL'; message: string }>()
  expectTypeOf(replyV2().data.return_code).toEqualTypeOf<'SUCCESS' | 'FAIL'>()

  // @ts-expect-error the APIv3 key is a string.
  createNotificationReceiver({ apiv3Key: 32 })
  // @ts-expect-error the body must be the raw bytes or text, not a parsed object.
  await receive(headers, { event_type: 'PROFITSHARING.RETURN' })
}

describe('generated notification receiver types', () => {
  it('types the receiver by the docs', () => {
    expect(typeof guarantees).toBe('function')
  })
})
