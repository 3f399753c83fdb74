/**
 * A horizontal bar chart for the office dashboard: drawn by AntV F2 (F2Canvas) with the values listed
 * as text under it (components/ChartValues). One rule: the numbers are always there as text; the
 * drawing is a second cue, never the only one (screen readers, elder mode, colour-blind readers).
 */
import { View } from '@tarojs/components'
import { Axis, Chart, Interval, jsx, type JSX as F2JSX } from '@antv/f2'
import { ChartValues, type Bar } from '../../components/ChartValues'
import { F2Canvas } from './F2Canvas'

/** F2's `jsx` factory typed by each component's own props (F2 declares it for any component type). */
const h = <P,>(type: new (props: P) => unknown, props: P): F2JSX.Element => jsx(type as unknown as Parameters<typeof jsx>[0], props)

const BRAND = '#b3261e'
/** Room per bar and for the value axis, in px (the canvas is as tall as its bars need). */
const ROW = 30
const AXIS = 36

/** Whole-number ticks from 0 for the value axis (days, percents): at most 5, none like "1.5 天". */
export const wholeTicks = (top: number): number[] => {
  const step = Math.max(1, Math.ceil(top / 4))
  const end = step * Math.max(1, Math.ceil(top / step))
  return Array.from({ length: end / step + 1 }, (_, i) => i * step)
}

export const BarChart = ({ bars, className, describe, max }: { bars: Bar[]; className?: string; describe: (label: string, value: string) => string; max?: number }) => {
  // Keyed by position (two cadres may share a name); F2 lists the first category at the bottom of a
  // transposed chart, so the data is reversed to read top-down in the same order as the text.
  const data = bars.map((b, i) => ({ key: String(i), value: b.value })).reverse()
  const labels = bars.map((b) => b.label)
  const ticks = max === undefined ? wholeTicks(Math.max(0, ...bars.map((b) => b.value))) : [0, max / 4, max / 2, (3 * max) / 4, max]
  const chart = () =>
    h(Chart, {
      data,
      coord: { transposed: true },
      scale: { value: { min: 0, max: ticks[ticks.length - 1], ticks } },
      children: [
        h(Axis, { field: 'key', formatter: (k: string) => labels[Number(k)] ?? '', style: { label: { fontSize: '26px', fill: '#1a1a1a' } } }),
        h(Axis, { field: 'value', style: { label: { fontSize: '24px', fill: '#666' } } }),
        h(Interval, { x: 'key', y: 'value', color: BRAND }),
      ],
    })
  return (
    <View className={['mq-chart', className ?? ''].join(' ').trim()}>
      {bars.length > 0 ? <F2Canvas className='mq-chart__canvas' chart={chart} drawKey={JSON.stringify(bars)} height={bars.length * ROW + AXIS} /> : null}
      <ChartValues bars={bars} describe={describe} />
    </View>
  )
}
