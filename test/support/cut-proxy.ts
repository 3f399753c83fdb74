/**
 * A TCP proxy between the store and a MySQL server that can make the database "go away" at an
 * exact point of a request: when a client sends a statement matching a pattern, that statement is
 * dropped, every connection through the proxy is cut, and new ones are refused until `restore()`.
 * To the store this is a server that died mid-transaction: a crash, a failover, a network cut.
 * One rule: tests only; it reads the MySQL protocol no further than the text of COM_QUERY packets.
 */
import net from 'node:net'

export interface CutProxy {
  /** The database URL, going through the proxy. */
  url: string
  /** Cuts everything the moment a client sends SQL matching `pattern`; resolves once it did. */
  cutOn(pattern: RegExp): Promise<void>
  /** The statements' first words clients sent through the proxy (SQL text only, for assertions). */
  seen: string[]
  /** Lets connections through again. */
  restore(): void
  close(): Promise<void>
}

export const startCutProxy = async (targetUrl: string): Promise<CutProxy> => {
  const target = new URL(targetUrl)
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>()
  let down = false
  let trigger: { pattern: RegExp; fired: () => void } | null = null
  const seen: string[] = []

  const cutAll = () => {
    down = true
    for (const { client, upstream } of pairs) {
      client.destroy()
      upstream.destroy()
    }
    pairs.clear()
  }

  const server = net.createServer((client) => {
    client.on('error', () => undefined)
    if (down) {
      client.destroy()
      return
    }
    const upstream = net.connect(Number(target.port || 3306), target.hostname)
    upstream.on('error', () => client.destroy())
    const pair = { client, upstream }
    pairs.add(pair)
    upstream.on('data', (chunk: Buffer) => client.write(chunk))
    upstream.on('close', () => {
      client.destroy()
      pairs.delete(pair)
    })
    client.on('close', () => {
      upstream.destroy()
      pairs.delete(pair)
    })
    client.on('data', (chunk: Buffer) => {
      // A COM_QUERY packet: 3 bytes length, 1 byte sequence, 0x03, then the SQL text.
      const text = chunk.length > 5 && chunk[4] === 0x03 ? chunk.subarray(5).toString('utf8') : ''
      if (text) seen.push(text.slice(0, 40))
      if (trigger && text && trigger.pattern.test(text)) {
        const { fired } = trigger
        trigger = null
        cutAll()
        fired()
        return
      }
      upstream.write(chunk)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const url = new URL(targetUrl)
  url.hostname = '127.0.0.1'
  url.port = String(port)

  return {
    url: url.toString(),
    seen,
    cutOn: (pattern) => new Promise<void>((fired) => (trigger = { pattern, fired })),
    restore: () => {
      down = false
    },
    close: async () => {
      cutAll()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
