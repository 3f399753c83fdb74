/**
 * 签到: the one-time consent (the photo is evidence for the supervision group only; villagers'
 * faces are never collected), today's three slots and their state, the sign-in button (location +
 * live photo), and today's attempts with the reason of each invalid one.
 * Before the camera: where the cadre stands (distance to the nearest place, "已进入签到范围"), which
 * slot is open and until when; the button is off with the reason when no slot is open. Out of range,
 * nothing is stored unless the cadre confirms. Without signal the button is off and says that
 * sign-in needs the network: a sign-in is judged at the server's time and never waits in the outbox
 * (docs/signin-offline.md).
 * Test selectors: `.signin-offline`, `.signin-consent`, `.signin-submit`, `.signin-attempt`,
 * `.signin-slot-<slot>`, `.signin-where`, `.signin-slot-now`, `.signin-disabled-reason`.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Line } from '../../components/Form'
import { askConfirm, toast } from '../../components/feedback'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import type { SignInCheckView, SignInView, SlotView } from '../../contracts'
import { ApiCallError, call } from '../../services/api'
import { msg } from '../../i18n'
import type { Gcj02Point } from '../../core/geo'
import device from '../../services/device'
import network from '../../services/network'
import { DeviceError } from '../../services/device-types'
import { useCall } from '../../services/useCall'
import { useOutbox } from '../../services/useOutbox'
import { useSubmit } from '../../services/useSubmit'
import dayjs from 'dayjs'

const m = msg.verdict.signin
const hhmm = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`

export const Attempt = ({ a }: { a: SignInView }) => (
  <View className={`signin-attempt signin-attempt--${a.valid ? 'valid' : 'invalid'}`}>
    <Line tone={a.valid ? 'good' : 'bad'}>{`${dayjs(a.at).format('HH:mm')} ${a.valid ? m.valid(a.placeName ?? '') : m.invalid}`}</Line>
    {a.invalidReason ? <Line className='signin-reason'>{m.reasons[a.invalidReason]}</Line> : null}
    {a.distanceM !== null && !a.valid ? <Line tone='muted'>{m.distance(a.distanceM)}</Line> : null}
  </View>
)

type Where =
  | { status: 'locating' }
  | { status: 'failed' }
  /** The server could not be reached: no signal. */
  | { status: 'offline' }
  | { status: 'ready'; check: SignInCheckView }

/** Locates the phone and asks the server where that is (distance, in range); stores nothing. */
const useWhere = (enabled: boolean) => {
  const [where, setWhere] = useState<Where>({ status: 'locating' })
  const locate = useCallback(async (): Promise<{ point: Gcj02Point; check: SignInCheckView } | null> => {
    setWhere({ status: 'locating' })
    try {
      // GCJ-02, the places' datum, with the datum said (the server refuses a reading without one).
      const point = await device.locationGcj02()
      const check = await call('signin.check', point)
      setWhere({ status: 'ready', check })
      return { point, check }
    } catch (e) {
      setWhere({ status: e instanceof ApiCallError && e.code === 'SERVER.UNAVAILABLE' ? 'offline' : 'failed' })
      return null
    }
  }, [])
  useEffect(() => {
    if (enabled) void locate()
  }, [enabled, locate])
  return { where, locate }
}

const WhereLine = ({ where }: { where: Where }) => {
  if (where.status === 'locating') return <Line tone='muted' className='signin-where'>{m.locating}</Line>
  if (where.status === 'failed') return <Line tone='bad' className='signin-where'>{m.locationFailed}</Line>
  if (where.status === 'offline') return null
  const c = where.check
  if (c.placeName === null || c.distanceM === null || c.radiusM === null) return <Line tone='bad' className='signin-where'>{m.noPlaces}</Line>
  return c.inRange ? (
    <Line tone='good' className='signin-where signin-where--in'>{m.inRange(c.placeName, c.distanceM)}</Line>
  ) : (
    <Line tone='bad' className='signin-where signin-where--out'>{m.outOfRange(c.placeName, m.meters(c.distanceM), c.radiusM)}</Line>
  )
}

/** Which slot is open and until when; otherwise why the button is off (signed, or the next slot). */
const slotLine = (slots: SlotView[]): { open: boolean; text: string } => {
  const open = slots.find((s) => s.state === 'open')
  if (open) return { open: true, text: m.openUntil(m.slotNames[open.slot], hhmm(open.to)) }
  const nowMinutes = dayjs().hour() * 60 + dayjs().minute()
  if (slots.some((s) => s.state === 'signed' && nowMinutes >= s.from && nowMinutes <= s.to)) return { open: false, text: m.slotSigned }
  const next = slots.find((s) => s.state === 'upcoming')
  return { open: false, text: next ? m.nextSlot(m.slotNames[next.slot], hhmm(next.from)) : m.dayOver }
}

export const SignInPanel = () => {
  const today = useCall('signin.today', {})
  const consent = useSubmit('signin.consent')
  const submit = useSubmit('signin.submit')
  const consentGiven = today.state.status === 'ready' && today.state.data.consentGiven
  const { where, locate } = useWhere(consentGiven)
  const { online } = useOutbox()
  // No signal: nothing to judge against (the server's clock decides the slot), so no camera either.
  const offline = !online || where.status === 'offline'
  const [working, setWorking] = useState(false)
  // The signal is back: say where the cadre stands again (once per return, never in a loop).
  const wasOnline = useRef(online)
  useEffect(() => {
    if (online && !wasOnline.current && consentGiven) void locate()
    wasOnline.current = online
  }, [online, consentGiven, locate])
  const signIn = async () => {
    if (offline) return toast(msg.signinSignal.offline)
    setWorking(true)
    try {
      const here = await locate()
      if (!here) return toast(network.isOnline() ? m.locationFailed : msg.signinSignal.offline)
      const { check, point } = here
      // Out of range: nothing is stored (the camera does not even open) unless the cadre says so.
      if (!check.inRange && check.placeName !== null && check.distanceM !== null) {
        const go = await askConfirm(m.confirmTitle, m.confirmOutOfRange(check.placeName, m.meters(check.distanceM)), m.confirmAnyway, m.cancel)
        if (!go) return toast(m.notStored)
      }
      const photo = await device.livePhoto()
      const out = await submit.submit({ ...point, photo })
      if (out) today.reload()
    } catch (e) {
      toast(e instanceof DeviceError && e.kind === 'location' ? m.locationFailed : m.photoCancelled)
    } finally {
      setWorking(false)
    }
  }
  return (
    <Loadable state={today.state} onRetry={today.reload}>
      {(t) => {
        if (!t.consentGiven)
          return (
            <Section title={m.consentTitle} className='signin-consent'>
              <Line>{m.consentText}</Line>
              <Button big className='signin-consent-agree' loading={consent.pending} onClick={async () => (await consent.submit({})) && today.reload()}>
                {m.consentAgree}
              </Button>
            </Section>
          )
        const slot = slotLine(t.slots)
        return (
          <View className='signin-panel'>
            <Section title={m.title}>
              <View className='signin-status'>
                <WhereLine where={where} />
                {offline ? (
                  <View className='signin-offline'>
                    <Line tone='bad' className='signin-disabled-reason'>{msg.signinSignal.offline}</Line>
                    <Line tone='muted'>{msg.signinSignal.why}</Line>
                  </View>
                ) : (
                  <Line tone={slot.open ? 'good' : 'bad'} className={`signin-slot-now ${slot.open ? 'signin-slot-now--open' : 'signin-disabled-reason'}`}>{slot.text}</Line>
                )}
                <Button kind='plain' className='signin-relocate' loading={where.status === 'locating'} onClick={() => void locate()}>
                  {m.relocate}
                </Button>
              </View>
              <Button big className='signin-submit' disabled={!slot.open || offline} loading={working || submit.pending} onClick={() => void signIn()}>
                {working ? m.working : m.submit}
              </Button>
              {submit.error ? <ErrorState message={submit.error.message} code={submit.error.code} /> : null}
              {t.slots.map((s) => (
                <View key={s.slot} className={`mq-row signin-slot signin-slot-${s.slot} signin-slot--${s.state}`}>
                  <Text className='mq-line'>{msg.verdict.fmt.paren(m.slots[s.slot], m.window(hhmm(s.from), hhmm(s.to)))}</Text>
                  <Text className={`mq-line ${s.state === 'signed' ? 'mq-line--good' : s.state === 'missed' ? 'mq-line--bad' : ''}`}>{m.state[s.state]}</Text>
                </View>
              ))}
            </Section>
            {t.attempts.length ? (
              <Section title={m.attempts} className='signin-attempts'>
                {t.attempts.map((a) => (
                  <Attempt key={a.id} a={a} />
                ))}
              </Section>
            ) : null}
          </View>
        )
      }}
    </Loadable>
  )
}
