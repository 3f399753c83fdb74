/** Every step of a ticket in plain words: who, what, when, and the note. Selector: `.timeline__event`. */
import { Image, Text, View } from '@tarojs/components'
import { formatDayTime } from '../../../components/format'
import type { TicketView } from '../../../contracts'
import { msg } from '../../../i18n'
import { actionWords } from './words'
import './tickets.scss'


/** `shown`: what to show for a photo url (a cloud file's temporary URL); the url itself by default. */
export const Timeline = ({ events, shown = (u) => u }: { events: TicketView['history']; shown?: (url: string) => string }) => (
  <View className='timeline'>
    {events.map((e) => (
      <View key={e.seq} className={`timeline__event timeline__event--${e.action}`}>
        <Text className='timeline__who'>{`${e.actorHidden ? msg.voice.anonymous : e.actorName} ${actionWords(e.action)}`}</Text>
        <Text className='timeline__when'>{formatDayTime(e.at)}</Text>
        {e.note ? <Text className='timeline__note'>{e.note}</Text> : null}
        {e.photoUrls.length ? (
          <View className='mq-photos'>
            {e.photoUrls.map((u) => (
              <Image key={u} className='mq-photo' src={shown(u)} mode='aspectFill' />
            ))}
          </View>
        ) : null}
      </View>
    ))}
  </View>
)
