/** 我的事项: the caller's tickets, newest first, reloaded whenever the tab is shown again. */
import { Section } from '../../../components/Section'
import { Loadable } from '../../../components/State'
import type { MeView } from '../../../contracts'
import { msg } from '../../../i18n'
import { TicketList } from '../shared/TicketList'
import { useReloadOnReturn } from '../../../services/useCall'
import { useTickets } from '../shared/useTickets'

/** With `me` (a cadre's or a secretary's 我的事项): the tickets he handles name their household (look-a). */
export const MyTickets = ({ me }: { me?: MeView }) => {
  const { state, reload } = useTickets()
  useReloadOnReturn(reload)
  return (
    <Section title={msg.tickets.myTitle} className='my-tickets'>
      <Loadable state={state} onRetry={reload} isEmpty={(l) => l.length === 0} emptyText={msg.tickets.myEmpty}>
        {(list) => <TicketList tickets={[...list].sort((a, b) => b.createdAt - a.createdAt)} viewer={me} />}
      </Loadable>
    </Section>
  )
}
