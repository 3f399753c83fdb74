/** The in-app inbox of notifications: a person reads only their own. */
import type { NotificationView } from '../../../../contracts/views'
import { actorOf } from '../../../context'
import type { Handlers } from '../../types'

/** The inbox shows the latest notifications; older ones stay in the store. */
const INBOX_LIMIT = 100

export const notificationHandlers: Handlers<'notification.list' | 'notification.readAll'> = {
  'notification.list': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    const notices = await ctx.store.find('notifications', { personId: person.id }, { orderBy: { field: 'at', direction: 'desc' }, limit: INBOX_LIMIT })
    const tickets = new Map((await ctx.store.getMany('tickets', [...new Set(notices.map((n) => n.ticketId))])).map((t) => [t.id, t]))
    const views: NotificationView[] = notices.flatMap((n) => {
      const t = tickets.get(n.ticketId)
      return t ? [{ id: n.id, ticketId: n.ticketId, kind: t.kind, category: t.category, action: n.action, status: n.status, at: n.at, read: n.read }] : []
    })
    return { notifications: views, unread: await ctx.store.count('notifications', { personId: person.id, read: false }) }
  },

  'notification.readAll': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    // One statement, on the (personId, read) index.
    await ctx.store.db.updateTable('notifications').set({ read: 1 }).where('personId', '=', person.id).where('read', '=', 0).execute()
    return { unread: 0 }
  },
}
