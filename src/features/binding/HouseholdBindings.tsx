/**
 * 本户绑定记录: every account bound to or unbound from a member of my household ("新绑定：…"), so a
 * binding nobody in the family asked for is seen by the family. Shown to household members only.
 * Test selectors: `.household-bindings`, `.binding-event`.
 */
import { Text, View } from '@tarojs/components'
import { formatDay } from '../../components/format'
import { Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import type { MeView } from '../../contracts'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import './binding.scss'

const m = msg.binding

const HouseholdBindingList = () => {
  const { state, reload } = useCall('binding.household', {})
  return (
    <Loadable state={state} onRetry={reload}>
      {(events) => (
        <Section title={m.householdTitle} className='household-bindings'>
          {events.length === 0 ? <Text className='binding-note'>{m.householdEmpty}</Text> : null}
          {events.map((e) => {
            const how = e.kind === 'unbound' ? m.by(e.by?.name ?? '') : [m.method[e.method ?? ''] ?? '', e.by ? m.by(e.by.name) : ''].filter(Boolean).join('，')
            return (
              <View key={e.id} className='binding-event'>
                <Text className='binding-note'>{m.event(e.person.name, e.kind, how)}</Text>
                <Text className='binding-event__at'>{formatDay(e.at)}</Text>
              </View>
            )
          })}
        </Section>
      )}
    </Loadable>
  )
}

export const HouseholdBindings = ({ me }: { me: MeView }) => (me.household && me.roles.includes('villager') ? <HouseholdBindingList /> : null)
