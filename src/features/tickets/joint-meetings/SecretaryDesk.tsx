/**
 * The village party secretary's desk: the village's escalated tickets (tap one to work it or pass
 * it to the township 联席会议), convening a 村两委及驻村工作组联系会议 with chosen tickets as the
 * agenda, and minuting a convened meeting: attendees, and per ticket a decision and an owner.
 * Test selectors: `.secretary-desk`, `.check-<ticketId>`, `.convene-meeting`, `.meeting-<id>`,
 * `.attendees-input` (with `.chip-<personId>` per candidate), `.decision-input`, `.owner-<personId>`,
 * `.record-meeting`.
 */
import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '../../../components/Button'
import { useConfirm } from '../../../components/Confirm'
import { formatDate } from '../../../components/format'
import { Section } from '../../../components/Section'
import { Empty, ErrorState, Loadable } from '../../../components/State'
import { toast } from '../../../components/feedback'
import type { MeetingView, MeView, PersonRef, SecretaryDeskView } from '../../../contracts'
import { msg } from '../../../i18n'
import { useSubmit } from '../../../services/useSubmit'
import { useCall } from '../../../services/useCall'
import { Check, Chips, Field } from '../shared/Pieces'
import { HANDLER_TICKET_PAGE, TicketList } from '../shared/TicketList'
import { categoryName } from '../shared/words'
import './SecretaryDesk.scss'

const m = msg.ticketLoop
const r = msg.records

const MeetingMinutes = ({ meeting, owners, candidates, onDone }: { meeting: MeetingView; owners: PersonRef[]; candidates: PersonRef[]; onDone: () => void }) => {
  const [attendees, setAttendees] = useState<string[]>([])
  const [decisions, setDecisions] = useState<Record<string, { decision: string; ownerId: string }>>({})
  const write = useSubmit('meeting.record')
  const { ask, dialog } = useConfirm()
  const c = msg.lookA.confirm.record
  const set = (ticketId: string, patch: Partial<{ decision: string; ownerId: string }>) =>
    setDecisions({ ...decisions, [ticketId]: { ...(decisions[ticketId] ?? { decision: '', ownerId: '' }), ...patch } })
  const record = () => {
    if (attendees.length === 0) return toast(r.attendeesRequired)
    // Every decision needs its owner and every owner a decision: nothing is dropped silently, and
    // the message names which item is missing what (issue 12).
    const minutes = msg.meetingMinutes
    const items = meeting.agenda.map((a, i) => ({ n: i + 1, d: decisions[a.ticketId] ?? { decision: '', ownerId: '' } }))
    const noOwner = items.find((x) => x.d.decision.trim() && !x.d.ownerId)
    if (noOwner) return toast(minutes.missingOwner(noOwner.n))
    const noDecision = items.find((x) => !x.d.decision.trim() && x.d.ownerId)
    if (noDecision) return toast(minutes.missingDecision(noDecision.n))
    if (!items.some((x) => x.d.decision.trim() && x.d.ownerId)) return toast(minutes.none)
    // Minutes hand the tickets to their owners and cannot be changed: asked first (look-a).
    ask({ title: c.title, what: c.what, who: c.who, ok: c.ok }, () => {
      void write
        .submit({
          meetingId: meeting.id,
          version: meeting.version,
          attendeeIds: attendees,
          decisions: Object.entries(decisions).filter(([, d]) => d.decision.trim() && d.ownerId).map(([ticketId, d]) => ({ ticketId, ...d })),
        })
        .then((out) => {
          if (!out) return
          toast(m.recorded)
          onDone()
        })
    })
  }
  return (
    <View className={`meeting meeting-${meeting.id}`}>
      <Field label={r.attendees} className='attendees-input'>
        <Chips
          options={candidates.map((p) => ({ id: p.id, label: `${p.name}（${p.title}）` }))}
          selected={attendees}
          onToggle={(id) => setAttendees(attendees.includes(id) ? attendees.filter((x) => x !== id) : [...attendees, id])}
        />
      </Field>
      {meeting.agenda.map((a) => (
        <Field key={a.ticketId} label={`${categoryName(a.category)}：${a.description}`} className={`meeting__agenda agenda-${a.ticketId}`}>
          <Textarea className='mq-textarea decision-input' placeholder={m.decision} value={decisions[a.ticketId]?.decision ?? ''} maxlength={500} onInput={(e) => set(a.ticketId, { decision: e.detail.value })} />
          <Text className='mq-hint'>{m.owner}</Text>
          <Chips options={owners.map((p) => ({ id: p.id, label: `${p.name}（${p.title}）` }))} selected={[decisions[a.ticketId]?.ownerId ?? '']} onToggle={(id) => set(a.ticketId, { ownerId: id })} />
        </Field>
      ))}
      {write.error ? <ErrorState message={write.error.message} code={write.error.code} /> : null}
      <Button className='record-meeting' loading={write.pending} onClick={record}>
        {m.record}
      </Button>
      {dialog}
    </View>
  )
}

const Desk = ({ desk, reload, me }: { desk: SecretaryDeskView; reload: () => void; me?: MeView }) => {
  const [chosen, setChosen] = useState<string[]>([])
  const [topic, setTopic] = useState('')
  const [note, setNote] = useState('')
  const write = useSubmit('meeting.convene')
  const { ask, dialog } = useConfirm()
  const c = msg.lookA.confirm.convene
  const error = write.error
  const waiting = desk.escalated.filter((t) => t.status === 'escalated_secretary')
  const convene = () => {
    if (chosen.length === 0) return toast(m.chooseAgenda)
    if (!topic.trim() || !note.trim()) return toast(m.reasonRequired)
    // Convening moves the tickets to the joint meeting for good: asked first (look-a).
    ask({ title: c.title, what: c.what(chosen.length), who: c.who, ok: c.ok }, () => {
      void write.submit({ ticketIds: chosen, topic, note }).then((out) => {
        if (!out) return
        setChosen([])
        reload()
      })
    })
  }
  return (
    <>
      <Section title={`${desk.villageName} · ${m.deskEscalated}`} className='secretary-desk'>
        {desk.escalated.length ? <TicketList tickets={desk.escalated} detailPage={HANDLER_TICKET_PAGE} viewer={me} /> : <Text className='mq-hint'>{m.deskEmpty}</Text>}
      </Section>
      {waiting.length ? (
        <Section title={m.convene} className='convene-panel'>
          {waiting.map((t) => (
            <Check key={t.id} id={t.id} checked={chosen.includes(t.id)} label={`${categoryName(t.category)}：${t.description}`} onToggle={() => setChosen(chosen.includes(t.id) ? chosen.filter((x) => x !== t.id) : [...chosen, t.id])} />
          ))}
          <Field label={m.topic}>
            <Textarea className='mq-textarea topic-input' value={topic} maxlength={100} onInput={(e) => setTopic(e.detail.value)} />
          </Field>
          <Field label={m.conveneNote}>
            <Textarea className='mq-textarea convene-note-input' value={note} maxlength={500} onInput={(e) => setNote(e.detail.value)} />
          </Field>
          {error ? <ErrorState message={error.message} code={error.code} /> : null}
          <Button className='convene-meeting' loading={write.pending} onClick={convene}>
            {m.convene}
          </Button>
          {dialog}
        </Section>
      ) : null}
      <Section title={m.meetings} className='meetings'>
        {desk.meetings.length === 0 ? <Empty text={msg.lookA.desk.noMeetings} /> : null}
        {desk.meetings.map((mt) => (
          <View key={mt.id} className='mq-field meetings__one'>
            <Text className='mq-field__label'>{`${formatDate(mt.convenedAt)} ${mt.topic}（${mt.status === 'recorded' ? m.meetingRecorded : m.meetingConvened}）`}</Text>
            {mt.status === 'recorded' ? (
              <>
                <Text className='mq-hint meeting-attendees'>{r.attendeesList(mt.attendees.map((p) => p.name).join('、'))}</Text>
                {mt.decisions.map((d) => <Text key={d.ticketId} className='mq-hint'>{`${d.decision}（${m.owner}：${d.owner.name}）`}</Text>)}
              </>
            ) : (
              <MeetingMinutes meeting={mt} owners={desk.owners} candidates={desk.attendeeCandidates} onDone={reload} />
            )}
          </View>
        ))}
      </Section>
    </>
  )
}

/**
 * The desk's parts are cards side by side on the page, never cards inside a card (look-a, issue 12):
 * the page's title (the navigation bar) already names the desk; one card holds it while it loads.
 */
export const SecretaryDesk = ({ me }: { me?: MeView }) => {
  const { state, reload } = useCall('meeting.desk', {})
  if (state.status === 'ready') return <Desk desk={state.data} reload={reload} me={me} />
  return (
    <Section title={m.deskTitle} className='secretary-desk-loading'>
      <Loadable state={state} onRetry={reload}>
        {() => null}
      </Loadable>
    </Section>
  )
}
