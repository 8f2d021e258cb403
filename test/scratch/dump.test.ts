import { eksNodesProfile } from '../../lib/catalog/eks';
import { chainguardEnforceProfile } from '../../lib/catalog/chainguard-enforce';
test('dump', () => {
const out: string[] = [];
const p = eksNodesProfile({ region: 'eu-central-1', ecrAccountIds: ['123456789012'], clusterSecurityGroupCidrs: ['10.0.0.0/24'], nodeSubnetCidrs: ['10.0.16.0/20'] });
for (const r of p.requirements) out.push([r.direction, r.protocol, r.portsText, r.peer.toString(), r.landing, r.peer.kind, '|', r.purpose.slice(0,60), JSON.stringify(r.metadata ?? {})].join(' '));
out.push('---- enforce');
for (const r of chainguardEnforceProfile().requirements) out.push([r.direction, r.protocol, r.portsText, r.peer.toString(), r.landing, r.peer.kind, '|', r.purpose.slice(0,60)].join(' '));
console.log(out.join('\n'));
});
