/**
 * The offline notice: shown while the network is down or while writes wait in the outbox, with
 * what is waiting and a button to send it now. Colour is never the only signal: it says it in words.
 */
import { Text, View } from '@tarojs/components'
import { flushOutbox } from '../services/outbox'
import { useOutbox } from '../services/useOutbox'
import { msg } from '../i18n'
import { Button } from './Button'
import './OfflineBanner.scss'

export const OfflineBanner = () => {
  const { online, items } = useOutbox()
  if (online && items.length === 0) return null
  const m = msg.outbox
  return (
    <View className='offline-banner' aria-live='polite'>
      {online ? null : <Text className='offline-banner__title'>{m.offline}</Text>}
      {items.length > 0 ? (
        <View className='offline-banner__waiting'>
          <Text className='offline-banner__count'>{m.waiting(items.length)}</Text>
          {items.map((item) => (
            <Text key={item.requestId} className='offline-banner__item'>{`· ${item.label}`}</Text>
          ))}
          <Button className='offline-banner__send' onClick={() => void flushOutbox()}>
            {m.sendNow}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
