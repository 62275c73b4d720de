/**
 * A counting semaphore whose waiters give up: `acquire()` resolves with a release function when a
 * slot is free, or rejects with `onTimeout()` after `timeoutMs`, or at once when `queueMax`
 * callers already wait. Release functions are idempotent.
 */
export class Slots {
  private free: number
  private readonly waiting: Array<{ grant: (release: () => void) => void }> = []

  constructor(
    private readonly size: number,
    private readonly timeoutMs: number,
    private readonly onTimeout: () => Error,
    private readonly queueMax = 1000,
  ) {
    this.free = size
  }

  get inUse() {
    return this.size - this.free
  }

  get queued() {
    return this.waiting.length
  }

  acquire(): Promise<() => void> {
    if (this.free > 0) {
      this.free -= 1
      return Promise.resolve(this.releaser())
    }
    if (this.waiting.length >= this.queueMax) return Promise.reject(this.onTimeout())
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: (release: () => void) => {
          clearTimeout(timer)
          resolve(release)
        },
      }
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(waiter)
        if (index >= 0) this.waiting.splice(index, 1)
        reject(this.onTimeout())
      }, this.timeoutMs)
      this.waiting.push(waiter)
    })
  }

  private releaser() {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      // The slot passes straight to the next waiter; otherwise it is free again.
      if (next) next.grant(this.releaser())
      else this.free += 1
    }
  }
}
