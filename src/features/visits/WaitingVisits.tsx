/**
 * The villager home's "等我办的事": visits to my household waiting for a signature, each with a big
 * button to the sign-off page. Kept separate so "a ticket to confirm" can sit beside it.
 * Test selectors: `.waiting-visits`, `.waiting-visit`.
 */
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { formatDay } from '../../components/format'
import { ROUTES, go } from '../../components/routes'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { useCall, useReloadOnReturn } from '../../services/useCall'

const m = msg.verdict.waiting

export const WaitingVisits = () => {
  const { state, reload } = useCall('visit.waiting', {})
  // Back on the home tab after signing: show what still waits.
  useReloadOnReturn(reload)
  // Nothing waiting, or it could not load: the home stays calm; the list shows when there is one.
  if (state.status !== 'ready' || state.data.length === 0) return null
  return (
    <Section title={m.title} className='waiting-visits'>
      {state.data.map((v) => (
        <View key={v.id} className={`waiting-visit waiting-visit-${v.id}`}>
          <Text className='mq-line'>{m.visitToSign(v.cadre.name, formatDay(v.at))}</Text>
          <Button big className='waiting-visit__sign' onClick={() => go(ROUTES.sign, { visit: v.id })}>
            {m.signNow}
          </Button>
        </View>
      ))}
    </Section>
  )
}
