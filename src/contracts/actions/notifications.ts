/** In-app notifications: every ticket status change, to the people concerned. One rule: only one's own. */
import { z } from 'zod'
import { defineAction, noInput } from '../action'
import type { AccountNoticeView, NotificationView } from '../views'

export const notificationActions = {
  'notification.list': defineAction<{ notifications: (NotificationView | AccountNoticeView)[]; unread: number }>()({ input: noInput }),
  /** Marks all of the caller's notifications read. */
  'notification.readAll': defineAction<{ unread: 0 }>()({ input: z.object({}).strict(), write: true }),
}
