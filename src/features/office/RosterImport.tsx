/**
 * Roster import (花名册导入): download the template, pick a .xlsx/.csv file, and see either what was
 * imported plus the coverage check, or the list of problems by row and column (nothing imported).
 * Test selectors: `.roster-import`, `.import-pick`, `.import-issue`, `.import-coverage`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { ErrorState } from '../../components/State'
import { Section } from '../../components/Section'
import type { ImportView } from '../../contracts'
import { msg } from '../../i18n'
import { ApiCallError } from '../../services/api'
import files from '../../services/files'
import './office.scss'

const m = msg.office.ui.roster

export const RosterImport = () => {
  const [pending, setPending] = useState(false)
  const [done, setDone] = useState<ImportView | null>(null)
  const [error, setError] = useState<ApiCallError | null>(null)

  const pick = async () => {
    setPending(true)
    setError(null)
    try {
      const result = await files.pickAndImportRoster()
      if (result) setDone(result)
    } catch (e) {
      setDone(null)
      setError(e instanceof ApiCallError ? e : new ApiCallError('SERVER.INTERNAL', msg.errors['SERVER.INTERNAL']))
    } finally {
      setPending(false)
    }
  }
  const download = (format: 'xlsx' | 'csv') => {
    files.downloadTemplate(format).catch((e: unknown) => setError(e instanceof ApiCallError ? e : null))
  }

  return (
    <Section title={m.title} className='roster-import'>
      <Text className='office-note'>{m.hint}</Text>
      <View className='office-buttons'>
        <Button kind='secondary' className='template-xlsx' onClick={() => download('xlsx')}>
          {m.templateXlsx}
        </Button>
        <Button kind='secondary' className='template-csv' onClick={() => download('csv')}>
          {m.templateCsv}
        </Button>
      </View>
      <Button className='import-pick' loading={pending} onClick={() => void pick()}>
        {pending ? m.importing : m.pick}
      </Button>
      {error ? (
        <View className='import-errors'>
          <ErrorState message={error.message} code={error.code} />
          {error.issues.length ? <Text className='office-row__title'>{m.issuesTitle(error.issues.length)}</Text> : null}
          {error.issues.map((i) => (
            <Text key={i.path} className='office-issue import-issue'>
              {i.message}
            </Text>
          ))}
        </View>
      ) : null}
      {done ? (
        <View className='import-done'>
          <Text className='office-success'>{m.imported(done.villages, done.groups, done.households, done.people)}</Text>
          <Text className='office-row__title'>{m.coverageTitle}</Text>
          <View className='import-coverage'>
            {done.coverage.length === 0 ? <Text className='office-note'>{m.coverageOk}</Text> : null}
            {done.coverage.map((f, i) => (
              <Text key={`${f.code}-${i}`} className={`office-finding office-finding--${f.severity} import-coverage-${f.severity}`}>
                {`${msg.home.severity[f.severity]}：${f.message}`}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
    </Section>
  )
}
