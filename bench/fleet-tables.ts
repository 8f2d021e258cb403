/**
 * Child process, not timed: writes the hand-written fleet's tables (the vendor data, per variant) by
 * synthesizing one representative cluster of each variant with the library and reading back its resources.
 * This stands in for a team copying the vendor pages into its code, and makes both fleets emit the same
 * resources, so that the overhead figure compares like with like.
 *
 * Usage: node fleet-tables.js <largest n> <out.json>
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { AksTable, EksTable, GkeTable, gkeRuleNames, HandTables, IbmTable } from './fleet/hand-fleet';
import { buildLibraryFleet } from './fleet/library-fleet';
import { ClusterSpec, FleetCloud, fleet } from './fleet/spec';
import { reportToParent } from './measure';

type Json = any;

/** GcpFirewall's defaults for the domain-name policy rules (fqdnPriorityStart, GCP_FQDN_PRIORITY_SLOTS). */
const GKE_PRIORITY_START = 10000;
const GKE_PRIORITY_SLOTS = 10000;

/** snake_case keys to the camelCase of the provider bindings' config structs (values untouched). */
function camel(value: Json): Json {
  if (Array.isArray(value)) return value.map(camel);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== '//')
        .map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase()), camel(v)]),
    );
  }
  return value;
}

function bodies(json: Json, type: string): Json[] {
  return Object.values(json.resource?.[type] ?? {});
}

const withoutPrefix = (text: string, prefix: string) => (text.startsWith(prefix) ? text.slice(prefix.length) : text);

function aksTable(json: Json, c: ClusterSpec): AksTable {
  const stripSources = (cols: Json[] | undefined) =>
    cols?.map((col) => ({ ...col, rule: col.rule.map(({ sourceAddresses: _s, sourceIpGroups: _g, ...rest }: Json) => rest) }));
  const groups = bodies(json, 'azurerm_firewall_policy_rule_collection_group')
    .map(camel)
    .sort((a, b) => a.priority - b.priority)
    .map((g) => ({ name: g.name, priority: g.priority, applicationRuleCollection: stripSources(g.applicationRuleCollection), networkRuleCollection: stripSources(g.networkRuleCollection) }));
  const [cluster] = bodies(json, 'azurerm_kubernetes_cluster');
  const own = new Set([c.operatorCidr, `${c.firewallPublicIp}/32`]);
  return { ruleCollectionGroups: groups, apiServerCidrs: cluster.api_server_access_profile.authorized_ip_ranges.filter((r: string) => !own.has(r)) };
}

function gkeTable(json: Json, c: ClusterSpec): GkeTable {
  const [cluster] = bodies(json, 'google_container_cluster');
  const [policy] = bodies(json, 'google_compute_network_firewall_policy');
  if (bodies(json, 'google_compute_firewall').length) throw new Error('the hand-written GKE stack has no google_compute_firewall rules: update bench/fleet/hand-fleet.ts');
  const table: GkeTable = {
    authorizedNetworks: camel(cluster.master_authorized_networks_config.cidr_blocks).filter((b: Json) => b.cidrBlock !== c.operatorCidr),
    policyDescription: policy.description,
    priorityStart: GKE_PRIORITY_START,
    prioritySlots: GKE_PRIORITY_SLOTS,
    fqdnRules: bodies(json, 'google_compute_network_firewall_policy_rule').map((r) => {
      const hashed = /-[0-9a-f]{8}$/.test(r.rule_name);
      const readable = withoutPrefix(r.rule_name, `${c.name}-`).replace(/-[0-9a-f]{8}$/, '');
      const [l4] = r.match.layer4_configs;
      const index = /-(\d+)$/.exec(readable)?.[1];
      return {
        readable,
        keySuffix: `egress|${l4.ip_protocol}|${(l4.ports ?? []).join(',') || 'all'}|${index}`,
        description: r.description,
        match: camel(r.match),
        action: r.action,
        // The closing denies have fixed names and priorities (no content hash).
        ...(hashed ? {} : { fixedPriority: r.priority }),
      };
    }),
  };
  // The hand-written fleet derives each cluster's names and priorities itself: check that it matches.
  const expected = bodies(json, 'google_compute_network_firewall_policy_rule').map((r) => `${r.rule_name} ${r.priority}`).sort();
  const derived = gkeRuleNames(c.name, table).map((r) => `${r.ruleName} ${r.priority}`).sort();
  if (JSON.stringify(expected) !== JSON.stringify(derived)) {
    throw new Error(`GKE rule names or priorities derived by hand (${derived.join(', ')}) differ from the library's (${expected.join(', ')}): update bench/fleet/hand-fleet.ts`);
  }
  return table;
}

function eksTable(json: Json, c: ClusterSpec): EksTable {
  const [cluster] = bodies(json, 'aws_eks_cluster');
  const [group] = bodies(json, 'aws_security_group');
  return {
    publicAccessCidrs: cluster.vpc_config.public_access_cidrs.filter((r: string) => r !== c.operatorCidr),
    domainRuleGroups: bodies(json, 'aws_networkfirewall_rule_group').map((g) => ({
      nameSuffix: withoutPrefix(g.name, `${c.name}-`),
      capacity: g.capacity,
      description: g.description,
      type: g.type,
      ruleGroup: camel(g.rule_group),
    })),
    securityGroupDescription: group.description,
  };
}

function ibmTable(json: Json): IbmTable {
  return {
    outputs: Object.entries(json.output ?? {}).map(([id, o]: [string, Json]) => ({ id: id.replace(/_[0-9A-F]{8}$/, ''), description: o.description, value: o.value })),
  };
}

function main(): void {
  const [nText, out] = process.argv.slice(2);
  const representatives = new Map<string, ClusterSpec>();
  for (const c of fleet(Number(nText))) if (!representatives.has(c.variant)) representatives.set(c.variant, c);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tables-'));
  try {
    const app = new App({ outdir });
    buildLibraryFleet(app, [...representatives.values()]);
    app.synth();
    const tables: HandTables = { aks: {}, gke: {}, eks: {}, ibm: {} };
    for (const c of representatives.values()) {
      const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', c.name, 'cdk.tf.json'), 'utf8'));
      if (c.cloud === FleetCloud.AKS) tables.aks[c.variant] = aksTable(json, c);
      if (c.cloud === FleetCloud.GKE) tables.gke[c.variant] = gkeTable(json, c);
      if (c.cloud === FleetCloud.EKS) tables.eks[c.variant] = eksTable(json, c);
      if (c.cloud === FleetCloud.IBM) tables.ibm[c.variant] = ibmTable(json);
    }
    fs.writeFileSync(out, JSON.stringify(tables));
    reportToParent({ variants: representatives.size });
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
