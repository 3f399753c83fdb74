/** 消息: the in-app notifications of status changes on my tickets (and those I follow). Selector: `.notices`. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/Button'
import { formatDate } from '../../../components/format'
import { Section } from '../../../components/Section'
import { Loadable } from '../../../components/State'
import { msg } from '../../../i18n'
import { useCall } from '../../../services/useCall'
import { useSubmit } from '../../../services/useSubmit'
import { categoryName } from '../shared/words'

const m = msg.ticketLoop

export const NotificationInbox = ({ detailPage = '/pages/ticket/index' }: { detailPage?: string }) => {
  const { state, reload } = useCall('notification.list', {})
  const markRead = useSubmit('notification.readAll')
  const readAll = async () => {
    if (await markRead.submit({})) reload()
  }
  return (
    <Section title={state.status === 'ready' && state.data.unread ? `${m.noticesTitle}（${m.unread(state.data.unread)}）` : m.noticesTitle} className='notices'>
      <Loadable state={state} onRetry={reload} isEmpty={(d) => d.notifications.length === 0} emptyText={m.noticesEmpty}>
        {(d) => (
          <View>
            {d.notifications.slice(0, 10).map((n) =>
              n.about === 'unbound' ? (
                <View key={n.id} className={`notice-row notice-row--account ${n.read ? '' : 'notice-row--unread'}`}>
                  <Text>{msg.unbound.notice(n.note)}</Text>
                  <Text className='mq-hint'>{formatDate(n.at)}</Text>
                </View>
              ) : (
                <View key={n.id} className={`notice-row ${n.read ? '' : 'notice-row--unread'}`} onClick={() => void Taro.navigateTo({ url: `${detailPage}?id=${n.ticketId}` })}>
                  <Text>{m.notice(msg.tickets.kind[n.kind], categoryName(n.category), msg.tickets.status[n.status])}</Text>
                  <Text className='mq-hint'>{formatDate(n.at)}</Text>
                </View>
              ),
            )}
            {d.unread ? (
              <Button kind='plain' className='read-all' onClick={() => void readAll()}>
                {m.readAll}
              </Button>
            ) : null}
          </View>
        )}
      </Loadable>
    </Section>
  )
}
