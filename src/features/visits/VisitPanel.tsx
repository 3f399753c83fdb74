/**
 * The cadre's visit screen: pick the household, write the purpose, notes and problems, save; then
 * the sign-off code (and share card in WeChat), the status, and "转为事项" for the problems found.
 * Must fit in a minute at the door. Test selectors: `.visit-form`, `.visit-save`, `.visit-created`.
 */
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Choice, Field, Line } from '../../components/Form'
import { formatDay, formatDayTime } from '../../components/format'
import { go, ROUTES } from '../../components/routes'
import { planDay } from '../villager/planDay'
import { toast } from '../../components/feedback'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import type { HouseholdRow, VisitView } from '../../contracts'
import { HouseholdPicker } from '../cadre/HouseholdPicker'
import { msg } from '../../i18n'
import { call } from '../../services/api'
import type { Gcj02Point } from '../../core/geo'
import device from '../../services/device'
import { DeviceError } from '../../services/device-types'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import { SignCode } from './SignCode'
import { visitStatusText } from './visitStatus'
import './VisitPanel.scss'

const m = msg.verdict.visit
const f = msg.field.households

const Created = ({ visit, onAnother }: { visit: VisitView; onAnother: () => void }) => {
  const [v, setV] = useState(visit)
  const toTicket = useSubmit('visit.toTicket')
  const refresh = async () => {
    const list = await call('visit.list', { householdId: v.householdId }).catch(() => [])
    const fresh = list.find((x) => x.id === v.id)
    if (fresh) setV(fresh)
  }
  return (
    <View className='visit-created'>
      <Section title={msg.verdict.fmt.household(v.householdNumber, v.headName)}>
        <Line className='visit-status'>{visitStatusText(v)}</Line>
        {v.signedByName ? <Line>{v.onBehalfOfName ? m.onBehalf(v.signedByName, v.onBehalfOfName) : m.signedBy(v.signedByName)}</Line> : null}
        {v.status === 'pending' && !v.expired ? <Line tone='muted'>{m.deadline(formatDayTime(v.deadline))}</Line> : null}
        {v.status === 'pending' && !v.expired ? <SignCode visitId={v.id} householdNumber={v.householdNumber} /> : null}
        <Button kind='secondary' className='visit-refresh' onClick={() => void refresh()}>
          {m.refresh}
        </Button>
      </Section>
      {v.problems && v.ticketIds.length === 0 ? (
        <Section title={m.problems}>
          <Line>{v.problems}</Line>
          <Button
            className='visit-to-ticket'
            loading={toTicket.pending}
            onClick={async () => {
              const out = await toTicket.submit({ visitId: v.id })
              if (out) {
                setV(out.visit)
                toast(m.ticketMade)
              }
            }}
          >
            {m.toTicket}
          </Button>
          {toTicket.error ? <ErrorState message={toTicket.error.message} code={toTicket.error.code} /> : null}
        </Section>
      ) : null}
      <Button kind='plain' className='visit-another' onClick={onAnother}>
        {m.another}
      </Button>
    </View>
  )
}

/** The household at the door: the shared picker, with 约个时间上门 beside the chosen one (visitplan). */
const VisitHouseholdPicker = ({ households, chosen, onChoose }: { households: HouseholdRow[]; chosen: string | null; onChoose: (id: string | null) => void }) => (
  <HouseholdPicker
    households={households}
    chosen={chosen}
    onChoose={onChoose}
    title={m.household}
    chosenLabel={f.chosen}
    describe={(h) => (h.lastConfirmedVisitAt ? '' : ` · ${msg.home.households.neverVisited}`)}
    prefix='visit'
  >
    {(current) => (
      <Button kind='plain' className='visit-household-plan' onClick={() => go(ROUTES.plan, { household: current.id })}>
        {current.plannedVisit ? msg.visitPlan.plannedMove(planDay(current.plannedVisit)) : msg.visitPlan.open}
      </Button>
    )}
  </HouseholdPicker>
)

/** The cadre's recent visits with their state in words (newest first). */
const RecentVisits = () => {
  const { state, reload } = useCall('visit.list', {})
  return (
    <Section title={m.list} className='visit-list'>
      <Loadable state={state} onRetry={reload} isEmpty={(l) => l.length === 0} emptyText={m.listEmpty}>
        {(list) => (
          <View>
            {list.slice(0, 20).map((v) => (
              <View key={v.id} className={`visit-row visit-row--${v.expired ? 'expired' : v.status}`}>
                <Line>{msg.verdict.fmt.labeled(msg.verdict.fmt.household(v.householdNumber, v.headName), formatDay(v.at))}</Line>
                <Line tone={v.counts ? 'good' : v.status === 'pending' && !v.expired ? 'muted' : 'bad'}>{visitStatusText(v)}</Line>
              </View>
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}

export const VisitPanel = ({ householdId }: { householdId?: string }) => {
  const households = useCall('cadre.households', {})
  const [chosen, setChosen] = useState<string | null>(householdId ?? null)
  const [purpose, setPurpose] = useState('')
  const [notes, setNotes] = useState('')
  const [problems, setProblems] = useState('')
  const [overnight, setOvernight] = useState(false)
  const [created, setCreated] = useState<VisitView | null>(null)
  const [point, setPoint] = useState<Gcj02Point | null>(null)
  const [photo, setPhoto] = useState<string | null>(null)
  const save = useSubmit('visit.create')
  if (created) return <Created visit={created} onAnother={() => setCreated(null)} />
  const locate = () =>
    device.locationGcj02().then(setPoint, () => toast(msg.verdict.signin.locationFailed))
  const shoot = () =>
    device.livePhoto().then(setPhoto, (e: unknown) => {
      if (!(e instanceof DeviceError && e.kind === 'cancelled')) toast(msg.errors['IMAGE.NOT_AN_IMAGE'])
    })
  return (
    <View>
      <Section title={m.newTitle} className='visit-form'>
        <Loadable state={households.state} onRetry={households.reload} isEmpty={(l) => l.length === 0} emptyText={msg.home.households.empty}>
          {(list) => <VisitHouseholdPicker households={list} chosen={chosen} onChoose={setChosen} />}
        </Loadable>
        <Field label={m.purpose} value={purpose} onInput={setPurpose} placeholder={m.purposeHint} className='visit-purpose' />
        <Field label={m.notes} value={notes} onInput={setNotes} multiline className='visit-notes' />
        <Field label={m.problems} value={problems} onInput={setProblems} placeholder={m.problemsHint} multiline className='visit-problems' />
        <Choice value={overnight ? 'yes' : null} onChange={() => setOvernight(!overnight)} options={[{ value: 'yes', label: m.overnight }]} />
        {/* One per line: side by side at 390 px they broke inside "（可选）". */}
        <View className='visit-extras'>
          <Button kind='plain' className='visit-locate' onClick={() => void locate()}>
            {point ? m.locationAdded : m.addLocation}
          </Button>
          <Button kind='plain' className='visit-photo' onClick={() => void shoot()}>
            {photo ? m.photoAdded : m.addPhoto}
          </Button>
        </View>
        <Button
          big
          className='visit-save'
          loading={save.pending}
          onClick={async () => {
            if (!chosen) return toast(m.pickHousehold)
            const out = await save.submit({ householdId: chosen, purpose, notes, problems, overnight, ...(point ?? {}), ...(photo ? { photo } : {}) })
            if (out) {
              setCreated(out)
              setPurpose('')
              setNotes('')
              setProblems('')
              setPoint(null)
              setPhoto(null)
              toast(m.saved)
            }
          }}
        >
          {m.save}
        </Button>
        {save.error ? <ErrorState message={save.error.message} code={save.error.code} /> : null}
      </Section>
      <RecentVisits />
    </View>
  )
}
