/** Every step of a ticket in plain words: who, what, when, and the note. Selector: `.timeline__event`. */
import { Image, Text, View } from '@tarojs/components'
import { formatDate } from '../../../components/format'
import type { TicketView } from '../../../contracts'
import { actionWords } from './words'
import './tickets.scss'

const time = (at: number) => `${formatDate(at)} ${new Date(at).toTimeString().slice(0, 5)}`

export const Timeline = ({ events }: { events: TicketView['history'] }) => (
  <View className='timeline'>
    {events.map((e) => (
      <View key={e.seq} className={`timeline__event timeline__event--${e.action}`}>
        <Text className='timeline__who'>{`${e.actorName} ${actionWords(e.action)}`}</Text>
        <Text className='timeline__when'>{time(e.at)}</Text>
        {e.note ? <Text className='timeline__note'>{e.note}</Text> : null}
        {e.photoUrls.length ? (
          <View className='mq-photos'>
            {e.photoUrls.map((u) => (
              <Image key={u} className='mq-photo' src={u} mode='aspectFill' />
            ))}
          </View>
        ) : null}
      </View>
    ))}
  </View>
)
