/**
 * The villager home's "等我办的事": visits to my household waiting for a signature, each with a big
 * button to the sign-off page. Kept separate so "a ticket to confirm" can sit beside it.
 * Test selectors: `.waiting-visits`, `.waiting-visit`.
 */
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { formatDate } from '../../components/format'
import { ROUTES, go } from '../../components/routes'
import { Section } from '../../components/Section'
import { zhCN } from '../../i18n/zh-CN'
import type { VisitView } from '../../contracts'

const m = zhCN.verdict.waiting

/** `visits`: from villager.home (which reloads when the person comes back after signing). */
export const WaitingVisits = ({ visits }: { visits: VisitView[] }) => {
  // Nothing waiting: the home stays calm; the list shows when there is one.
  if (visits.length === 0) return null
  return (
    <Section title={m.title} className='waiting-visits'>
      {visits.map((v) => (
        <View key={v.id} className={`waiting-visit waiting-visit-${v.id}`}>
          <Text className='mq-line'>{m.visitToSign(v.cadre.name, formatDate(v.at))}</Text>
          <Button big className='waiting-visit__sign' onClick={() => go(ROUTES.sign, { visit: v.id })}>
            {m.signNow}
          </Button>
        </View>
      ))}
    </Section>
  )
}
