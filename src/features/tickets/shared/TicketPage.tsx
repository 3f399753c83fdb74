/** A ticket page's body: loads the ticket and the categories, then the detail. */
import { useRouter } from '@tarojs/taro'
import { Loadable } from '../../../components/State'
import { TicketDetail } from './TicketDetail'
import { useCategories, useTicket } from './useTicket'

export const TicketPage = () => {
  const id = useRouter().params.id ?? ''
  const ticket = useTicket(id)
  const categories = useCategories()
  return (
    <Loadable state={ticket.state} onRetry={ticket.reload}>
      {(t) => <TicketDetail key={`${t.id}-${t.version}`} ticket={t} category={categories.state.status === 'ready' ? categories.state.data.find((c) => c.id === t.category) : undefined} />}
    </Loadable>
  )
}
