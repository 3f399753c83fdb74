/** In-app notifications: every ticket status change, to the people concerned. One rule: only one's own. */
import { z } from 'zod'
import { defineAction, noInput } from '../action'
import type { AccountNoticeView, NotificationView } from '../views'

export const notificationActions = {
  'notification.list': defineAction<{ notifications: (NotificationView | AccountNoticeView)[]; unread: number }>()({ input: noInput }),
  /** Marks all of the caller's notifications read. */
  'notification.readAll': defineAction<{ unread: 0 }>()({ input: z.object({}).strict(), write: true }),
  /**
   * wechat-notify: the subscribe-message template ids the deployment configured, per event, for
   * wx.requestSubscribeMessage (the weapp asks for them at the moments a person expects news).
   */
  'notification.subscribeTemplates': defineAction<{ templates: Partial<Record<import('../../core/subscribe').SubscribeEvent, string>> }>()({ input: noInput }),
}
