import { readFileSync, rmSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import writeFileAtomic from 'write-file-atomic'

/** Who holds an output folder, as the lock's owner file says. */
export interface LockOwner {
  pid: number
  host: string
  command: string
}

export interface LockOptions {
  /** The output folder as the user named it, for messages. */
  label: string
  /** The command line of this run, for the message of a run that waits for it. */
  command: string
  /** How long to wait for another run before giving up (default: two minutes). */
  waitMs?: number
  /** Told once when the folder is held by another run and this one waits. */
  onWait?: (owner: LockOwner | undefined) => void
}

/** Thrown when the folder stayed held; its message is the one line the CLI prints. */
export class FolderLockedError extends Error {
  readonly code = 'ELOCKED'
}

/**
 * Takes the lock of an output folder's control folder, so that one run at a time writes into it. proper-lockfile
 * makes the lock (an atomic mkdir whose time it renews; a lock not renewed for 10 s is stale, so a killed run's lock
 * does not last). Beside it an owner file names the run, for the message of a run that waits; a lock whose owner is
 * a process of this host that is gone is taken at once. Resolves with the function that releases it.
 */
export async function lockFolder(control: string, options: LockOptions): Promise<() => Promise<void>> {
  const lockPath = join(control, 'lock')
  const ownerPath = join(control, 'owner.json')
  const deadline = Date.now() + (options.waitMs ?? 120_000)
  let told = false
  let compromised: Error | undefined
  for (;;) {
    try {
      const release = await lockfile.lock(control, { lockfilePath: lockPath, realpath: false, stale: 10_000, onCompromised: (error) => void (compromised = error) })
      writeFileAtomic.sync(ownerPath, JSON.stringify({ pid: process.pid, host: hostname(), command: options.command } satisfies LockOwner), { fsync: false })
      return async () => {
        rmSync(ownerPath, { force: true })
        if (!compromised) await release()
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
    }
    const owner = readOwner(ownerPath)
    if (owner && owner.host === hostname() && !alive(owner.pid)) {
      rmSync(lockPath, { recursive: true, force: true })
      continue
    }
    const holder = owner ? `pid ${owner.pid} (${owner.command})` : 'another run'
    if (Date.now() >= deadline) throw new FolderLockedError(`${options.label} is being written by ${holder}; try again when it has finished`)
    if (!told) options.onWait?.(owner)
    told = true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.command === 'string' ? (owner as LockOwner) : undefined
  } catch {
    return undefined // not written yet, or damaged: the lock's own staleness decides
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
