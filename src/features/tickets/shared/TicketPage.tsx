/** A ticket page's body: loads the ticket and the categories, then the detail. */
import { useRouter } from '@tarojs/taro'
import { Loadable } from '../../../components/State'
import { TicketDetail } from './TicketDetail'
import { useCategories, useTicket } from './useTicket'

/** `handler`: the cadre subpackage's page (who reported it, with a call button). */
export const TicketPage = ({ handler = false }: { handler?: boolean }) => {
  const id = useRouter().params.id ?? ''
  const ticket = useTicket(id)
  const categories = useCategories()
  return (
    <Loadable state={ticket.state} onRetry={ticket.reload}>
      {(t) => <TicketDetail key={`${t.id}-${t.version}`} handler={handler} ticket={t} category={categories.state.status === 'ready' ? categories.state.data.find((c) => c.id === t.category) : undefined} />}
    </Loadable>
  )
}
