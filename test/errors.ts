/** The one helper for asserting on the library's errors, shared by every test. */
import { FirewallRequirementsError } from '../lib/model/errors';

/**
 * The `FirewallRequirementsError` that `act` throws. Fails the test when `act` throws nothing (the input was
 * accepted) or throws anything else (a crash such as a TypeError instead of the library's error).
 */
export function errorOf(act: () => unknown): FirewallRequirementsError {
  try {
    act();
  } catch (e) {
    if (e instanceof FirewallRequirementsError) return e;
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new Error(`expected a FirewallRequirementsError, got ${what}`, { cause: e });
  }
  throw new Error('expected a FirewallRequirementsError, but the input was accepted');
}
