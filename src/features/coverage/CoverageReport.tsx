/**
 * Coverage totals and findings, errors first; each finding is labelled in words (问题 / 提醒),
 * never by colour alone. Test selectors: `.coverage-report`, `.coverage-finding--error`.
 */
import { Text, View } from '@tarojs/components'
import type { CoverageView } from '../../contracts'
import { msg } from '../../i18n'
import './CoverageReport.scss'

const m = msg.home

export const CoverageReport = ({ coverage }: { coverage: CoverageView }) => {
  const errors = coverage.findings.filter((f) => f.severity === 'error')
  const warnings = coverage.findings.filter((f) => f.severity === 'warning')
  const totals = [
    { key: 'groups', label: m.coverageTotals.groups, value: coverage.groups },
    { key: 'households', label: m.coverageTotals.households, value: coverage.households },
    { key: 'cadres', label: m.coverageTotals.cadres, value: coverage.residentCadres },
  ]
  return (
    <View className='coverage-report'>
      <View className='coverage-totals'>
        {totals.map((t) => (
          <View key={t.key} className={`coverage-total coverage-total--${t.key}`}>
            <Text className='coverage-total__value'>{String(t.value)}</Text>
            <Text className='coverage-total__label'>{t.label}</Text>
          </View>
        ))}
      </View>
      {coverage.findings.length === 0 ? <Text className='coverage-ok'>{m.coverageOk}</Text> : null}
      {errors.length ? <Text className='coverage-heading'>{m.coverageErrors(errors.length)}</Text> : null}
      {[...errors, ...warnings].map((f, i) => {
        const first = f.severity === 'warning' && i === errors.length
        return (
          <View key={`${f.code}-${f.subjectId}-${i}`}>
            {first ? <Text className='coverage-heading'>{m.coverageWarnings(warnings.length)}</Text> : null}
            <View className={`coverage-finding coverage-finding--${f.severity}`}>
              <Text className='coverage-finding__tag'>{m.severity[f.severity]}</Text>
              <Text className='coverage-finding__text'>{f.message}</Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
