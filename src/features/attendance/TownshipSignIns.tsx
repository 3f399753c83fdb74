/**
 * 签到核查 for the supervision group and the township office: today's sign-ins of every cadre,
 * valid or not with the reason, and the live photo on request (evidence for them only).
 * Test selectors: `.township-signins`, `.township-signin`, `.signin-photo`.
 */
import { useState } from 'react'
import { Image, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { Button } from '../../components/Button'
import { Line } from '../../components/Form'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import { msg } from '../../i18n'
import { ApiCallError, call } from '../../services/api'
import { useCall } from '../../services/useCall'
import { Attempt } from './SignInPanel'

const v = msg.verdict

const Photo = ({ signInId }: { signInId: string }) => {
  const [src, setSrc] = useState<string | null>(null)
  const [error, setError] = useState<ApiCallError | null>(null)
  if (src) return <Image className='signin-photo' src={src} mode='widthFix' />
  return (
    <View>
      <Button kind='plain' className='signin-photo-open' onClick={() => call('signin.photo', { signInId }).then((p) => setSrc(p.url ?? `data:${p.mime};base64,${p.imageBase64}`), setError)}>
        {v.showPhoto}
      </Button>
      {error ? <ErrorState message={error.message} code={error.code} /> : null}
    </View>
  )
}

export const TownshipSignIns = () => {
  const { state, reload } = useCall('signin.township', {})
  return (
    <Section title={v.signinsTitle} className='township-signins'>
      <Loadable state={state} onRetry={reload} isEmpty={(l) => l.length === 0} emptyText={v.signinsEmpty}>
        {(list) => (
          <View>
            {list.map((s) => (
              <View key={s.id} className='township-signin'>
                <Line>{v.fmt.labeled(s.cadre.name, dayjs(s.at).format('HH:mm'))}</Line>
                <Attempt a={s} />
                {s.hasPhoto ? <Photo signInId={s.id} /> : <Line tone='muted'>{v.noPhoto}</Line>}
              </View>
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}
