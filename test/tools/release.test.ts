import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const workflow = fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('release workflow', () => {
  test('the Node matrix is the major versions package.json engines names', () => {
    const majors = (pkg.engines.node as string).split('||').map((r) => Number(/\^(\d+)\./.exec(r.trim())?.[1]));
    expect(majors).toEqual([20, 22, 24]);
    expect(/node: \[([\d, ]+)\]/.exec(workflow)?.[1].split(',').map(Number)).toEqual(majors);
  });

  test('a version tag runs test -> pack -> publish, and publish uses provenance on the tested tarball', () => {
    expect(workflow).toMatch(/on:\n {2}push:\n {4}tags: \['v\*\.\*\.\*'\]/);
    expect(workflow).toMatch(/\n {2}pack:\n {4}needs: test\n/);
    expect(workflow).toMatch(/\n {2}publish:\n {4}needs: pack\n/);
    expect(workflow).toContain('id-token: write');
    expect(workflow).toMatch(/npm publish \.\/cdktf-firewall-requirements-\*\.tgz --provenance --access public/);
  });

  test('CHANGELOG.md has an Unreleased section and ships in the package', () => {
    expect(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(/^## \[Unreleased\]$/m);
    expect(pkg.files).toContain('CHANGELOG.md');
  });
});
