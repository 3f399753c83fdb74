/**
 * The way into the verdict's screens from a cadre's (or leader's, or office's) home: 记录走访, 签到,
 * 请销假, 543 和补助, 我的评价, 评价干部, and for the township the 1135 summary.
 * Test selectors: `.cadre-links`, `.link-<name>`.
 */
import { Text, View } from '@tarojs/components'
import { ROUTES, go } from '../../components/routes'
import { Section } from '../../components/Section'
import type { MeView } from '../../contracts'
import { msg } from '../../i18n'
import { leadsAnyTeam, seesWholeTownship } from '../../core/roles'
import './CadreLinks.scss'

const m = msg.verdict.links

export const cadreLinksFor = (me: MeView) => {
  const cadre = me.roles.includes('cadre')
  const resident = cadre && me.duty === 'resident'
  const township = seesWholeTownship(me)
  return [
    ...(resident ? [{ key: 'visit', label: m.visit, path: ROUTES.visit }] : []),
    ...(cadre ? [{ key: 'signin', label: m.signin, path: ROUTES.signin }] : []),
    ...(cadre || leadsAnyTeam(me.leadsTeams) ? [{ key: 'leave', label: m.leave, path: ROUTES.leave }] : []),
    ...(cadre ? [{ key: 'attendance', label: m.attendance, path: ROUTES.attendance }] : []),
    ...(resident ? [{ key: 'scores', label: m.scores, path: ROUTES.scores }] : []),
    ...(cadre || me.roles.includes('leader') ? [{ key: 'rate', label: m.rate, path: ROUTES.rate }] : []),
    ...(township ? [{ key: 'ratings', label: m.ratings, path: ROUTES.ratings }] : []),
    ...(township ? [{ key: 'signins', label: m.signins, path: ROUTES.signins }] : []),
  ]
}

export const CadreLinks = ({ me }: { me: MeView }) => {
  const links = cadreLinksFor(me)
  if (links.length === 0) return null
  return (
    <Section className='cadre-links'>
      <View className='cadre-links__grid'>
        {links.map((l) => (
          <Text key={l.key} className={`cadre-link link-${l.key}`} onClick={() => go(l.path)}>
            {l.label}
          </Text>
        ))}
      </View>
    </Section>
  )
}
