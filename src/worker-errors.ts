/**
 * Errors crossing a thread boundary: structured clone keeps an error's message but drops its class
 * and `code`, so a `BrochureError` is sent as plain data and rebuilt on the other side.
 */
import { BrochureError, type ErrorCode } from './errors.js';

/** An error as it crosses the thread boundary: structured clone drops the class and `code`. */
export interface WorkerError {
  readonly message: string;
  /** `BrochureError` code, when the error is one. */
  readonly code?: ErrorCode;
  readonly stack?: string;
}

/**
 * Turns any thrown value into a `WorkerError`.
 * @param error The thrown value.
 * @returns Its message, code (for a `BrochureError`) and stack.
 */
export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof BrochureError) return { message: error.message, code: error.code, ...(error.stack ? { stack: error.stack } : {}) };
  if (error instanceof Error) return { message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { message: String(error) };
}

/**
 * Rebuilds the error a worker reported, as a `BrochureError` when it was one.
 * @param error The error sent by the worker.
 * @returns An `Error` the CLI can report and map to an exit code.
 */
export function fromWorkerError(error: WorkerError): Error {
  const rebuilt = error.code !== undefined ? new BrochureError(error.code, error.message) : new Error(error.message);
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}
