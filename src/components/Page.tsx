/**
 * A page's root: `.page` plus `.mq-elder` in elder mode and `.mq-mn` in the Mongolian locale (the
 * weapp has no <html> class, so every page root carries them). Villager pages use this instead of
 * a bare View.
 */
import { useEffect, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { ELDER_CLASS, useElder } from '../services/elder'
import { MN_CLASS, tabBarInMongolian, useLocale } from '../services/locale'
import { loadMongolianFont } from '../services/mongolian-font'
import './Elder.scss'
import './Mongolian.scss'

export const Page = ({ className, children }: { className?: string; children: ReactNode }) => {
  const elder = useElder()
  const mn = useLocale() === 'mn-Mong'
  useEffect(() => {
    if (!mn) return
    void loadMongolianFont()
    tabBarInMongolian()
  }, [mn])
  return <View className={['page', className ?? '', elder ? ELDER_CLASS : '', mn ? MN_CLASS : ''].filter(Boolean).join(' ')}>{children}</View>
}
