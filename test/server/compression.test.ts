/**
 * Issue 12 item 11: the local server compresses the H5 bundle and large JSON answers (brotli when
 * the browser offers it, gzip otherwise), and the bytes decompress to exactly what was served. The
 * build's own .br/.gz files (config/precompress.ts) are sent as they are; files named by their
 * content's hash are cached for a year (immutable), the app shell is asked again every time.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import zlib from 'node:zlib'
import { startLocalServer, type LocalServer } from '../../src/server/local/start'
import { freshDatabase, type TestDatabase } from '../support/test-database'

const rawGet = (url: string, encoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
  new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })

describe('compression of the first screen (@fastify/compress)', () => {
  let dataDir: string
  let staticDir: string
  let database: TestDatabase
  let server: LocalServer
  const script = `/* app */ ${'console.log("民情通 villager home");\n'.repeat(2000)}`
  // As the H5 build names and precompresses it (content hash; .br and .gz beside it).
  const hashed = 'app.0123abcd.js'
  const hashedBr = zlib.brotliCompressSync(script, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
  const hashedGz = zlib.gzipSync(script, { level: 9 })

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-compress-'))
    staticDir = path.join(dataDir, 'h5')
    fs.mkdirSync(path.join(staticDir, 'js'), { recursive: true })
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>民情通</title>')
    fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), script)
    fs.writeFileSync(path.join(staticDir, 'js', hashed), script)
    fs.writeFileSync(path.join(staticDir, 'js', `${hashed}.br`), hashedBr)
    fs.writeFileSync(path.join(staticDir, 'js', `${hashed}.gz`), hashedGz)
    database = await freshDatabase(dataDir)
    server = await startLocalServer({ dataDir, databaseUrl: database.url, seedHouseholds: 0, staticDir })
  })
  afterAll(async () => {
    await server.close()
    await database.drop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves the bundle with brotli when offered, and the bytes decompress to the file', async () => {
    const res = await rawGet(`${server.url}/js/app.js`, 'br, gzip')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.body.length).toBeLessThan(script.length / 10)
    expect(zlib.brotliDecompressSync(res.body).toString('utf8')).toBe(script)
  })

  it('falls back to gzip, and sends plain bytes to a client that accepts no encoding', async () => {
    const gz = await rawGet(`${server.url}/js/app.js`, 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(script)
    const plain = await rawGet(`${server.url}/js/app.js`, 'identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString('utf8')).toBe(script)
  })

  it('sends the build\'s own brotli and gzip files as they are, and the plain file to a client that takes neither', async () => {
    const br = await rawGet(`${server.url}/js/${hashed}`, 'br, gzip')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.body.equals(hashedBr)).toBe(true)
    expect(br.headers['vary']).toMatch(/accept-encoding/i)
    const gz = await rawGet(`${server.url}/js/${hashed}`, 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.body.equals(hashedGz)).toBe(true)
    const plain = await rawGet(`${server.url}/js/${hashed}`, 'identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString('utf8')).toBe(script)
  })

  it('caches files named by their content hash for a year, and asks for the app shell every time', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await rawGet(`${server.url}/js/${hashed}`, encoding)
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    }
    // Not named by a hash: it may change under the same name.
    expect((await rawGet(`${server.url}/js/app.js`, 'br')).headers['cache-control']).toBe('public, max-age=3600')
    for (const shell of ['/', '/index.html', '/some/deep/link']) {
      const res = await rawGet(`${server.url}${shell}`, 'identity')
      expect(res.status).toBe(200)
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(res.body.toString('utf8')).toContain('<title>民情通</title>')
    }
  })
})
