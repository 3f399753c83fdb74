/**
 * One ticket for whoever may see it: status in plain words with who has it and what comes next,
 * what was asked, photos, the timeline, and the buttons this viewer may press (from the server's
 * allowedActions): the villager confirms and rates or reopens with a reason; a handler accepts,
 * notes progress with photos (response templates), resolves with result figures, or escalates.
 * Test selectors: `.ticket-detail`, `.ticket-status--<status>`, `.act-<action>`, `.note-input`.
 */
import { useState } from 'react'
import { Image, Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '../../../components/Button'
import { useConfirm } from '../../../components/Confirm'
import { Section } from '../../../components/Section'
import { ErrorState } from '../../../components/State'
import { toast } from '../../../components/feedback'
import type { CategoryView, TicketView } from '../../../contracts'
import { isFinal } from '../../../core/tickets'
import { msg } from '../../../i18n'
import { Chips, Field, PhotoPicker, Stars, type Photo } from './Pieces'
import { PlaceLine, ReporterLine, VoicePlayer } from './TicketMedia'
import { Timeline } from './Timeline'
import { PhotoCheckNote } from './PhotoCheckNote'
import { useFileUrls } from '../../../services/file-urls'
import { RevealReporter } from '../../voice/RevealReporter'
import { useAct } from './useTicket'
import { categoryName, optionName, questionLabel } from './words'
import { LevelTimer, TicketSentence } from './LevelTimer'
import { useSubscribeAsk } from '../../../services/subscribe'
import './tickets.scss'

const m = msg.ticketLoop
const t = msg.tickets
const asks = msg.asks

const answerText = (v: string | number | string[]): string => (Array.isArray(v) ? v.map(optionName).join('、') : typeof v === 'string' ? optionName(v) : String(v))

export const TicketDetail = ({ ticket: initial, category, handler = false }: { ticket: TicketView; category: CategoryView | undefined; handler?: boolean }) => {
  const [ticket, setTicket] = useState(initial)
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<Photo[]>([])
  const [stars, setStars] = useState(0)
  const [figures, setFigures] = useState<Record<string, string>>({})
  // Cloud files are shown through temporary URLs (office-files, issue 11 item 2).
  const shown = useFileUrls([...ticket.photoUrls, ...(ticket.voiceUrl ? [ticket.voiceUrl] : []), ...ticket.history.flatMap((e) => e.photoUrls)])
  // wechat-notify: a cadre taking it asks for the handling's outcome and its escalation.
  const askNews = useSubscribeAsk(['resolved', 'escalated'])
  const { act, pending, error } = useAct(ticket, (next) => {
    setTicket(next)
    setNote('')
    setPhotos([])
    toast(m.done)
  })
  // 撤回, 办结 and 交上去 cannot be undone: each asks first, saying what happens and who sees it.
  const { ask, dialog } = useConfirm()
  const can = (a: string) => ticket.allowedActions.includes(a as TicketView['allowedActions'][number])
  const needNote = (run: () => void) => () => (note.trim() ? run() : toast(m.reasonRequired))
  const result = () => {
    const entries = Object.entries(figures).filter(([, v]) => v.trim() !== '' && !Number.isNaN(Number(v)))
    return entries.length ? Object.fromEntries(entries.map(([k, v]) => [k, Math.round(Number(v))])) : undefined
  }
  const ended = isFinal(ticket.status)
  const isHandler = can('accept') || can('progress') || can('resolve')
  const templates = (category?.replyTemplates ?? []).map((key) => msg.rules.templates[key] ?? '').filter(Boolean)

  return (
    <View className={`ticket-detail ticket-detail--${ticket.id}`}>
      <Section title={`${t.kind[ticket.kind]} · ${categoryName(ticket.category)}`}>
        <Text className={`ticket-detail__status ticket-status--${ticket.status}`}>{t.status[ticket.status]}</Text>
        <TicketSentence ticket={ticket} className='mq-hint' />
        <LevelTimer ticket={ticket} now={Date.now()} className='mq-hint' />
        {/* issue 13: anonymous to this viewer; the township may reveal it for a fraud check */}
        {ticket.anonymous && ticket.reporterName === null ? <Text className='mq-hint anonymous-report'>{msg.voice.anonymous}</Text> : null}
        {ticket.anonymous && ticket.reporterName === null ? <RevealReporter ticketId={ticket.id} /> : null}
        {ticket.filedOnBehalf ? <Text className='mq-hint filed-on-behalf'>{`${m.filedOnBehalf}${ticket.onBehalfOfName ? `（${ticket.onBehalfOfName}）` : ''}`}</Text> : null}
        <Text className='ticket-detail__description'>{ticket.description}</Text>
        {Object.keys(ticket.answers).length ? (
          <Field label={m.answers}>
            {Object.entries(ticket.answers).map(([k, v]) => (
              <Text key={k} className='mq-hint'>{`${questionLabel(k)}：${answerText(v)}`}</Text>
            ))}
          </Field>
        ) : null}
        {ticket.photoUrls.length ? (
          <View className='mq-photos'>
            {ticket.photoUrls.map((u) => (
              <Image key={u} className='mq-photo ticket-photo' src={shown(u)} mode='aspectFill' />
            ))}
          </View>
        ) : null}
        {ticket.photoChecks ? <PhotoCheckNote checks={ticket.photoChecks} /> : null}
        {ticket.voiceUrl && shown(ticket.voiceUrl) ? <VoicePlayer url={shown(ticket.voiceUrl)} /> : null}
        {ticket.location ? <PlaceLine point={ticket.location} /> : null}
        {ticket.result ? (
          <Field label={m.result}>
            {Object.entries(ticket.result).map(([k, v]) => (
              <Text key={k} className='mq-hint'>{`${m.resultFields[k] ?? k}：${v}`}</Text>
            ))}
          </Field>
        ) : null}
        {ticket.satisfaction ? <Text className='mq-hint'>{m.rated(ticket.satisfaction)}</Text> : null}
      </Section>

      {handler ? (
        <Section className='ticket-who-section'>
          <ReporterLine ticket={ticket} canCall={!ended} />
        </Section>
      ) : null}

      {error ? <ErrorState message={error.message} code={error.code} /> : null}

      {can('confirm') ? (
        <Section title={m.confirmTitle} className='confirm-panel'>
          <Field label={m.rate}>
            <Stars value={stars} onChange={setStars} />
          </Field>
          <Button big className='act-confirm' loading={pending === 'confirm'} onClick={() => void act({ action: 'confirm', note: '', ...(stars ? { satisfaction: stars } : {}) })}>
            {m.confirm}
          </Button>
          <Field label={m.reopenReason}>
            <Textarea className='mq-textarea note-input' value={note} maxlength={500} onInput={(e) => setNote(e.detail.value)} />
          </Field>
          <Button kind='secondary' className='act-reopen' loading={pending === 'reopen'} onClick={needNote(() => void act({ action: 'reopen', note }))}>
            {m.reopen}
          </Button>
        </Section>
      ) : null}

      {isHandler || can('escalate_secretary') || can('escalate_township') ? (
        <Section title={m.note} className='handle-panel'>
          {can('accept') ? (
            <Button big className='act-accept' loading={pending === 'accept'} onClick={() => {
              askNews()
              void act({ action: 'accept', note: '' })
            }}>
              {m.accept}
            </Button>
          ) : null}
          {can('progress') || can('resolve') || can('escalate_secretary') || can('escalate_township') ? (
            <>
              <Field label={m.templates}>
                <Chips options={templates.map((x, i) => ({ id: `tpl${i}`, label: x }))} selected={[]} onToggle={(id) => setNote(templates[Number(id.slice(3))] ?? '')} />
              </Field>
              <Textarea className='mq-textarea note-input' value={note} maxlength={500} placeholder={m.notePlaceholder} onInput={(e) => setNote(e.detail.value)} />
              <PhotoPicker photos={photos} onChange={setPhotos} max={9} />
            </>
          ) : null}
          {can('resolve') && category?.resultFields.length
            ? category.resultFields.map((f) => (
                <Field key={f} label={m.resultFields[f] ?? f}>
                  <Input className={`mq-input figure-${f}`} type='number' value={figures[f] ?? ''} onInput={(e) => setFigures({ ...figures, [f]: e.detail.value })} />
                </Field>
              ))
            : null}
          <View className='mq-row'>
            {can('progress') ? (
              <Button kind='secondary' className='act-progress' loading={pending === 'progress'} onClick={needNote(() => void act({ action: 'progress', note, photoUrls: photos.map((p) => p.url) }))}>
                {m.progress}
              </Button>
            ) : null}
            {can('resolve') ? (
              <Button className='act-resolve' loading={pending === 'resolve'} onClick={needNote(() => ask(asks.resolve, () => void act({ action: 'resolve', note, photoUrls: photos.map((p) => p.url), result: result() })))}>
                {m.resolve}
              </Button>
            ) : null}
            {can('escalate_secretary') ? (
              <Button kind='secondary' className='act-escalate_secretary' loading={pending === 'escalate_secretary'} onClick={needNote(() => ask(asks.escalate, () => void act({ action: 'escalate_secretary', note })))}>
                {m.escalate}
              </Button>
            ) : null}
            {can('escalate_township') ? (
              <Button kind='secondary' className='act-escalate_township' loading={pending === 'escalate_township'} onClick={needNote(() => ask(asks.escalate, () => void act({ action: 'escalate_township', note })))}>
                {m.escalateTownship}
              </Button>
            ) : null}
          </View>
        </Section>
      ) : null}

      {can('withdraw') && !isHandler ? (
        <Section>
          <Button kind='plain' className='act-withdraw' loading={pending === 'withdraw'} onClick={() => ask({ ...asks.withdraw, danger: true }, () => void act({ action: 'withdraw', note: '' }))}>
            {m.withdraw}
          </Button>
        </Section>
      ) : null}

      <Section title={m.timeline}>
        <Timeline events={ticket.history} shown={shown} />
      </Section>
      {dialog}
    </View>
  )
}
