/** 工单: a cadre's open tickets, overdue first, with deadline countdowns; tap to work one. */
import { Section } from '../../../components/Section'
import { Loadable } from '../../../components/State'
import { msg } from '../../../i18n'
import { useCall, useReloadOnReturn } from '../../../services/useCall'
import { TicketList } from '../shared/TicketList'

export const HANDLER_TICKET_PAGE = '/subpackages/cadre/pages/ticket/index'

export const CadreInbox = () => {
  const { state, reload } = useCall('ticket.inbox', {})
  useReloadOnReturn(reload)
  return (
    <Section title={msg.ticketLoop.inboxTitle} className='cadre-inbox'>
      <Loadable state={state} onRetry={reload} isEmpty={(l) => l.length === 0} emptyText={msg.ticketLoop.inboxEmpty}>
        {(list) => <TicketList tickets={list} detailPage={HANDLER_TICKET_PAGE} />}
      </Loadable>
    </Section>
  )
}
