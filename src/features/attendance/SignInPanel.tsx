/**
 * 签到: the one-time consent (the photo is evidence for the supervision group only; villagers'
 * faces are never collected), today's three slots and their state, the sign-in button (location +
 * live photo), and today's attempts with the reason of each invalid one.
 * Test selectors: `.signin-consent`, `.signin-submit`, `.signin-attempt`, `.signin-slot-<slot>`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Line } from '../../components/Form'
import { toast } from '../../components/feedback'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import type { SignInView } from '../../contracts'
import { zhCN } from '../../i18n/zh-CN'
import device from '../../services/device'
import { DeviceError } from '../../services/device-types'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import dayjs from 'dayjs'

const m = zhCN.verdict.signin
const hhmm = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`

export const Attempt = ({ a }: { a: SignInView }) => (
  <View className={`signin-attempt signin-attempt--${a.valid ? 'valid' : 'invalid'}`}>
    <Line tone={a.valid ? 'good' : 'bad'}>{`${dayjs(a.at).format('HH:mm')} ${a.valid ? m.valid(a.placeName ?? '') : m.invalid}`}</Line>
    {a.invalidReason ? <Line className='signin-reason'>{m.reasons[a.invalidReason]}</Line> : null}
    {a.distanceM !== null && !a.valid ? <Line tone='muted'>{m.distance(a.distanceM)}</Line> : null}
  </View>
)

export const SignInPanel = () => {
  const today = useCall('signin.today', {})
  const consent = useSubmit('signin.consent')
  const submit = useSubmit('signin.submit')
  const [working, setWorking] = useState(false)
  const signIn = async () => {
    setWorking(true)
    try {
      const point = await device.location()
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
      {(t) =>
        !t.consentGiven ? (
          <Section title={m.consentTitle} className='signin-consent'>
            <Line>{m.consentText}</Line>
            <Button big className='signin-consent-agree' loading={consent.pending} onClick={async () => (await consent.submit({})) && today.reload()}>
              {m.consentAgree}
            </Button>
          </Section>
        ) : (
          <View className='signin-panel'>
            <Section title={m.title}>
              {t.slots.map((s) => (
                <View key={s.slot} className={`mq-row signin-slot signin-slot-${s.slot} signin-slot--${s.state}`}>
                  <Text className='mq-line'>{zhCN.verdict.fmt.paren(m.slots[s.slot], m.window(hhmm(s.from), hhmm(s.to)))}</Text>
                  <Text className={`mq-line ${s.state === 'signed' ? 'mq-line--good' : s.state === 'missed' ? 'mq-line--bad' : ''}`}>{m.state[s.state]}</Text>
                </View>
              ))}
              <Button big className='signin-submit' loading={working || submit.pending} onClick={() => void signIn()}>
                {working ? m.working : m.submit}
              </Button>
              {submit.error ? <ErrorState message={submit.error.message} code={submit.error.code} /> : null}
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
      }
    </Loadable>
  )
}
