/** A white card with an optional heading: the building block of every screen. */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './Section.scss'

export const Section = ({ title, children, className }: { title?: string; children: ReactNode; className?: string }) => (
  <View className={['mq-section', className ?? ''].join(' ').trim()}>
    {title ? <Text className='mq-section__title'>{title}</Text> : null}
    {children}
  </View>
)
