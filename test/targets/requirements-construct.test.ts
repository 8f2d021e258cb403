import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FirewallRequirementsError, RequirementSet } from '../../lib/model';
import { RequirementsConstruct } from '../../lib/targets/requirements-construct';
import { cidrReq, errorOf } from '../model/fixtures';

/** Renders one output listing the peers it was given. */
class PeerList extends RequirementsConstruct {
  public renders = 0;
  constructor(scope: Construct, id: string, sets: RequirementSet[] = []) {
    super(scope, id, 'PeerList');
    this.addRequirements(...sets);
  }
  protected validateRequirementSet(set: RequirementSet): void {
    if (set.size === 0) throw new FirewallRequirementsError('empty', 'Empty set', '', this.check.owner, 'Give rows.');
  }
  protected renderRequirements(requirements: RequirementSet): void {
    this.renders++;
    new TerraformOutput(this, 'peers', { value: requirements.requirements.map((r) => r.peer.value) });
  }
}

const one = (cidr: string) => RequirementSet.of([cidrReq(cidr)]);

describe('RequirementsConstruct', () => {
  test('GIVEN sets added after construction WHEN synthesized THEN everything added is rendered once', () => {
    let list: PeerList | undefined;
    const json = JSON.parse(
      Testing.synthScope((scope) => {
        list = new PeerList(scope, 'list', [one('10.0.0.0/24')]);
        list.addRequirements(one('10.0.1.0/24'), one('10.0.0.0/24'));
      }),
    );
    expect(Object.values(json.output)[0]).toEqual({ value: ['10.0.0.0/24', '10.0.1.0/24'] });
    expect(list!.renders).toBe(1);
    expect(list!.isRendered).toBe(true);
  });

  test('App.synth renders before it prepares the stack, and writes the rendered resources', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-'));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 's');
    const list = new PeerList(stack, 'list');
    list.addRequirements(one('192.0.2.0/24'));
    app.synth();
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 's', 'cdk.tf.json'), 'utf8'));
    expect(Object.values(json.output)[0]).toEqual({ value: ['192.0.2.0/24'] });
    expect(list.renders).toBe(1);
  });

  test('a set added after rendering is refused', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const list = new PeerList(stack, 'list', [one('10.0.0.0/24')]);
    list.render();
    expect(() => list.addRequirements(one('10.0.1.0/24'))).toThrow(
      'Invalid addRequirements call "1 set(s)" (from PeerList s/list). The construct has already rendered its resources',
    );
  });

  test('per-set checks run when the set is added; non-sets are refused with the library error', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const list = new PeerList(stack, 'list');
    expect(() => list.addRequirements(RequirementSet.empty())).toThrow('Empty set (from PeerList s/list). Give rows.');
    expect(errorOf(() => list.addRequirements('10.0.0.0/8' as unknown as RequirementSet)).message).toBe(
      'Invalid addRequirements (string, expected a RequirementSet) "10.0.0.0/8" (from PeerList s/list addRequirements[0]). Every entry is a RequirementSet, e.g. a profile such as chainguardContainersProfile().',
    );
    expect(() => list.addRequirements(undefined as unknown as RequirementSet)).toThrow('(from PeerList s/list addRequirements[0])');
  });
});
