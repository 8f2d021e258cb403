import { KEEP_CDKTF_TOKENS, terraformText, terraformTextMap } from '../../model/terraform-text';
import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import { Construct } from 'constructs';
import { Cidr, IpVersion } from '../../model/cidr';
import { invalidValue } from '../../model/errors';
import { InputCheck, isTerraformReference } from '../../model/input';

/** Properties of `AksEgressRouteTable`. */
export interface AksEgressRouteTableProps {
  /** Name of the route table. */
  readonly name: string;
  /** Resource group of the route table (usually the cluster network's). */
  readonly resourceGroupName: string;
  /** Azure region of the route table: the region of the AKS subnet's virtual network. */
  readonly location: string;
  /**
   * The firewall's private IP address (the next hop of the default route): one IPv4 host address (`10.42.2.4`), or a
   * reference such as `firewall.ipConfiguration.get(0).privateIpAddress`.
   */
  readonly firewallPrivateIp: string;
  /** The firewall's public IP address (routed straight to the Internet as a /32): one IPv4 host address, or a reference. */
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
    const check = new InputCheck(`AksEgressRouteTable ${this.node.path}`);
    let routeTable: RouteTable;
    let subnetId: string;
    try {
      const p = check.props(props, ['name', 'resourceGroupName', 'location', 'firewallPrivateIp', 'firewallPublicIp', 'subnetId', 'tags']);
      const name = check.string('name', p.name);
      const resourceGroupName = check.string('resourceGroupName', p.resourceGroupName, { hint: 'Give the resource group name, e.g. rg.name.' });
      const location = check.string('location', p.location, { hint: "Give the Azure region, e.g. 'westeurope' or rg.location." });
      const privateIp = hostAddress(check, 'firewallPrivateIp', p.firewallPrivateIp);
      const publicIp = hostAddress(check, 'firewallPublicIp', p.firewallPublicIp);
      subnetId = check.string('subnetId', p.subnetId, { hint: 'Pass the AKS subnet id, e.g. subnet.id.' });
      const tags = check.stringMap('tags', p.tags);
      routeTable = new RouteTable(this, 'route-table', {
        name: terraformText(name, KEEP_CDKTF_TOKENS),
        resourceGroupName,
        location,
        route: [
          { name: DEFAULT_ROUTE, addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopInIpAddress: privateIp },
          { name: FIREWALL_PUBLIC_IP_ROUTE, addressPrefix: `${publicIp}/32`, nextHopType: 'Internet' },
        ],
        ...(tags ? { tags: terraformTextMap(tags, KEEP_CDKTF_TOKENS) } : {}),
      });
    } catch (e) {
      // Bad props leave nothing behind.
      scope.node.tryRemoveChild(id);
      throw e;
    }
    this.routeTable = routeTable;
    this.association = this.associateSubnet('subnet', subnetId);
  }

  /** Associates one more subnet (e.g. another node pool's) with the route table. */
  public associateSubnet(id: string, subnetId: string): SubnetRouteTableAssociation {
    return new SubnetRouteTableAssociation(this, id, { subnetId, routeTableId: this.routeTable.id });
  }
}

/** One IPv4 host address (normalized, without a prefix), or a reference passed through. */
function hostAddress(check: InputCheck, name: string, value: unknown): string {
  const text = check.string(name, value, { hint: `Give ${name} as one IPv4 address, e.g. 10.42.2.4, or a reference such as firewall.ipConfiguration.get(0).privateIpAddress.` });
  if (isTerraformReference(text)) return text;
  const host = Cidr.parseHost(text, check.where(name), name);
  if (host.version !== IpVersion.IPV4) {
    throw invalidValue(name, text, check.where(name), 'Azure routes to a virtual appliance take an IPv4 address: give the IPv4 address, e.g. 10.42.2.4.');
  }
  return host.address;
}
