// A TypeScript language server session for the types benchmark: requests over tsserver's own protocol (JSON lines
// in, `Content-Length` framed JSON out), each answered before the next is sent.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createRequire } from 'node:module'

interface Response {
  type: string
  request_seq?: number
  success?: boolean
  body?: unknown
  message?: string
}

export class TsServerSession {
  private readonly server: ChildProcessWithoutNullStreams
  private buffer = Buffer.alloc(0)
  private seq = 0
  private readonly waiting = new Map<number, (response: Response) => void>()

  constructor(cwd: string) {
    const tsserver = createRequire(import.meta.url).resolve('typescript/lib/tsserver.js')
    this.server = spawn(process.execPath, [tsserver, '--disableAutomaticTypingAcquisition'], { cwd })
    this.server.stdout.on('data', (chunk: Buffer) => this.read(chunk))
  }

  /** Sends one request and resolves with its response's body; rejects when the server says it failed. */
  async request(command: string, args: object): Promise<unknown> {
    const seq = ++this.seq
    const answered = new Promise<Response>((resolve) => this.waiting.set(seq, resolve))
    this.server.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`)
    const response = await answered
    if (response.success === false) throw new Error(`tsserver ${command}: ${response.message}`)
    return response.body
  }

  /** An `open` has no response: a request after it is answered once the file's project is loaded. */
  open(file: string): void {
    this.server.stdin.write(`${JSON.stringify({ seq: ++this.seq, type: 'request', command: 'open', arguments: { file } })}\n`)
  }

  close(): void {
    this.server.kill()
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk])
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n')
      if (headerEnd < 0) return
      const length = Number(/Content-Length: (\d+)/.exec(this.buffer.toString('latin1', 0, headerEnd))![1])
      if (this.buffer.length < headerEnd + 4 + length) return
      const message = JSON.parse(this.buffer.toString('utf8', headerEnd + 4, headerEnd + 4 + length)) as Response
      this.buffer = this.buffer.subarray(headerEnd + 4 + length)
      if (message.type === 'response' && message.request_seq !== undefined) this.waiting.get(message.request_seq)?.(message)
    }
  }
}
