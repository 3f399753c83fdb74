/**
 * The doors from the home screen into the office subpackage, by role: the office hub and leaders
 * get the workbench, the dashboard and the roster; the supervision group its workbench; a public
 * supervisor (作风建设监督员) the report form; the office, leaders and the group also the cadres'
 * records (干部档案). Test selectors: `.office-entry`, `.entry-<key>`, `.entry-cadres`.
 */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Section } from '../../components/Section'
import type { MeView } from '../../contracts'
import { CADRES_PAGE, ROUTES } from '../../components/routes'
import { msg } from '../../i18n'
import { isSupervision, isTownshipStaff, seesWholeTownship } from '../../core/roles'
import './office.scss'

const m = msg.office.ui.entry

export const officeEntriesFor = (me: MeView): (keyof typeof m)[] => {
  const out: (keyof typeof m)[] = []
  // The office's workbench and roster for those who run the township; the dashboard also for the
  // supervision group, which reads everything but manages nothing (core roles).
  if (isTownshipStaff(me)) out.push('office')
  if (seesWholeTownship(me)) out.push('dashboard')
  if (isTownshipStaff(me)) out.push('roster')
  if (isSupervision(me)) out.push('supervision')
  if (me.roles.includes('publicSupervisor') || isSupervision(me)) out.push('report')
  return out
}

export const OfficeEntry = ({ me }: { me: MeView }) => {
  const entries = officeEntriesFor(me)
  if (entries.length === 0) return null
  return (
    <Section className='office-entry'>
      <View className='office-buttons'>
        {entries.map((key) => (
          <Button key={key} kind={key === 'office' || key === 'supervision' ? 'primary' : 'secondary'} className={`entry-${key}`} onClick={() => void Taro.navigateTo({ url: `/subpackages/office/${key === 'office' ? 'index' : key}/index` })}>
            {m[key]}
          </Button>
        ))}
        {entries.includes('office') ? (
          <Button kind='secondary' className='entry-places' onClick={() => void Taro.navigateTo({ url: '/subpackages/office/places/index' })}>
            {msg.lookB.entry.places}
          </Button>
        ) : null}
        {entries.includes('office') || entries.includes('supervision') ? (
          <Button kind='secondary' className='entry-cadres' onClick={() => void Taro.navigateTo({ url: CADRES_PAGE })}>
            {msg.records.entryCadres}
          </Button>
        ) : null}
        {/* issue 13: comment moderation (office), call-backs (supervision) */}
        {entries.includes('office') ? (
          <Button kind='secondary' className='entry-moderation' onClick={() => void Taro.navigateTo({ url: ROUTES.moderation })}>
            {msg.voice.entryModeration}
          </Button>
        ) : null}
        {entries.includes('supervision') ? (
          <Button kind='secondary' className='entry-callbacks' onClick={() => void Taro.navigateTo({ url: ROUTES.callBacks })}>
            {msg.voice.callBacks.entry}
          </Button>
        ) : null}
      </View>
    </Section>
  )
}
