/**
 * The values of a chart as text, one row per item ("label: value"): what a screen reader reads,
 * what elder mode shows large, and the reading that never depends on colour or on the canvas.
 * One rule: every chart shows this list; the drawing is only a second cue.
 */
import { Text, View } from '@tarojs/components'
import './ChartValues.scss'

export interface Bar {
  label: string
  value: number
  /** The value as shown (e.g. 85%), defaults to the number. */
  display?: string
}

export const ChartValues = ({ bars, describe }: { bars: Bar[]; describe: (label: string, value: string) => string }) => (
  <View className='mq-chart-values'>
    {bars.map((b, i) => {
      const shown = b.display ?? String(b.value)
      return (
        <View key={`${i}-${b.label}`} className='mq-chart-values__row' ariaLabel={describe(b.label, shown)}>
          <Text className='mq-chart-values__label'>{b.label}</Text>
          <Text className='mq-chart-values__value'>{shown}</Text>
        </View>
      )
    })}
  </View>
)
