/** The coverage check on the office, leader and supervisor home. */
import { Section } from '../../components/Section'
import { Loadable } from '../../components/State'
import { msg } from '../../i18n'
import { CoverageReport } from './CoverageReport'
import { useCoverage } from './useCoverage'

export const CoverageSection = () => {
  const { state, reload } = useCoverage()
  return (
    <Section title={msg.home.officeCoverage} className='coverage-section'>
      <Loadable state={state} onRetry={reload}>
        {(coverage) => <CoverageReport coverage={coverage} />}
      </Loadable>
    </Section>
  )
}
