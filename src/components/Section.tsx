/** A white card with an optional heading: the building block of every screen. */
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Bilingual } from './Bilingual'
import './Section.scss'

export const Section = ({ title, children, className }: { title?: string; children: ReactNode; className?: string }) => (
  <View className={['mq-section', className ?? ''].join(' ').trim()}>
    {/* mongolian: in the Mongolian locale the heading's Mongolian is set vertically, the Chinese beside it */}
    {title ? <Bilingual className='mq-section__title' text={title} /> : null}
    {children}
  </View>
)
