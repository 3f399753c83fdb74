/** The villager's first screen: my cadre, then the three big actions (the page adds what waits for me). */
import { View } from '@tarojs/components'
import { Loadable, ErrorState } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { CadreCard } from './CadreCard'
import { useMyCadre } from './useMyCadre'
import { VillagerActions } from './VillagerActions'

export const VillagerHome = () => {
  const { state, reload } = useMyCadre()
  if (state.status === 'error' && state.error.code === 'ROSTER.HOUSEHOLD_UNASSIGNED') {
    return (
      <Section className='household-unassigned'>
        <ErrorState message={msg.home.villagerUnassigned} code={state.error.code} onRetry={reload} />
      </Section>
    )
  }
  return (
    <View className='villager-home'>
      <Loadable state={state} onRetry={reload}>
        {(card) => <CadreCard card={card} />}
      </Loadable>
      <VillagerActions />
    </View>
  )
}
