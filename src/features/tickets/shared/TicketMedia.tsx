/**
 * What a villager recorded or marked, for whoever reads the ticket: a voice player (one tap plays,
 * another pauses; the length and how far it has played, in seconds) and the attached location as
 * coordinates with a 导航 button (WeChat's map in the mini-program, a map page in H5).
 * Test selectors: `.voice-player`, `.voice-play`, `.voice-length`, `.voice-player--playing`,
 * `.ticket-place`, `.place-navigate`.
 */
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/Button'
import { toast } from '../../../components/feedback'
import type { TicketView } from '../../../contracts'

type GeoPoint = NonNullable<TicketView['location']>
import { msg } from '../../../i18n'
import maps from '../../../services/maps'
import { useSubmit } from '../../../services/useSubmit'
import { callPhone } from '../../villager/useMyCadre'
import { Field } from './Pieces'

const v = msg.field.voice
const p = msg.field.place

export const VoicePlayer = ({ url }: { url: string }) => {
  const audio = useRef<Taro.InnerAudioContext | null>(null)
  const [playing, setPlaying] = useState(false)
  const [length, setLength] = useState<number | null>(null)
  const [at, setAt] = useState(0)
  useEffect(() => {
    const a = Taro.createInnerAudioContext()
    a.src = url
    const measure = () => {
      if (Number.isFinite(a.duration) && a.duration > 0) setLength(Math.max(1, Math.round(a.duration)))
    }
    a.onCanplay(measure)
    a.onPlay(() => setPlaying(true))
    a.onPause(() => setPlaying(false))
    a.onStop(() => setPlaying(false))
    a.onEnded(() => {
      setPlaying(false)
      setAt(0)
    })
    a.onTimeUpdate(() => {
      measure()
      setAt(Math.floor(a.currentTime))
    })
    a.onError(() => {
      setPlaying(false)
      toast(v.failed)
    })
    audio.current = a
    return () => {
      a.destroy()
      audio.current = null
    }
  }, [url])
  const toggle = () => {
    const a = audio.current
    if (!a) return
    if (playing) a.pause()
    else a.play()
  }
  return (
    <Field label={v.title} className={`voice-player ${playing ? 'voice-player--playing' : ''}`}>
      <View className='mq-row voice-player__row'>
        <Button big kind='secondary' className='voice-play' onClick={toggle}>
          {playing ? `❚❚ ${v.pause}` : `▶ ${v.play}`}
        </Button>
        <Text className='voice-length mq-hint'>{length === null ? '' : playing || at > 0 ? v.progress(at, length) : v.length(length)}</Text>
      </View>
    </Field>
  )
}

export const PlaceLine = ({ point, name = p.name }: { point: GeoPoint; name?: string }) => (
  <Field label={p.title} className='ticket-place'>
    <View className='mq-row'>
      <Text className='mq-hint ticket-place__point'>{p.point(point.lat, point.lng)}</Text>
      <Button big kind='secondary' className='place-navigate' onClick={() => maps.open(point, name)}>
        {p.navigate}
      </Button>
    </View>
  </Field>
)

const w = msg.field.who

/**
 * For the handler: who reported it (name, village and household number) and a call button; the
 * number is read (and logged) only when the button is pressed. Selectors: `.ticket-who`, `.call-reporter`.
 */
export const ReporterLine = ({ ticket, canCall }: { ticket: TicketView; canCall: boolean }) => {
  const read = useSubmit('ticket.callReporter')
  const call = async () => {
    const out = await read.submit({ ticketId: ticket.id })
    if (!out) return
    if (!out.phone) return toast(w.noPhone)
    callPhone(out.phone)
  }
  const name = ticket.onBehalfOfName ?? ticket.reporterName
  return (
    <Field label={w.title} className='ticket-who'>
      <Text className='ticket-who__name'>{name ?? w.anonymous}</Text>
      {ticket.householdNumber ? <Text className='mq-hint ticket-who__household'>{w.household(ticket.villageName, ticket.householdNumber)}</Text> : null}
      {canCall && name ? (
        <Button big className='call-reporter' loading={read.pending} onClick={() => void call()}>
          {w.call(name)}
        </Button>
      ) : null}
      {read.error ? <Text className='mq-warn'>{read.error.message}</Text> : null}
    </Field>
  )
}
