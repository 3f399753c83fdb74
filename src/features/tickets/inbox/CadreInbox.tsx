/** 工单: a cadre's open tickets, overdue first, with deadline countdowns; tap to work one. */
import { Section } from '../../../components/Section'
import { Loadable } from '../../../components/State'
import { msg } from '../../../i18n'
import { useCall, useReloadOnReturn } from '../../../services/useCall'
import type { MeView } from '../../../contracts'
import { HANDLER_TICKET_PAGE, TicketList } from '../shared/TicketList'

export { HANDLER_TICKET_PAGE } from '../shared/TicketList'

/** With `me`: each row names the household and the reporter (look-a). */
export const CadreInbox = ({ me }: { me?: MeView }) => {
  const { state, reload } = useCall('ticket.inbox', {})
  useReloadOnReturn(reload)
  return (
    <Section title={msg.ticketLoop.inboxTitle} className='cadre-inbox'>
      <Loadable state={state} onRetry={reload} isEmpty={(l) => l.length === 0} emptyText={msg.ticketLoop.inboxEmpty}>
        {(list) => <TicketList tickets={list} detailPage={HANDLER_TICKET_PAGE} viewer={me} />}
      </Loadable>
    </Section>
  )
}
