// Taro build configuration for both targets: weapp (the product, output dist/) and h5 (the local
// demo and browser tests, output dist-h5/). One rule: both targets build from the same sources.
import fs from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { PrecompressPlugin } from './precompress'
import { FirstScreenPreloadPlugin } from './first-screen-preload'
import { H5_SESSION_KEY } from '../src/services/session-key'

// taro-ui 3.3.2 styles trip ~160 Sass deprecation warnings per build; they are its, not ours.
const sassOptions = {
  silenceDeprecations: ['legacy-js-api', 'import', 'slash-div', 'global-builtin', 'color-functions'],
}

const weappBackendConstants = () => {
  const kind = process.env.MINQING_WEAPP_BACKEND?.trim() || 'cloud'
  const base = process.env.MINQING_API_BASE?.trim() || ''
  if (kind !== 'cloud' && kind !== 'https') throw new Error(`MINQING_WEAPP_BACKEND must be cloud or https, not ${kind}`)
  if (kind === 'https' && !/^https:\/\/[^/\s]+/.test(base)) throw new Error('MINQING_WEAPP_BACKEND=https needs MINQING_API_BASE=https://your.server')
  return { MINQING_WEAPP_BACKEND: JSON.stringify(kind), MINQING_API_BASE: JSON.stringify(base) }
}

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'minqing',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    // The weapp's backend (src/services/transport-weapp-core.ts): WeChat cloud, or HTTPS to a
    // self-hosted server at MINQING_API_BASE. Checked here so a wrong setting fails the build.
    defineConstants: weappBackendConstants(),
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    // The weapp's sitemap.json (no page may be indexed by WeChat search; app.json points at it).
    copy: { patterns: isH5 ? [] : [{ from: 'src/sitemap.json', to: 'dist/sitemap.json' }], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // webpack's persistent cache (node_modules/.cache/webpack): a build after a small change takes
    // seconds instead of a minute (npm test builds both targets). Checked: a cold and a warm build
    // give byte-identical output, and a changed MINQING_API_BASE or source text reaches the output.
    cache: { enable: true },
    // Brand and grey text darkened for contrast >= 4.5:1 on white (taro-ui's blue #6190E8 gives 3.2:1),
    // set before taro-ui's `!default` variables in every stylesheet.
    sass: { data: '$color-brand: #b3261e; $color-brand-light: #c9473f; $color-brand-dark: #8c1d18; $color-grey-2: #666;' },
    mini: {
      sassLoaderOption: { sassOptions },
      // Styles are per component and never rely on cross-file order; silence the order warnings.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      esnextModules: ['taro-ui'],
      router: { mode: 'hash' },
      sassLoaderOption: { sassOptions },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      // webpack's generic 244 KiB hint does not know our budget (the Taro H5 runtime alone is ~300 KiB);
      // bundle size is checked against the project's own budget instead.
      webpackChain(chain) {
        chain.performance.hints(false)
        // Production: .br and .gz beside every JS and CSS file, served as they are (issue 12 item 11).
        if (process.env.NODE_ENV !== 'development') chain.plugin('minqing-precompress').use(PrecompressPlugin)
        // The first page's chunk fetched beside the app's scripts (login without a session, else home).
        chain.plugin('minqing-first-screen-preload').use(FirstScreenPreloadPlugin, [{ sessionKey: H5_SESSION_KEY, signedIn: 'pages/index/index', signedOut: 'pages/login/index' }])
        // MINQING_H5_STATS=file: webpack's stats (chunks and their modules) for size work.
        const statsFile = process.env.MINQING_H5_STATS
        if (statsFile) {
          chain.plugin('minqing-stats').use(
            class {
              apply(compiler: { hooks: { done: { tap: (name: string, fn: (stats: { toJson: (o: object) => unknown }) => void) => void } } }) {
                compiler.hooks.done.tap('minqing-stats', (stats) => {
                  fs.writeFileSync(statsFile, JSON.stringify(stats.toJson({ all: false, chunks: true, chunkModules: true, chunkOrigins: true, modules: false, assets: true, entrypoints: true, ids: true, nestedModules: true, nestedModulesSpace: 100000, chunkModulesSpace: 100000, dependentModules: true, cachedModules: true, orphanModules: true })))
                })
              }
            },
          )
        }
      },
      postcss: {
        // look-b (issue 12): the rem base follows the screen's width up to 24 px (a large phone's,
        // 20.8 px at 390), not Taro's default 40 px: at a PC's 1280x800 everything was twice a
        // phone's size (buttons 120 px tall, four words a line).
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
