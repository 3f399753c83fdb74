/**
 * `npm run doctor [-- --target server|cloud]`: checks this deployment's configuration (the
 * environment it runs with) and names what is missing. Exit code 1 when anything must be fixed.
 * `server` (default): the self-hosted server's settings; `cloud`: the cloud function's database
 * settings, run with the same variables as the function's environment.
 * `--probe-wechat` (server): also asks WeChat for an access_token with the AppID and secret.
 */
import { formatChecks, runDoctor, type Target } from '../src/server/hosted/doctor'

const arg = process.argv.indexOf('--target')
const target = (arg >= 0 ? process.argv[arg + 1] : 'server') as Target
if (target !== 'server' && target !== 'cloud') {
  console.error('usage: npm run doctor -- --target server|cloud [--probe-wechat]')
  process.exit(2)
}

runDoctor(target, process.env, { probeWechat: process.argv.includes('--probe-wechat') }).then(
  (checks) => {
    console.log(`民情通 doctor (${target})\n${formatChecks(checks)}`)
    process.exit(checks.some((c) => c.level === 'fail') ? 1 : 0)
  },
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
