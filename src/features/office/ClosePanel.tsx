/**
 * 月末结账: the last six months with their status in words; close a month, reopen it with a
 * reason (logged), open its posting, and download the four xlsx exports.
 * Test selectors: `.close-panel`, `.period-<YYYY-MM>`, `.period-auto-close-on`, `.close-button`, `.posting-link`, `.export-<kind>`,
 * `.period-offer--<close|closed|after|older|calendar>`, `.reopen-open` (shows the reason field and `.reopen-button`).
 * look-b: only the month that can be closed now offers 结账 (core closeOffer); closed months show their state.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { useConfirm } from '../../components/Confirm'
import { Field } from '../../components/Field'
import { toast } from '../../components/feedback'
import { formatDate } from '../../components/format'
import { ErrorState, Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import type { PeriodView } from '../../contracts'
import { PostingTable } from '../posting/PostingTable'
import { msg } from '../../i18n'
import { ApiCallError } from '../../services/api'
import files from '../../services/files'
import type { ExportKind } from '../../services/files-types'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import { useSubscribeAsk } from '../../services/subscribe'
import './office.scss'

const m = msg.office.ui.close
const ask = msg.asks.close
const plain = msg.plain
const lb = msg.lookB.close
const KINDS: ExportKind[] = ['posting', 'scores', 'allowance', 'tickets']

const PeriodRow = ({ p, onChanged }: { p: PeriodView; onChanged: () => void }) => {
  const close = useSubmit('office.closePeriod')
  const askNews = useSubscribeAsk(['monthClose'])
  const preview = useSubmit('office.postingPreview')
  const confirm = useConfirm()
  const reopen = useSubmit('office.reopenPeriod')
  const [reason, setReason] = useState('')
  const [reopening, setReopening] = useState(false)
  const [downloadError, setDownloadError] = useState<ApiCallError | null>(null)
  const closed = p.status === 'closed'

  // 结账 publishes to every villager: first the posting as they will see it, then the confirmation.
  const askClose = async () => {
    // wechat-notify: closing by hand, the office asks to hear when a month closes by itself.
    askNews()
    const posting = await preview.submit({ period: p.period })
    if (!posting) return
    confirm.ask({ title: ask.title(plain.month(p.period)), what: ask.what, who: ask.who, ok: ask.ok, preview: <PostingTable posting={posting} /> }, () => void doClose())
  }
  const doClose = async () => {
    const out = await close.submit({ period: p.period })
    if (out) {
      toast(m.closed(out.cadres, out.repairedDays))
      onChanged()
    }
  }
  const doReopen = async () => {
    if (!reason.trim()) return toast(m.reasonRequired)
    if (await reopen.submit({ period: p.period, reason })) {
      toast(m.reopened)
      setReason('')
      setReopening(false)
      onChanged()
    }
  }
  const download = (kind: ExportKind) => {
    setDownloadError(null)
    files.downloadExport(kind, p.period).then(
      () => toast(m.downloaded),
      (e: unknown) => setDownloadError(e instanceof ApiCallError ? e : null),
    )
  }
  const error = close.error ?? preview.error ?? reopen.error ?? downloadError
  // look-b: only the month that can be closed now offers 结账 (core closeOffer); the others say why.
  const offer = p.offer ?? (closed ? { kind: 'closed' as const } : { kind: 'close' as const })
  return (
    <View className={`office-row period-row period-${p.period} period--${p.status} period-offer--${offer.kind}`}>
      <View className='period-head'>
        <Text className='office-row__title'>{plain.month(p.period)}</Text>
        <Text className={`office-tag office-tag--${p.status}`}>{m.status[p.status]}</Text>
      </View>
      {closed && p.closedAt && p.closedBy ? <Text className='office-row__meta'>{m.closedBy(p.closedBy, formatDate(p.closedAt))}</Text> : null}
      {p.digest ? <Text className='office-row__meta period-digest'>{plain.digest(p.digest)}</Text> : null}
      {p.reopenings.length ? <Text className='office-row__meta'>{m.reopenings(p.reopenings.length)}</Text> : null}
      {p.autoClose ? <Text className='office-row__meta period-auto-close'>{p.autoClose}</Text> : null}
      {p.autoCloseOn && offer.kind === 'close' ? <Text className='office-row__meta period-auto-close-on'>{msg.selfhost.autoCloseOn(p.autoCloseOn, p.autoCloseDue === true)}</Text> : null}
      {offer.kind === 'after' ? <Text className='office-row__meta period-wait'>{lb.after(plain.month(offer.first))}</Text> : null}
      {offer.kind === 'older' ? <Text className='office-row__meta period-older'>{lb.older}</Text> : null}
      {offer.kind === 'calendar' ? <Text className='office-row__meta period-calendar'>{lb.calendar(offer.years.join('、'))}</Text> : null}
      {offer.kind === 'close' ? (
        <View className='period-actions'>
          <Text className='office-row__meta period-ready'>{lb.ready}</Text>
          <Button className='close-button' loading={close.pending || preview.pending} onClick={() => void askClose()}>
            {close.pending ? m.closing : preview.pending ? ask.previewLoading : m.close}
          </Button>
        </View>
      ) : null}
      {closed ? (
        <View className='period-actions'>
          <Button kind='secondary' className='posting-link' onClick={() => void Taro.navigateTo({ url: `/pages/posting/index?period=${p.period}` })}>
            {m.posting}
          </Button>
          <Text className='office-row__meta'>{lb.exportsTitle}</Text>
          <View className='period-exports'>
            {KINDS.map((k) => (
              <Button key={k} kind='plain' className={`export-${k}`} onClick={() => download(k)}>
                {m.exportKinds[k]}
              </Button>
            ))}
          </View>
          {reopening ? (
            <View className='period-reopen'>
              <Field label={m.reason} value={reason} onChange={setReason} className='reopen-reason' maxlength={200} />
              <View className='period-exports'>
                <Button kind='secondary' className='reopen-button' loading={reopen.pending} onClick={() => void doReopen()}>
                  {m.reopen}
                </Button>
                <Button kind='plain' className='reopen-cancel' onClick={() => setReopening(false)}>
                  {lb.reopenCancel}
                </Button>
              </View>
            </View>
          ) : (
            <Button kind='plain' className='reopen-open' onClick={() => setReopening(true)}>
              {lb.reopenOpen}
            </Button>
          )}
        </View>
      ) : null}
      {error ? <ErrorState message={error.message} code={error.code} /> : null}
      {confirm.dialog}
    </View>
  )
}

export const ClosePanel = () => {
  const { state, reload } = useCall('office.periods', {})
  return (
    <Section title={m.title} className='close-panel'>
      <Text className='office-note'>{m.hint}</Text>
      <Loadable state={state} onRetry={reload}>
        {(periods) => (
          <View>
            {periods.map((p) => (
              <PeriodRow key={p.period} p={p} onChanged={reload} />
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}
