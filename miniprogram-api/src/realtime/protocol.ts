/**
 * The SignalR JSON hub protocol, version 1: every message is JSON followed by the record separator 0x1E.
 * https://github.com/dotnet/aspnetcore/blob/main/src/SignalR/docs/specs/HubProtocol.md
 */
export const RECORD_SEPARATOR = '\u001e';

export const MessageType = {
  Invocation: 1,
  StreamItem: 2,
  Completion: 3,
  StreamInvocation: 4,
  CancelInvocation: 5,
  Ping: 6,
  Close: 7,
} as const;

export interface HubMessage {
  type?: number;
  target?: string;
  arguments?: unknown[];
  invocationId?: string;
  error?: string;
  allowReconnect?: boolean;
}

export const handshakeRequest = (): string => JSON.stringify({ protocol: 'json', version: 1 }) + RECORD_SEPARATOR;
export const pingMessage = (): string => JSON.stringify({ type: MessageType.Ping }) + RECORD_SEPARATOR;
export const closeMessage = (): string => JSON.stringify({ type: MessageType.Close }) + RECORD_SEPARATOR;

/** Splits what arrived into complete records; whatever follows the last separator waits for the next frame. */
export class RecordReader {
  private pending = '';

  push(chunk: string): string[] {
    this.pending += chunk;
    const parts = this.pending.split(RECORD_SEPARATOR);
    this.pending = parts.pop() || '';
    return parts.filter((p) => p.length > 0);
  }

  reset(): void {
    this.pending = '';
  }
}

/** Text of a socket frame: the hub sends text frames, but decode binary ones rather than drop them. */
export function frameText(data: string | ArrayBuffer): string {
  if (typeof data === 'string') return data;
  const bytes = new Uint8Array(data);
  let encoded = '';
  for (let i = 0; i < bytes.length; i++) encoded += '%' + (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return decodeURIComponent(encoded);
}
