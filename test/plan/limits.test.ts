import { FirewallRequirementsError } from '../../lib/model';
import { assertWithinLimit, LIMITS } from '../../lib/plan';

describe('LIMITS', () => {
  test('the numbers the targets check', () => {
    expect(LIMITS).toMatchObject({
      eksPublicAccessCidrs: 40,
      gkeAuthorizedNetworksPublic: 50,
      gkeAuthorizedNetworksPrivate: 100,
      aksAuthorizedIpRanges: 200,
      awsRulesPerSecurityGroup: 60,
      gcpFqdnsPerPolicyRule: 100,
      ibmRulesPerSecurityGroup: 250,
    });
  });
});

describe('assertWithinLimit', () => {
  test('at or under the limit passes', () => {
    expect(() => assertWithinLimit('EKS public access CIDRs', 40, 40, 'cluster', 'x')).not.toThrow();
    expect(() => assertWithinLimit('EKS public access CIDRs', 0, 40, 'cluster', 'x')).not.toThrow();
  });

  test('over the limit names the count, the limit, the origin and the way out', () => {
    expect(() => assertWithinLimit('EKS public access CIDRs', 41, 40, 'EksEndpointAccess cluster', 'Aggregate or use a private endpoint.')).toThrow(
      new FirewallRequirementsError('limit-exceeded', 'EKS public access CIDRs: 41 exceeds the limit of 40', '41', 'EksEndpointAccess cluster', 'Aggregate or use a private endpoint.'),
    );
    expect(() => assertWithinLimit('x', 41, 40, 'o', 'w')).toThrow('x: 41 exceeds the limit of 40 (from o). w');
  });
});
