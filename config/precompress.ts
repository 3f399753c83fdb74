/**
 * H5 production build: every JS and CSS file also as `.br` (brotli, quality 11) and `.gz` (gzip,
 * level 9) beside it, so that the local server sends the smallest bytes without compressing on each
 * request (@fastify/static `preCompressed`; issue 12 item 11). Compressing on the fly uses a fast,
 * weaker brotli level and costs CPU on every first visit; done once here it costs ~10 s of build.
 * One rule: a file is only precompressed when that saves bytes (tiny files stay as they are).
 */
import zlib from 'node:zlib'
import { promisify } from 'node:util'
import type { Compiler } from 'webpack'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/
/** Below this an answer fits one TCP packet anyway (same threshold as the server's compression). */
const MIN_BYTES = 1024

export class PrecompressPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('minqing-precompress', (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: 'minqing-precompress', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, async (assets) => {
        const names = Object.keys(assets).filter((name) => COMPRESSIBLE.test(name))
        await Promise.all(
          names.map(async (name) => {
            const raw = compilation.getAsset(name)?.source.buffer()
            if (!raw || raw.length < MIN_BYTES) return
            const [br, gz] = await Promise.all([
              brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
              gzip(raw, { level: 9 }),
            ])
            if (br.length < raw.length) compilation.emitAsset(`${name}.br`, new sources.RawSource(br))
            if (gz.length < raw.length) compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz))
          }),
        )
      })
    })
  }
}
