/**
 * GET /fonts/<name>.woff: the fonts the app loads with Taro.loadFontFace (issue 13 item 6: Noto Sans
 * Mongolian, SIL OFL 1.1, assets/fonts/OFL.txt). Only the listed files, cached for a year (the name
 * changes when the file does). Looked for in ./assets/fonts (the Docker image, `npm start`) and next
 * to the sources.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'

const FONTS = new Set(['noto-sans-mongolian.woff'])

const fontDir = (): string | null => {
  const candidates = [path.resolve(process.cwd(), 'assets', 'fonts'), path.resolve(__dirname, '..', '..', '..', 'assets', 'fonts')]
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'noto-sans-mongolian.woff'))) ?? null
}

export const registerFontRoutes = (app: FastifyInstance): void => {
  const dir = fontDir()
  app.get<{ Params: { name: string } }>('/fonts/:name', async (request, reply) => {
    const name = request.params.name
    if (!dir || !FONTS.has(name)) return reply.code(404).send({ ok: false })
    const body = await fs.promises.readFile(path.join(dir, name))
    return reply
      .header('content-type', 'font/woff')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('access-control-allow-origin', '*')
      .send(body)
  })
}
