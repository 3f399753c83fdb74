/** For a village party secretary: the village's open tickets, below their own villager home. */
import { Section } from '../../../components/Section'
import { Loadable } from '../../../components/State'
import type { MeView } from '../../../contracts'
import { msg } from '../../../i18n'
import { TicketList } from '../shared/TicketList'
import { useTickets } from '../shared/useTickets'

export const VillageTickets = ({ me }: { me?: MeView }) => {
  const { state, reload } = useTickets(true)
  return (
    <Section title={msg.tickets.villageTitle} className='village-tickets'>
      <Loadable state={state} onRetry={reload} isEmpty={(l) => l.length === 0} emptyText={msg.tickets.villageEmpty}>
        {(list) => <TicketList tickets={list} viewer={me} />}
      </Loadable>
    </Section>
  )
}
