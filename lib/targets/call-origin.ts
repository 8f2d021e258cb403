import { describeValue } from '../model/input';
import { invalidValue } from '../model/errors';

/**
 * The `origin` prop of the static helpers (`AksAuthorizedIpRanges.compute`, `EksEndpointAccess.fromRequirements`,
 * `GkeAuthorizedNetworks.fromRequirements`): where the call is, named in every error the call raises (they belong
 * to no construct, so errors have no construct path of their own). Returns the owner text for the errors and the
 * props without `origin`.
 */
export function withCallOrigin<T>(helper: string, props: T): { owner: string; props: T } {
  if (props === null || typeof props !== 'object' || Array.isArray(props) || !Object.prototype.hasOwnProperty.call(props, 'origin')) {
    return { owner: helper, props };
  }
  const { origin, ...rest } = props as unknown as Record<string, unknown>;
  if (origin === undefined) return { owner: helper, props: rest as T };
  if (typeof origin !== 'string' || origin.trim() === '') {
    throw invalidValue('origin', describeValue(origin), `${helper} origin`, "origin names the call in errors: give a non-empty string, e.g. the cluster's construct path ('prod/aks').", 'invalid-type');
  }
  return { owner: `${helper} ${origin}`, props: rest as T };
}
