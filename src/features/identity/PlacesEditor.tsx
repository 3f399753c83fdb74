/**
 * The township's villages, villager groups and sign-in places, kept by the office (issue 10 item 4):
 * add a village, a group, a place (name, village, GCJ-02 latitude and longitude, radius) with "use my
 * current location". Test selectors: `.places-editor`, `.village-name`, `.village-add`, `.group-village-<id>`,
 * `.group-name`, `.group-add`, `.place-name`, `.place-lat`, `.place-lng`, `.place-radius`, `.place-here`,
 * `.place-save`, `.village-row`, `.place-row`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Choice, Field } from '../../components/Field'
import { toast } from '../../components/feedback'
import { ErrorState, Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import type { TownshipPlacesView } from '../../contracts'
import { msg } from '../../i18n'
import device from '../../services/device'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import './identity.scss'
// look-b: the rows' styles (title on its own line, bold): the places page did not load them.
import '../office/office.scss'

/** look-b: 一社、二社、三社 in counting order (they were listed 二社、三社、四社、一社). */
const NUMERALS = '一二三四五六七八九十'
const groupNumber = (name: string): number => {
  const digits = parseInt(name, 10)
  if (!Number.isNaN(digits)) return digits
  const i = NUMERALS.indexOf(name.charAt(0))
  return i < 0 ? Number.MAX_SAFE_INTEGER : i + 1
}
const byGroupNumber = (a: { name: string }, b: { name: string }) => groupNumber(a.name) - groupNumber(b.name) || a.name.localeCompare(b.name, 'zh')

const m = msg.identity.places

const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text))

const Editor = ({ data, onChanged }: { data: TownshipPlacesView; onChanged: () => void }) => {
  const addVillage = useSubmit('office.addVillage')
  const addGroup = useSubmit('office.addGroup')
  const savePlace = useSubmit('office.savePlace')
  const [villageName, setVillageName] = useState('')
  const [groupVillage, setGroupVillage] = useState(data.villages[0]?.id ?? '')
  const [groupName, setGroupName] = useState('')
  const [place, setPlace] = useState({ name: '', villageId: '', lat: '', lng: '', radius: '200' })
  const villages = data.villages.map((v) => ({ value: v.id, label: v.name }))
  const error = addVillage.error ?? addGroup.error ?? savePlace.error

  const here = async () => {
    try {
      const p = await device.locationGcj02()
      setPlace((x) => ({ ...x, lat: p.lat.toFixed(6), lng: p.lng.toFixed(6) }))
    } catch {
      toast(m.locationFailed)
    }
  }
  const saved = (ok: unknown) => {
    if (!ok) return
    toast(m.saved)
    onChanged()
  }
  return (
    <View className='places-editor'>
      <Section title={m.villages}>
        {data.villages.length === 0 ? <Text className='places-editor__none'>{m.none}</Text> : null}
        {data.villages.map((v) => (
          <View key={v.id} className='office-row village-row'>
            <Text className='office-row__title'>{v.name}</Text>
            <Text className='office-row__meta'>{`${m.groups}：${[...v.groups].sort(byGroupNumber).map((g) => g.name).join('、') || m.none}`}</Text>
          </View>
        ))}
        <Field label={m.villageName} value={villageName} onChange={setVillageName} maxlength={40} className='village-name' />
        <Button
          kind='secondary'
          className='village-add'
          loading={addVillage.pending}
          onClick={() =>
            void addVillage.submit({ name: villageName }).then((r) => {
              if (r) {
                setVillageName('')
                setGroupVillage((g) => g || r.villages[0]?.id || '')
              }
              saved(r)
            })
          }
        >
          {m.addVillage}
        </Button>
      </Section>
      {villages.length > 0 ? (
        <Section title={m.groups}>
          <Choice label={m.groupVillage} options={villages} value={groupVillage || (villages[0]?.value ?? '')} onChange={setGroupVillage} className='group-village' />
          <Field label={m.groupName} value={groupName} onChange={setGroupName} maxlength={40} className='group-name' />
          <Button
            kind='secondary'
            className='group-add'
            loading={addGroup.pending}
            onClick={() =>
              void addGroup.submit({ villageId: groupVillage || (villages[0]?.value ?? ''), name: groupName }).then((r) => {
                if (r) setGroupName('')
                saved(r)
              })
            }
          >
            {m.addGroup}
          </Button>
        </Section>
      ) : null}
      <Section title={m.places}>
        {data.places.map((p) => (
          <View key={p.id} className='office-row place-row'>
            <Text className='office-row__title'>{p.name}</Text>
            <Text className='office-row__meta'>{`${p.lat.toFixed(6)}, ${p.lng.toFixed(6)} · ${p.radiusM} 米 · GCJ-02`}</Text>
          </View>
        ))}
        <Field label={m.placeName} value={place.name} onChange={(name) => setPlace((x) => ({ ...x, name }))} maxlength={40} className='place-name' />
        <Choice label={m.village} options={[{ value: '', label: msg.office.ui.notices.township }, ...villages]} value={place.villageId} onChange={(villageId) => setPlace((x) => ({ ...x, villageId }))} className='place-village' />
        <Button kind='secondary' className='place-here' onClick={() => void here()}>
          {m.useLocation}
        </Button>
        <Field label={m.lat} value={place.lat} onChange={(lat) => setPlace((x) => ({ ...x, lat }))} maxlength={12} className='place-lat' />
        <Field label={m.lng} value={place.lng} onChange={(lng) => setPlace((x) => ({ ...x, lng }))} maxlength={12} className='place-lng' />
        <Field label={m.radius} value={place.radius} onChange={(radius) => setPlace((x) => ({ ...x, radius }))} maxlength={5} className='place-radius' />
        <Button
          className='place-save'
          loading={savePlace.pending}
          onClick={() =>
            void savePlace
              .submit({ name: place.name, villageId: place.villageId || null, lat: number(place.lat), lng: number(place.lng), radiusM: Math.round(number(place.radius)) })
              .then((r) => {
                if (r) setPlace({ name: '', villageId: '', lat: '', lng: '', radius: '200' })
                saved(r)
              })
          }
        >
          {m.save}
        </Button>
      </Section>
      {error ? <ErrorState message={error.message} code={error.code} /> : null}
    </View>
  )
}

export const PlacesEditor = () => {
  const view = useCall('office.places', {})
  return (
    <Loadable state={view.state} onRetry={view.reload}>
      {(data) => <Editor data={data} onChanged={view.reload} />}
    </Loadable>
  )
}
