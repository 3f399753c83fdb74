/**
 * A horizontal bar chart drawn with plain Views (works the same in weapp and H5, no chart library):
 * each bar carries its label and value as text, so it reads without colour and with a screen reader.
 * One rule: values are shown as numbers too; the bar length is only a second cue.
 */
import { Text, View } from '@tarojs/components'
import './BarChart.scss'

export interface Bar {
  label: string
  value: number
  /** The value as shown (e.g. 85%), defaults to the number. */
  display?: string
}

export const BarChart = ({ bars, className, describe }: { bars: Bar[]; className?: string; describe: (label: string, value: string) => string }) => {
  const max = Math.max(1, ...bars.map((b) => b.value))
  return (
    <View className={['mq-bars', className ?? ''].join(' ').trim()}>
      {bars.map((b) => {
        const shown = b.display ?? String(b.value)
        return (
          <View key={b.label} className='mq-bars__row' ariaLabel={describe(b.label, shown)}>
            <Text className='mq-bars__label'>{b.label}</Text>
            <View className='mq-bars__track'>
              <View className='mq-bars__bar' style={{ width: `${Math.round((b.value / max) * 100)}%` }} />
            </View>
            <Text className='mq-bars__value'>{shown}</Text>
          </View>
        )
      })}
    </View>
  )
}
