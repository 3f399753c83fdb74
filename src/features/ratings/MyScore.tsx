/**
 * 我的 1135 得分 of the latest closed month: the total, each band (weight, points, how many rated,
 * or "insufficient", or hidden below k raters), and the comments without who wrote them or stars.
 * An open month shows nothing but that it is open (raters stay anonymous).
 * Test selectors: `.my-score`, `.score-total`, `.score-band-<band>`, `.score-open`.
 */
import { View } from '@tarojs/components'
import { Line } from '../../components/Form'
import { distinctComments, formatPeriod } from '../../components/format'
import { Section } from '../../components/Section'
import { Loadable } from '../../components/State'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import './score.scss'

const m = msg.verdict.score
const r = msg.verdict.rating
const BANDS = ['leaders', 'peers', 'committees', 'villagers'] as const

export const MyScore = () => {
  const { state, reload } = useCall('rating.myScore', {})
  return (
    <Loadable state={state} onRetry={reload}>
      {(s) => (
        <View className='my-score'>
          <Section title={msg.verdict.fmt.paren(m.title, formatPeriod(s.period))}>
            {s.closed ? (
              <Line tone={s.score.total === null ? 'muted' : 'good'} className='score-total'>
                {s.score.total === null && s.score.insufficientBands.length === 0 ? m.noTotal : m.total(msg.rules.score(s.score.total, s.score.insufficientBands))}
              </Line>
            ) : (
              <Line tone='muted' className='score-open'>
                {m.notClosed}
              </Line>
            )}
            {BANDS.map((b) => {
              const band = s.score.bands[b]
              const hidden = s.score.hiddenBands.includes(b)
              return (
                <View key={b} className={`mq-row score-band-${b}`}>
                  <Line className='mq-band-label'>{m.band(r.bands[b], band.weight)}</Line>
                  <Line tone={hidden ? 'muted' : band.sufficient ? undefined : 'bad'}>
                    {!s.closed
                      ? m.hiddenOpen
                      : hidden
                        ? m.hidden(s.minRatersShown)
                        : band.sufficient && band.points !== null
                          ? m.points(band.points.toFixed(1), band.raters)
                          : m.insufficient(band.raters)}
                  </Line>
                </View>
              )
            })}
          </Section>
          <Section title={m.comments}>
            {s.comments.length === 0 ? <Line tone='muted'>{m.noComments}</Line> : null}
            {/* walkthrough: each comment once per band, with how many said it (it listed 办事效率高 twelve times) */}
            {BANDS.flatMap((b) =>
              distinctComments(s.comments.filter((c) => c.band === b).map((c) => c.comment)).map((text) => (
                <Line key={`${b}:${text}`} className='score-comment'>
                  {msg.verdict.fmt.labeled(r.bands[b], text)}
                </Line>
              )),
            )}
          </Section>
        </View>
      )}
    </Loadable>
  )
}
