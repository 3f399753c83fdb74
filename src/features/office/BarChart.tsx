/**
 * A horizontal bar chart for the office dashboard, drawn with plain views: one row per bar, a track
 * and a fill whose width is the value's share of the scale, with the values listed as text under it
 * (components/ChartValues). Views render the same in the weapp, H5 and any mini-program runtime
 * (no canvas, no text measuring, no chart library in the office subpackage).
 * One rule: the numbers are always there as text; the drawing is a second cue, never the only one
 * (screen readers, elder mode, colour-blind readers), so the drawing is hidden from screen readers.
 */
import { Text, View } from '@tarojs/components'
import { ChartValues, type Bar } from '../../components/ChartValues'
import './BarChart.scss'

/** The top of the scale: `max` when given (percents), else the largest value (at least 1). */
export const scaleTop = (bars: Bar[], max?: number): number => (max !== undefined && max > 0 ? max : Math.max(1, ...bars.map((b) => b.value)))

/** A bar's width in percent of the track: 0-100, a value above the scale drawn full, never negative. */
export const barPercent = (value: number, top: number): number => {
  if (!Number.isFinite(value) || value <= 0 || top <= 0) return 0
  return Math.min(100, Math.round((value / top) * 1000) / 10)
}

export const BarChart = ({ bars, className, describe, max }: { bars: Bar[]; className?: string; describe: (label: string, value: string) => string; max?: number }) => {
  const top = scaleTop(bars, max)
  return (
    <View className={['mq-chart', className ?? ''].join(' ').trim()}>
      {bars.length > 0 ? (
        <View className='mq-bars' aria-hidden='true'>
          {bars.map((b, i) => (
            <View key={`${i}-${b.label}`} className='mq-bars__row'>
              <Text className='mq-bars__label'>{b.label}</Text>
              <View className='mq-bars__track'>
                <View className='mq-bars__fill' style={{ width: `${barPercent(b.value, top)}%` }} />
              </View>
            </View>
          ))}
        </View>
      ) : null}
      <ChartValues bars={bars} describe={describe} />
    </View>
  )
}
