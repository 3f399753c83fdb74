/**
 * The seam between the service module and the platform: each target (transport.h5.ts,
 * transport.weapp.ts, chosen by Taro at build time) implements this interface.
 * One rule: a transport answers the server's ApiResponse as it came, or throws TransportError when
 * no answer arrived (offline, timeout, cloud call failed); it never interprets error codes.
 */
import type { ApiResponse } from '../contracts'

export interface Envelope {
  action: string
  input: unknown
  /** Client-made id of this submit; the same on every retry. */
  requestId: string
}

export interface Transport {
  send(envelope: Envelope): Promise<ApiResponse<unknown>>
  /** The stored session token (H5 local mode); the weapp has none: WeChat vouches for the caller. */
  session: {
    get(): string | null
    set(token: string): void
    clear(): void
  }
  /** True where a person signs in by choosing an identity (local demo); false in WeChat. */
  readonly hasDevLogin: boolean
  /** Once, at app launch (the weapp initialises wx.cloud). */
  init(): void
  /**
   * selfhost (issue 11): a request outside `send` that needs the caller's session (an upload):
   * `run` gets the headers to send and answers the server's ApiResponse. The self-hosted weapp logs
   * in first if needed and renews an expired token once, exactly as `send` does; H5 adds its Bearer
   * token; the cloud adds nothing (WeChat says who calls).
   */
  authorized<T>(run: (header: Record<string, string>) => Promise<ApiResponse<T>>): Promise<ApiResponse<T>>
}

/** No answer reached us: the network, not the server, failed. Safe to retry with the same id. */
export class TransportError extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'TransportError'
  }
}
