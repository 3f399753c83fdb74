/**
 * H5 production build: the first page's code is fetched beside the app's own, not after it (issue 12
 * item 11). Taro's H5 router loads a page's chunk only once the app's scripts have run; on a slow
 * phone network that is a second wait in a row before anything shows. A small inline script in
 * index.html (run while the app's scripts download) preloads the chunk of the page the app will
 * open: the login page for a browser without a session, the home page with one (the same choice
 * as src/app.tsx makes before the router starts). It is a hint only: were it wrong, the router
 * still loads the right page, a little later.
 */
import type { Compilation, Compiler } from 'webpack'

export interface FirstScreenPreloadOptions {
  /** The storage key of the H5 session (src/services/session-key.ts). */
  sessionKey: string
  /** The page opened with a session (the app's first page), e.g. 'pages/index/index'. */
  signedIn: string
  /** The page opened without one, e.g. 'pages/login/index'. */
  signedOut: string
  /** The app shell (HtmlWebpackPlugin's output). */
  html?: string
}

/** The JS and CSS files of the chunk group a page's dynamic import opens. */
const pageFiles = (compilation: Compilation, page: string): string[] => {
  const request = `./${page}`
  const publicPath = String(compilation.outputOptions.publicPath ?? '/').replace(/auto$/, '/')
  for (const group of compilation.chunkGroups) {
    if (!group.origins.some((o) => o.request === request)) continue
    return group.chunks.flatMap((chunk) => [...chunk.files]).filter((f) => /\.(js|css)$/.test(f)).map((f) => publicPath + f)
  }
  return []
}

export class FirstScreenPreloadPlugin {
  constructor(private readonly options: FirstScreenPreloadOptions) {}

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    const { sessionKey, signedIn, signedOut, html = 'index.html' } = this.options
    compiler.hooks.thisCompilation.tap('minqing-first-screen-preload', (compilation) => {
      // After HtmlWebpackPlugin wrote the shell (OPTIMIZE_INLINE), before it is precompressed (OPTIMIZE_TRANSFER).
      compilation.hooks.processAssets.tap({ name: 'minqing-first-screen-preload', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const shell = compilation.getAsset(html)
        if (!shell) return
        const files = { in: pageFiles(compilation, signedIn), out: pageFiles(compilation, signedOut) }
        if (files.in.length === 0 || files.out.length === 0) {
          compilation.warnings.push(new compiler.webpack.WebpackError(`first-screen preload: no chunk found for ${files.in.length ? signedOut : signedIn}`))
          return
        }
        const script =
          `(function(){try{var f=${JSON.stringify(files)},s=localStorage.getItem(${JSON.stringify(sessionKey)}),` +
          `r=location.hash.replace(/^#/,"").split("?")[0],p=r===""||r==="/"||r===${JSON.stringify(`/${signedIn}`)}?(s?f.in:f.out):r===${JSON.stringify(`/${signedOut}`)}?f.out:[];` +
          `p.forEach(function(u){var l=document.createElement("link");l.rel="preload";l.as=/\\.css$/.test(u)?"style":"script";l.href=u;document.head.appendChild(l)})}catch(e){}})()`
        // First thing in the head: an inline script after a stylesheet would wait for it.
        const text = shell.source.source().toString()
        const at = text.search(/<script|<link/)
        if (at < 0) return
        compilation.updateAsset(html, new sources.RawSource(`${text.slice(0, at)}<script>${script}</script>${text.slice(at)}`))
      })
    })
  }
}
