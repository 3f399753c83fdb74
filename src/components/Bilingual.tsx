/**
 * Mongolian first, the Chinese beside it (issue 13 item 6): in the Mongolian locale a catalogue text
 * "<Mongolian> <Chinese>" is set as a vertical Mongolian column (writing-mode: vertical-lr, top to
 * bottom, columns left to right, as Inner Mongolia's government apps show it) with the Chinese beside
 * it horizontally, at the same size. In Chinese, or for a text that does not start with Mongolian,
 * the text as it is. Selectors: `.mq-bi`, `.mq-bi__mn` (vertical), `.mq-bi__zh`.
 */
import { Text, View } from '@tarojs/components'
import { splitBilingual } from '../i18n/mongolian-script'
import { isMongolian } from '../services/locale'

export const Bilingual = ({ text, className }: { text: string; className?: string }) => {
  const parts = isMongolian() ? splitBilingual(text) : null
  if (!parts) return <Text className={className}>{text}</Text>
  return (
    <View className={['mq-bi', className ?? ''].join(' ').trim()}>
      <Text className='mq-vertical mq-bi__mn'>{parts.mongolian}</Text>
      <Text className='mq-bi__zh'>{parts.chinese}</Text>
    </View>
  )
}
