/**
 * The township's 1135 view: each resident cadre's total and every rating with its rater, ratings
 * from households with no signed visit and no ticket in the period marked for checking.
 * Test selectors: `.township-ratings`, `.township-cadre`, `.rating-no-contact`.
 */
import { View } from '@tarojs/components'
import { Line } from '../../components/Form'
import { Section } from '../../components/Section'
import { Loadable } from '../../components/State'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'

const v = msg.verdict
const lb = msg.lookB.ratings

export const TownshipRatings = () => {
  const { state, reload } = useCall('rating.township', {})
  return (
    <Loadable state={state} onRetry={reload}>
      {(t) => (
        <View className='township-ratings'>
          {/* look-b: the month in words, not "2026-11" broken over two lines; not "我的 1135 得分" on the office's screen */}
          <Section title={lb.title(msg.plain.month(t.period))}>
            <Line tone='muted'>{lb.note}</Line>
          </Section>
          {t.cadres.map((c) => (
            <Section key={c.cadre.id} title={c.cadre.name} className='township-cadre'>
              <Line className='township-cadre-total'>{v.score.total(msg.rules.score(c.score.total, c.score.insufficientBands))}</Line>
              {c.ratings.length === 0 ? (
                <Line tone='muted' className='township-cadre-empty'>
                  {lb.none}
                </Line>
              ) : null}
              {c.ratings.map((r) => (
                <View key={r.id} className={r.noContact ? 'rating-no-contact' : 'rating-row'}>
                  <Line>{msg.verdict.fmt.rating(v.rating.bands[r.band], r.rater.name, r.householdNumber, v.rating.stars(r.stars), r.comment)}</Line>
                  {r.noContact ? <Line tone='bad'>{v.noContact}</Line> : null}
                </View>
              ))}
            </Section>
          ))}
        </View>
      )}
    </Loadable>
  )
}
