import { invalidPort, invalidValue } from '../../model/errors';
import { Peer } from '../../model/peer';
import { PortRange } from '../../model/port-range';

/**
 * The range the port of a cluster's master service endpoint is drawn from when the cluster is created.
 */
export enum IbmMasterPortRange {
  /** 30000-32767: the current documentation (already so in the 2021-10-18 edition). */
  CURRENT = 'current',
  /**
   * 20000-32767: the 2020-03-16 documentation, for clusters created under it. Selecting it also selects that
   * edition's registry port 4443 (see `IbmVpcProfileOptions.masterPortRange`).
   */
  LEGACY_2020 = 'legacy-2020',
}

/** Every master port range option. */
export const IBM_MASTER_PORT_RANGES: readonly IbmMasterPortRange[] = [IbmMasterPortRange.CURRENT, IbmMasterPortRange.LEGACY_2020];

/** The first and last port of each master port range. */
export const IBM_MASTER_PORTS: Readonly<Record<IbmMasterPortRange, { readonly from: number; readonly to: number }>> = {
  [IbmMasterPortRange.CURRENT]: { from: 30000, to: 32767 },
  [IbmMasterPortRange.LEGACY_2020]: { from: 20000, to: 32767 },
};

/** The suffix every master service endpoint host has (`c<N>.<region>...`, `c<N>-private.<region>...`). */
export const IBM_MASTER_HOST_SUFFIX = '.containers.cloud.ibm.com';

/** A master service endpoint as given by the user: the host and, when the URL carried one, its port. */
export interface IbmMasterEndpoint {
  readonly host: string;
  /** The ports to open: the URL's own port, or the whole range when only a host was given. */
  readonly ports: PortRange;
}

/**
 * Parses a master service endpoint: a host name (`c3.us-south.containers.cloud.ibm.com`) or the Service Endpoint
 * URL printed by `ibmcloud ks cluster get` (`https://c3.us-south.containers.cloud.ibm.com:30426`). A URL's port
 * must lie in `range`; it narrows the rule to that one port, the page's "allow access for a specific existing
 * cluster" choice. A bare host gets the whole range.
 */
export function parseMasterEndpoint(text: string, range: IbmMasterPortRange, origin: string): IbmMasterEndpoint {
  const trimmed = String(text).trim();
  const match = /^(?:https:\/\/)?([^/:]+)(?::([^/]*))?(?:\/.*)?$/i.exec(trimmed);
  // Without this, `http://c3...` would be read as host "http" and fail with a misleading message.
  if (!match || (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && !/^https:\/\//i.test(trimmed))) {
    throw invalidValue(
      'master service endpoint',
      trimmed,
      origin,
      'Give the host or URL from `ibmcloud ks cluster get`, e.g. c3.us-south.containers.cloud.ibm.com or https://c3.us-south.containers.cloud.ibm.com:30426.',
    );
  }
  const host = Peer.fqdn(match[1], origin).value;
  if (!host.endsWith(IBM_MASTER_HOST_SUFFIX) || host.startsWith('*.')) {
    throw invalidValue(
      'master service endpoint',
      trimmed,
      origin,
      `Master service endpoints end with ${IBM_MASTER_HOST_SUFFIX}, e.g. c3.us-south.containers.cloud.ibm.com or c3-private.us-south.containers.cloud.ibm.com.`,
    );
  }
  const bounds = IBM_MASTER_PORTS[range];
  if (match[2] === undefined) {
    return { host, ports: PortRange.range(bounds.from, bounds.to, origin) };
  }
  const port = PortRange.parse(match[2], origin);
  if (!port.isSingle) {
    throw invalidPort(match[2], origin, 'a service endpoint URL has a single port');
  }
  if (port.from < bounds.from || port.to > bounds.to) {
    const legacy = IBM_MASTER_PORTS[IbmMasterPortRange.LEGACY_2020];
    const hint =
      range === IbmMasterPortRange.CURRENT && port.from >= legacy.from
        ? `; clusters created under the 2020 documentation use ${legacy.from}-${legacy.to}: set masterPortRange to ${IbmMasterPortRange.LEGACY_2020}`
        : '';
    throw invalidPort(match[2], origin, `it is outside the master port range ${bounds.from}-${bounds.to}${hint}`);
  }
  return { host, ports: port };
}
