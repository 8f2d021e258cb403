import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { Cidr, IpVersion } from '../../model/cidr';
import { invalidValue } from '../../model/errors';

/** Properties of `AksEgressRouteTable`. */
export interface AksEgressRouteTableProps {
  /** Name of the route table. */
  readonly name: string;
  /** Resource group of the route table (usually the cluster network's). */
  readonly resourceGroupName: string;
  /** Azure region of the route table: the region of the AKS subnet's virtual network. */
  readonly location: string;
  /** The firewall's private IP address (the next hop of the default route), literal or a reference. */
  readonly firewallPrivateIp: string;
  /** The firewall's public IP address (routed straight to the Internet as a /32), literal or a reference. */
  readonly firewallPublicIp: string;
  /** Id of the AKS node subnet the route table is associated with. */
  readonly subnetId: string;
  /**
   * Tags of the route table.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}

/** Route names (fixed: each route has one role). */
const DEFAULT_ROUTE = 'default-via-firewall';
const FIREWALL_PUBLIC_IP_ROUTE = 'firewall-public-ip-to-internet';

/**
 * The route table AKS needs for `outboundType: userDefinedRouting` behind Azure Firewall: `0.0.0.0/0` to the
 * firewall's private IP as a virtual appliance, the firewall's public IP/32 to the Internet, associated with
 * the AKS subnet. Make the cluster depend on `association`: AKS checks the route when it creates the cluster.
 */
export class AksEgressRouteTable extends Construct {
  public readonly routeTable: RouteTable;
  /** The association with the AKS subnet. */
  public readonly association: SubnetRouteTableAssociation;

  constructor(scope: Construct, id: string, props: AksEgressRouteTableProps) {
    super(scope, id);
    const origin = `AksEgressRouteTable ${this.node.path}`;
    checkAddress(props.firewallPrivateIp, 'firewallPrivateIp', origin);
    checkAddress(props.firewallPublicIp, 'firewallPublicIp', origin);
    if (!Token.isUnresolved(props.subnetId) && !props.subnetId.trim()) {
      throw invalidValue('subnetId', props.subnetId, origin, 'Pass the AKS subnet id, e.g. subnet.id.');
    }
    this.routeTable = new RouteTable(this, 'route-table', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      route: [
        { name: DEFAULT_ROUTE, addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopInIpAddress: props.firewallPrivateIp },
        { name: FIREWALL_PUBLIC_IP_ROUTE, addressPrefix: `${props.firewallPublicIp}/32`, nextHopType: 'Internet' },
      ],
      ...(props.tags ? { tags: { ...props.tags } } : {}),
    });
    this.association = this.associateSubnet('subnet', props.subnetId);
  }

  /** Associates one more subnet (e.g. another node pool's) with the route table. */
  public associateSubnet(id: string, subnetId: string): SubnetRouteTableAssociation {
    return new SubnetRouteTableAssociation(this, id, { subnetId, routeTableId: this.routeTable.id });
  }
}

function checkAddress(value: string, what: string, origin: string): void {
  if (Token.isUnresolved(value)) return;
  const cidr = Cidr.parse(value, `${origin} ${what}`);
  if (cidr.version !== IpVersion.IPV4 || !cidr.isSingleAddress || value.includes('/')) {
    throw invalidValue(what, value, origin, 'Give one IPv4 address without a prefix, e.g. 10.42.2.4, or a reference such as firewall.ipConfiguration.get(0).privateIpAddress.');
  }
}
