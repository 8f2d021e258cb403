import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { TerraformVariable, Testing } from 'cdktf';
import { AksEgressRouteTable, AksEgressRouteTableProps } from '../../../lib/targets/azure';
import { newStack } from './fixtures';

const SUBNET_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aks';
const PROPS: AksEgressRouteTableProps = {
  name: 'aks-egress',
  resourceGroupName: 'rg',
  location: 'westeurope',
  firewallPrivateIp: '10.42.2.4',
  firewallPublicIp: '20.50.1.2',
  subnetId: SUBNET_ID,
};

describe('AksEgressRouteTable', () => {
  test('0.0.0.0/0 goes to the firewall private IP as a virtual appliance, the firewall public IP/32 to the Internet', () => {
    const stack = newStack();
    new AksEgressRouteTable(stack, 'udr', { ...PROPS, tags: { purpose: 'aks-egress' } });
    const json = JSON.parse(Testing.synth(stack));
    const [table] = Object.values(json.resource.azurerm_route_table) as Array<Record<string, unknown>>;
    expect(table).toEqual({
      name: 'aks-egress',
      resource_group_name: 'rg',
      location: 'westeurope',
      route: [
        { name: 'default-via-firewall', address_prefix: '0.0.0.0/0', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: '10.42.2.4' },
        // The binding renders unset attributes of these attribute-style blocks as null.
        { name: 'firewall-public-ip-to-internet', address_prefix: '20.50.1.2/32', next_hop_type: 'Internet', next_hop_in_ip_address: null },
      ],
      tags: { purpose: 'aks-egress' },
    });
  });

  test('the route table is associated with the AKS subnet, and more subnets can be added', () => {
    const stack = newStack();
    const udr = new AksEgressRouteTable(stack, 'udr', PROPS);
    udr.associateSubnet('user-pool', `${SUBNET_ID}-user`);
    const synthesized = Testing.synth(stack);
    const [tableId] = Object.keys(JSON.parse(synthesized).resource.azurerm_route_table);
    expect(synthesized).toHaveResourceWithProperties(SubnetRouteTableAssociation, { subnet_id: SUBNET_ID, route_table_id: `\${azurerm_route_table.${tableId}.id}` });
    expect(synthesized).toHaveResourceWithProperties(SubnetRouteTableAssociation, { subnet_id: `${SUBNET_ID}-user` });
    expect(synthesized).toHaveResource(RouteTable);
  });

  test('Terraform references are passed through', () => {
    const stack = newStack();
    const privateIp = new TerraformVariable(stack, 'firewall_private_ip', { type: 'string' });
    const pip = new PublicIp(stack, 'pip', { name: 'fw', resourceGroupName: 'rg', location: 'westeurope', allocationMethod: 'Static', sku: 'Standard' });
    new AksEgressRouteTable(stack, 'udr', { ...PROPS, firewallPrivateIp: privateIp.stringValue, firewallPublicIp: pip.ipAddress });
    const json = JSON.parse(Testing.synth(stack));
    const [table] = Object.values(json.resource.azurerm_route_table) as Array<{ route: Array<Record<string, string>> }>;
    expect(table.route[0].next_hop_in_ip_address).toBe('${var.firewall_private_ip}');
    expect(table.route[1].address_prefix).toBe('${azurerm_public_ip.pip.ip_address}/32');
  });

  test('addresses must be single IPv4 host addresses', () => {
    expect(() => new AksEgressRouteTable(newStack(), 'udr', { ...PROPS, firewallPrivateIp: '10.42.2.0/26' })).toThrow(
      "Invalid firewallPrivateIp \"10.42.2.0/26\" (from AksEgressRouteTable test/udr firewallPrivateIp). It must be one machine's address, not a network",
    );
    expect(() => new AksEgressRouteTable(newStack(), 'udr', { ...PROPS, firewallPublicIp: '2001:db8::1' })).toThrow(
      'Invalid firewallPublicIp "2001:db8::1" (from AksEgressRouteTable test/udr firewallPublicIp). Azure routes to a virtual appliance take an IPv4 address',
    );
    expect(() => new AksEgressRouteTable(newStack(), 'udr', { ...PROPS, firewallPrivateIp: '10.42.2' })).toThrow(/Invalid CIDR "10\.42\.2"/);
    expect(() => new AksEgressRouteTable(newStack(), 'udr', { ...PROPS, firewallPrivateIp: '0.0.0.0' })).toThrow(/Invalid firewallPrivateIp "0.0.0.0" .* is in "this network"/);
    expect(() => new AksEgressRouteTable(newStack(), 'udr', { ...PROPS, firewallPrivateIp: 42 as unknown as string })).toThrow(/^Invalid firewallPrivateIp \(number, expected a string\) "42"/);
  });

  test('a host written as /32 or as IPv4-mapped IPv6 is rendered as the plain address', () => {
    const stack = newStack();
    new AksEgressRouteTable(stack, 'udr', { ...PROPS, firewallPrivateIp: '::ffff:10.42.2.4', firewallPublicIp: '20.50.1.2/32' });
    const [table] = Object.values(JSON.parse(Testing.synth(stack)).resource.azurerm_route_table) as Array<{ route: Array<Record<string, string>> }>;
    expect(table.route[0].next_hop_in_ip_address).toBe('10.42.2.4');
    expect(table.route[1].address_prefix).toBe('20.50.1.2/32');
  });

  test('an empty subnet id and unknown props are refused, and leave nothing behind', () => {
    const stack = newStack();
    expect(() => new AksEgressRouteTable(stack, 'udr', { ...PROPS, subnetId: '' })).toThrow('Invalid subnetId "" (from AksEgressRouteTable test/udr subnetId). Pass the AKS subnet id, e.g. subnet.id.');
    expect(() => new AksEgressRouteTable(stack, 'udr2', { ...PROPS, firewallPrivateIP: '10.42.2.4' } as never)).toThrow('Did you mean "firewallPrivateIp"?');
    expect(stack.node.tryFindChild('udr')).toBeUndefined();
  });
});
