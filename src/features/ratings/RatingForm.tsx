/**
 * 评价: for each cadre the viewer rates (their household's cadre, or in their band), big stars on
 * each named dimension and an optional comment; the current rating is shown and can be changed
 * until the period closes. Test selectors: `.rating-form`, `.rating-target`, `.rating-submit`.
 */
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Field, Line } from '../../components/Form'
import { toast } from '../../components/feedback'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import { Stars } from '../../components/Stars'
import type { RatingFormView, RatingTargetView } from '../../contracts'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'

const m = msg.verdict.rating

const Target = ({ form, target, onSaved }: { form: RatingFormView; target: RatingTargetView; onSaved: (f: RatingFormView) => void }) => {
  const [dims, setDims] = useState<Record<string, number>>(target.mine?.dimensions ?? {})
  const [comment, setComment] = useState(target.mine?.comment ?? '')
  const save = useSubmit('rating.submit', { queue: () => msg.field.queued.rating(target.cadre.name), onQueued: () => toast(msg.outbox.queued) })
  return (
    <Section title={msg.verdict.fmt.paren(target.cadre.name, m.bands[target.band])} className={`rating-target rating-target-${target.cadre.id}-${target.band}`}>
      {form.dimensions.map((d) => (
        <Stars key={d} className={`rating-dim-${d}`} label={m.dimensions[d] ?? d} value={dims[d] ?? 0} onChange={(n) => setDims({ ...dims, [d]: n })} />
      ))}
      <Field label={m.comment} value={comment} onInput={setComment} multiline className='rating-comment' />
      {/* issue 13: the comment waits for the office; a refused one says why */}
      {target.mine?.moderation ? (
        <Line tone={target.mine.moderation.status === 'refused' ? 'bad' : 'muted'} className='comment-moderation'>
          {target.mine.moderation.status === 'refused' && target.mine.moderation.reason
            ? msg.voice.moderation.refusedBecause(msg.voice.moderation.reasons[target.mine.moderation.reason] ?? '')
            : (msg.voice.moderation.status[target.mine.moderation.status] ?? '')}
        </Line>
      ) : null}
      {form.closed ? (
        <Line tone='muted'>{m.closed}</Line>
      ) : (
        <Button
          big
          className='rating-submit'
          loading={save.pending}
          onClick={async () => {
            const out = await save.submit({ period: form.period, cadreId: target.cadre.id, band: target.band, dimensions: dims, comment })
            if (out) {
              toast(m.saved)
              onSaved(out)
            }
          }}
        >
          {target.mine ? m.change : m.submit}
        </Button>
      )}
      {save.error ? <ErrorState message={save.error.message} code={save.error.code} /> : null}
    </Section>
  )
}

export const RatingForm = () => {
  const { state, reload } = useCall('rating.form', {})
  const [saved, setSaved] = useState<RatingFormView | null>(null)
  return (
    <View className='rating-form'>
      <Loadable state={state} onRetry={reload} isEmpty={(f) => f.targets.length === 0} emptyText={m.empty}>
        {(loaded) => {
          const form = saved ?? loaded
          return (
            <View>
              <Section title={m.title}>
                <Line>{m.period(form.period)}</Line>
                <Line tone='muted'>{m.anonymous}</Line>
              </Section>
              {form.targets.map((t) => (
                <Target key={`${t.cadre.id}-${t.band}`} form={form} target={t} onSaved={setSaved} />
              ))}
            </View>
          )
        }}
      </Loadable>
    </View>
  )
}
