/**
 * The months whose posting is out, for everyone in the township (villagers included): one tap opens it.
 * Test selectors: `.posting-months`, `.posting-month-<YYYY-MM>`.
 */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'

const m = msg.office.ui.posting

/** `months`: given by villager.home (then nothing is loaded here); others load posting.months. */
export const PostingMonths = ({ months }: { months?: string[] }) => {
  const loaded = useCall('posting.months', {}, months === undefined)
  const state: typeof loaded.state = months === undefined ? loaded.state : { status: 'ready', data: months }
  return (
    <Section title={m.monthsTitle} className='posting-months'>
      <Loadable state={state} onRetry={loaded.reload} isEmpty={(months) => months.length === 0} emptyText={m.none}>
        {(months) => (
          <View>
            {months.slice(0, 3).map((p) => (
              <Button key={p} kind='secondary' big className={`posting-month-${p}`} onClick={() => void Taro.navigateTo({ url: `/pages/posting/index?period=${p}` })}>
                {m.open(p)}
              </Button>
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}
