import { ExportedModuleContent, ExportTarget } from '../../lib/export/module';
import { ExportRegistry } from '../../lib/export/registry';
import { Direction, IpVersion, Protocol } from '../../lib/model';
import { InputCheck } from '../../lib/model/input';
import { assertNotAnyAddressList } from '../../lib/model/any-address';
import { selectNodeRequirements } from '../../lib/plan/control-plane-access';
import { stableName } from '../../lib/plan/naming';

/**
 * A small but real export target for the framework's tests, until the per-cloud targets land: AWS VPC security
 * group rules (`aws_vpc_security_group_{ingress,egress}_rule`) for the CIDR rows that land on the nodes, one rule
 * per (direction, CIDR, protocol, port range), keyed by content. It checks its options through InputCheck as a
 * real target does, so spec errors in `target` get the library's messages.
 */
export const FAKE_SG_TARGET: ExportTarget = {
  name: 'fake-sg-rules',
  description: 'Security group rules for the CIDR rows (test target)',
  cloud: 'aws',
  options: {
    descriptionPrefix: 'Text put before every rule description (default: none).',
    allowAnyAddress: 'Open rules to peers that cover every address (default: false).',
  },
  build(requirements, options, origin): ExportedModuleContent {
    const check = new InputCheck(origin);
    const o = check.props(options, Object.keys(this.options));
    const prefix = check.optionalString('descriptionPrefix', o.descriptionPrefix, { allowReference: false }) ?? '';
    const allowAny = check.boolean('allowAnyAddress', o.allowAnyAddress, false);
    const rows = selectNodeRequirements(requirements.requirements).nodes.filter((r) => r.peer.cidr !== undefined);
    if (!allowAny) {
      assertNotAnyAddressList(
        rows.map((r) => ({ cidr: r.peer.cidr!, origin: r.id })),
        'peer',
        origin,
        'Set "allowAnyAddress": true in the target options to open it anyway.',
      );
    }
    const resources: Record<string, Record<string, unknown>> = {};
    const outputs: Record<string, string> = {};
    for (const r of rows) {
      const type = r.direction === Direction.INGRESS ? 'aws_vpc_security_group_ingress_rule' : 'aws_vpc_security_group_egress_rule';
      const cidr = r.peer.cidr!;
      for (const port of r.ports.length > 0 ? r.ports : [undefined]) {
        const portText = port ? `${port.from}-${port.to}` : 'all';
        const key = stableName(`${r.direction}-${r.protocol}-${portText}`, `${r.direction}|${cidr.toString()}|${r.protocol}|${portText}`);
        const body: Record<string, unknown> = {
          security_group_id: '${var.security_group_id}',
          description: `${prefix}${r.purpose}`.slice(0, 255),
          ip_protocol: r.protocol === Protocol.ANY ? '-1' : r.protocol === Protocol.HTTP || r.protocol === Protocol.HTTPS ? 'tcp' : r.protocol,
          [cidr.version === IpVersion.IPV4 ? 'cidr_ipv4' : 'cidr_ipv6']: cidr.toString(),
        };
        if (port && r.protocol !== Protocol.ANY) Object.assign(body, { from_port: port.from, to_port: port.to });
        (resources[type] ??= {})[key] = body;
        outputs[key] = `\${${type}.${key}.id}`;
      }
    }
    return {
      providers: [{ name: 'aws', source: 'hashicorp/aws', version: '>= 5.0, < 7.0' }],
      variables: { security_group_id: { type: 'string', description: 'The security group the rules belong to.' } },
      resources,
      outputs: { rule_ids: { value: outputs, description: 'Rule ids by rule key.' } },
    };
  },
};

/** A registry holding only the fake target. */
export const FAKE_REGISTRY = new ExportRegistry([FAKE_SG_TARGET]);
