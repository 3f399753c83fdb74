/**
 * Issue 13: a report as the village's other villagers read it (a follower, or the duplicate hint
 * before 关注): status, steps and outcome, never a name, household or phone; only the photos the
 * content check cleared (guard).
 * Test selectors: `.public-ticket`, `.public-description`, `.public-photo`, `.public-step`, `.follow-similar`.
 */
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { formatDate } from '../../components/format'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import { toast } from '../../components/feedback'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useFileUrls } from '../../services/file-urls'
import { useSubmit } from '../../services/useSubmit'
import { actionWords, categoryName } from '../tickets/shared/words'
import './voice.scss'

const v = msg.voice.follow

/** guard: the cleared photos (cloud files through temporary URLs, as on the ticket page). */
const PublicPhotos = ({ urls }: { urls: string[] }) => {
  const shown = useFileUrls(urls)
  return (
    <View className='mq-photos'>
      {urls.map((u) => (
        <Image key={u} className='mq-photo public-photo' src={shown(u)} mode='aspectFill' />
      ))}
    </View>
  )
}

export const PublicTicketCard = ({ ticketId, compact = false }: { ticketId: string; compact?: boolean }) => {
  const view = useCall('ticket.publicView', { ticketId }, ticketId !== '')
  const [following, setFollowing] = useState(false)
  const followWrite = useSubmit('ticket.follow')
  const follow = async () => {
    if (!(await followWrite.submit({ ticketId }))) return
    setFollowing(true)
    toast(v.following)
  }
  const body = (
    <Loadable state={view.state} onRetry={view.reload}>
      {(t) => (
        <View className='voice-card public-ticket'>
          <Text className='voice-row__title'>{`${categoryName(t.category)} · ${t.villageName}`}</Text>
          <Text className='voice-row__meta'>{msg.tickets.status[t.status]}</Text>
          {t.description ? <Text className='voice-row__text public-description'>{t.description}</Text> : null}
          {t.photoUrls.length ? <PublicPhotos urls={t.photoUrls} /> : null}
          {compact ? null : (
            <View className='voice-card'>
              <Text className='voice-row__title'>{v.steps}</Text>
              {t.steps.map((s, i) => (
                <Text key={i} className='voice-row__meta public-step'>{s.action === 'create' ? v.filed(formatDate(s.at)) : v.step(formatDate(s.at), v.byRole[s.byRole] ?? '', actionWords(s.action))}</Text>
              ))}
              <Text className='voice-row__title'>{v.outcome}</Text>
              <Text className='voice-row__meta public-outcome'>
                {t.outcome ? [msg.tickets.status[t.status], t.outcome.satisfaction ? v.satisfaction(t.outcome.satisfaction) : ''].filter(Boolean).join('，') : v.noOutcome}
              </Text>
            </View>
          )}
          <Text className='voice-row__meta'>{v.privacy}</Text>
          {following || t.following ? (
            <Text className='mq-hint followed'>{v.following}</Text>
          ) : t.canFollow ? (
            <Button kind='secondary' className='follow-similar' loading={followWrite.pending} onClick={() => void follow()}>
              {v.follow}
            </Button>
          ) : null}
          {followWrite.error ? <ErrorState message={followWrite.error.message} code={followWrite.error.code} /> : null}
        </View>
      )}
    </Loadable>
  )
  // In the duplicate hint it sits inside the form's section; on its own page it is a section.
  return compact ? body : <Section title={v.title}>{body}</Section>
}
