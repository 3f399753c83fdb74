/**
 * The villager's first screen, from one request (villager.home): my cadre, the three big actions,
 * what waits for me (a visit to sign, a ticket to confirm), the notices and the posting months.
 */
import { View } from '@tarojs/components'
import { Loadable, ErrorState } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { PostingMonths } from '../posting/PostingMonths'
import { WaitingTickets } from '../tickets/my-tickets/WaitingTickets'
import { WaitingVisits } from '../visits/WaitingVisits'
import { CadreCard } from './CadreCard'
import { useVillagerHome } from './useMyCadre'
import { VillagerActions } from './VillagerActions'
import { VillagerNotices } from './VillagerNotices'

/** `meId`: who reads it (a village secretary is not offered a call to himself). */
export const VillagerHome = ({ meId }: { meId?: string }) => {
  const { state, reload } = useVillagerHome()
  return (
    <View className='villager-home'>
      <Loadable state={state} onRetry={reload}>
        {(home) => (
          <View>
            {home.card ? (
              <CadreCard card={home.card} meId={meId} />
            ) : (
              <Section className='household-unassigned'>
                <ErrorState message={msg.home.villagerUnassigned} code={home.cardError ?? undefined} onRetry={reload} />
              </Section>
            )}
            <VillagerActions />
            <WaitingVisits visits={home.waitingVisits} />
            <WaitingTickets tickets={home.openTickets} />
            <VillagerNotices notices={home.notices} />
            <PostingMonths months={home.postingMonths} />
          </View>
        )}
      </Loadable>
    </View>
  )
}
