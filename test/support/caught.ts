import { expect } from 'vitest';
import { AppError } from '../../src/main/engine/errors';

/** Awaits a promise that must reject with an AppError, and returns it for further checks. */
export async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the call to fail');
}
