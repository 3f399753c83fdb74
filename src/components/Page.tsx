/**
 * A page's root: `.page` plus `.mq-elder` in elder mode (the weapp has no <html> class, so every
 * page root carries it). Villager pages use this instead of a bare View.
 */
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { ELDER_CLASS, useElder } from '../services/elder'
import './Elder.scss'

export const Page = ({ className, children }: { className?: string; children: ReactNode }) => {
  const elder = useElder()
  return <View className={['page', className ?? '', elder ? ELDER_CLASS : ''].join(' ').trim()}>{children}</View>
}
