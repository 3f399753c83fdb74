/** The three big villager actions: 办事 / 反映问题 / 评价 (each at least 60x60 px). */
import { Text, View } from '@tarojs/components'
import { zhCN } from '../../i18n/zh-CN'
import Taro from '@tarojs/taro'
import { comingSoon } from './useMyCadre'
import './VillagerActions.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })

const actions = [
  { key: 'service', label: zhCN.cadreCard.actions.service, onClick: go('/pages/service/index') },
  { key: 'report', label: zhCN.cadreCard.actions.report, onClick: go('/pages/report/index') },
  { key: 'rate', label: zhCN.cadreCard.actions.rate, onClick: comingSoon },
] as const

export const VillagerActions = () => (
  <View className='villager-actions'>
    {actions.map((a) => (
      <View key={a.key} className={`villager-action villager-action--${a.key}`} hoverClass='villager-action--hover' onClick={a.onClick}>
        <Text className='villager-action__label'>{a.label}</Text>
      </View>
    ))}
  </View>
)
