/** In-app notices: every ticket status change, to the people concerned. One rule: only one's own. */
import { z } from 'zod'
import { defineAction, noInput } from '../action'
import type { NoticeView } from '../views'

export const noticeActions = {
  'notice.list': defineAction<{ notices: NoticeView[]; unread: number }>()({ input: noInput }),
  /** Marks all of the caller's notices read. */
  'notice.readAll': defineAction<{ unread: 0 }>()({ input: z.object({}).strict(), write: true }),
}
