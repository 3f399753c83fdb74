/** The in-app inbox of notifications: a person reads only their own. */
import type { AccountNoticeView, NotificationView } from '../../../../contracts/views'
import { actorOf } from '../../../context'
import { columnsAs, docAs } from '../../../storage/joins'
import type { Handlers } from '../../types'
import { SUBSCRIBE_EVENTS, type SubscribeEvent } from '../../../../core/subscribe'

/** The inbox shows the latest notifications; older ones stay in the store. */
const INBOX_LIMIT = 100

export const notificationHandlers: Handlers<'notification.list' | 'notification.readAll' | 'notification.subscribeTemplates'> = {
  // Any signed-in person: the ids are the mini-program's public template ids, no one's data.
  'notification.subscribeTemplates': async (_input, ctx) => {
    actorOf(ctx)
    const templates: Partial<Record<SubscribeEvent, string>> = {}
    for (const event of SUBSCRIBE_EVENTS) {
      const id = ctx.settings.subscribe.templates[event].templateId
      if (id) templates[event] = id
    }
    return { templates }
  },

  'notification.list': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    // The latest notices with their ticket's kind and category (one statement), and the unread count.
    const [rows, unread] = await Promise.all([
      ctx.store.db
        .selectFrom('notifications as n')
        // A notice about the account (unbinding) has no ticket: a left join keeps it.
        .leftJoin('tickets as t', 't.id', 'n.ticketId')
        .select([...columnsAs('notifications', 'n', 'n_'), 't.kind as kind', 't.category as category'])
        .where('n.personId', '=', person.id)
        .orderBy('n.at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(INBOX_LIMIT)
        .execute(),
      ctx.store.count('notifications', { personId: person.id, read: false }),
    ])
    const views: (NotificationView | AccountNoticeView)[] = (rows as Record<string, unknown>[]).flatMap((row): (NotificationView | AccountNoticeView)[] => {
      const n = docAs('notifications', row, 'n_')
      if (!n) return []
      if (n.action === 'unbound') return [{ about: 'unbound', id: n.id, ticketId: null, status: null, note: n.note ?? '', at: n.at, read: n.read }]
      // A ticket notice whose ticket is gone (never expected) or carries no status is left out.
      if (row.kind == null || n.status === '') return []
      return [{ about: 'ticket', id: n.id, ticketId: n.ticketId, kind: row.kind as NotificationView['kind'], category: String(row.category), action: n.action, status: n.status, at: n.at, read: n.read }]
    })
    return { notifications: views, unread }
  },

  'notification.readAll': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    // One statement, on the (personId, read) index.
    await ctx.store.db.updateTable('notifications').set({ read: 1 }).where('personId', '=', person.id).where('read', '=', 0).execute()
    return { unread: 0 }
  },
}
