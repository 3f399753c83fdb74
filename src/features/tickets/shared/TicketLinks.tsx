/** Big links from a home screen into the ticket loop, by role. Selector: `.link-<key>`. */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '../../../components/Button'
import { msg } from '../../../i18n'

export const TICKET_LINKS = {
  inbox: '/subpackages/cadre/pages/inbox/index',
  fileFor: '/subpackages/cadre/pages/file-for/index',
  desk: '/subpackages/cadre/pages/desk/index',
  session: '/subpackages/office/pages/tickets/index',
} as const

export const TicketLinks = ({ show }: { show: (keyof typeof TICKET_LINKS)[] }) => (
  <View className='mq-section ticket-links'>
    {show.map((key) => (
      <Button key={key} kind='secondary' className={`link-${key}`} onClick={() => void Taro.navigateTo({ url: TICKET_LINKS[key] })}>
        {msg.ticketLoop.links[key]}
      </Button>
    ))}
  </View>
)
