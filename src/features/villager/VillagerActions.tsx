/** The three big villager actions: 办事 / 反映问题 / 评价 (each at least 60x60 px). */
import { View } from '@tarojs/components'
import { Bilingual } from '../../components/Bilingual'
import { msg } from '../../i18n'
import { ROUTES, go } from '../../components/routes'
import './VillagerActions.scss'

const actions = [
  { key: 'service', label: msg.cadreCard.actions.service, path: '/pages/service/index' },
  { key: 'report', label: msg.cadreCard.actions.report, path: '/pages/report/index' },
  { key: 'rate', label: msg.cadreCard.actions.rate, path: ROUTES.rate },
] as const

export const VillagerActions = () => (
  <View className='villager-actions'>
    {actions.map((a) => (
      <View key={a.key} className={`villager-action villager-action--${a.key}`} hoverClass='villager-action--hover' onClick={() => go(a.path)}>
        <Bilingual className='villager-action__label' text={a.label} />
      </View>
    ))}
  </View>
)
