/** The in-app inbox of notices: a person reads only their own. */
import type { NoticeView } from '../../../../contracts/views'
import { actorOf } from '../../../context'
import type { Handlers } from '../../types'

/** The inbox shows the latest notices; older ones stay in the store. */
const INBOX_LIMIT = 100

export const noticeHandlers: Handlers<'notice.list' | 'notice.readAll'> = {
  'notice.list': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    const notices = await ctx.store.find('notices', { personId: person.id }, { orderBy: { field: 'at', direction: 'desc' }, limit: INBOX_LIMIT })
    const tickets = new Map((await ctx.store.getMany('tickets', [...new Set(notices.map((n) => n.ticketId))])).map((t) => [t.id, t]))
    const views: NoticeView[] = notices.flatMap((n) => {
      const t = tickets.get(n.ticketId)
      return t ? [{ id: n.id, ticketId: n.ticketId, kind: t.kind, category: t.category, action: n.action, status: n.status, at: n.at, read: n.read }] : []
    })
    return { notices: views, unread: await ctx.store.count('notices', { personId: person.id, read: false }) }
  },

  'notice.readAll': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    const unread = await ctx.store.find('notices', { personId: person.id, read: false })
    for (const n of unread) await ctx.store.replace('notices', { ...n, read: true })
    return { unread: 0 }
  },
}
