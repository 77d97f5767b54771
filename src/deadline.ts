/**
 * A time limit for one run that really stops the work: waits end through an abort signal (the
 * PDF reading threads are then terminated), and synchronous stages run under V8's watchdog
 * (`vm` timeout), which interrupts even a loop or a regular expression that never yields.
 * So `--timeout` needs no thread of its own around the whole pipeline.
 */
import { Script } from 'node:vm';
import { BrochureError } from './errors.js';

/** The watchdog runs a script; the script calls the task, which can be any function of ours. */
const CALL_TASK = new Script('globalThis[Symbol.for("brochure-extract.task")]()');
const TASK = Symbol.for('brochure-extract.task');

/** A time limit started now. */
export class Deadline {
  readonly #end: number;
  readonly #ms: number;
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;

  /** @param ms Milliseconds from now. */
  constructor(ms: number) {
    this.#ms = ms;
    this.#end = performance.now() + ms;
    this.#timer = setTimeout(() => this.#controller.abort(this.error()), ms);
  }

  /** Aborted, with the `TIMEOUT` error as reason, when the time is up. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /**
   * The error of a run stopped by this limit.
   * @returns A `BrochureError` `TIMEOUT`.
   */
  error(): BrochureError {
    return new BrochureError('TIMEOUT', `reading took longer than ${this.#ms} ms: the file is too large or malformed (raise --timeout if it is a real brochure)`);
  }

  /**
   * Runs synchronous work, interrupted if it outlasts the limit.
   * @param task The work (must not start asynchronous work it relies on).
   * @returns What the task returns.
   * @throws BrochureError `TIMEOUT` when interrupted or already past the limit.
   */
  run<T>(task: () => T): T {
    const remaining = Math.ceil(this.#end - performance.now());
    if (remaining <= 0 || this.#controller.signal.aborted) throw this.error();
    const slot = globalThis as unknown as Record<symbol, unknown>;
    const outer = slot[TASK];
    let result: T | undefined;
    slot[TASK] = () => {
      result = task();
    };
    try {
      CALL_TASK.runInThisContext({ timeout: remaining });
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw this.error();
      throw error;
    } finally {
      slot[TASK] = outer;
    }
    return result as T;
  }

  /** Stops the timer (the run ended). */
  dispose(): void {
    clearTimeout(this.#timer);
  }
}
