import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_DIR, exportExamples, freshExport, listExports, matches } from '../../examples/terraform/export-examples';
import { EXPORT_REGISTRY, ExportRegistry, MANIFEST_FILE } from '../../lib/export';

// examples/terraform: a plain Terraform root module calling modules exported from committed specs.

describe('examples/terraform', () => {
  test('every listed export has a spec; a module committed for a registered target equals a fresh export', () => {
    const entries = listExports();
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(fs.existsSync(path.join(EXAMPLE_DIR, entry.spec))).toBe(true);
      const moduleDir = path.join(EXAMPLE_DIR, 'modules', entry.module);
      if (EXPORT_REGISTRY.names.includes(entry.target)) {
        const fresh = freshExport(entry);
        expect(fs.readdirSync(moduleDir).sort()).toEqual([MANIFEST_FILE, ...Object.keys(fresh.files)].sort());
        for (const [name, text] of Object.entries(fresh.files)) expect(`${name}:\n${fs.readFileSync(path.join(moduleDir, name), 'utf8')}`).toBe(`${name}:\n${text}`);
      } else {
        // Until the target lands, nothing is committed for it (npm run synth reports it as skipped).
        expect(fs.existsSync(moduleDir)).toBe(false);
      }
    }
  });

  test('the root module calls every listed module', () => {
    const main = fs.readFileSync(path.join(EXAMPLE_DIR, 'main.tf'), 'utf8');
    for (const entry of listExports()) expect(main).toContain(`source = "./modules/${entry.module}"`);
  });

  describe('regeneration (in a copy of the example)', () => {
    let dir: string;
    const registry = EXPORT_REGISTRY;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-terraform-'));
      fs.cpSync(EXAMPLE_DIR, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}modules${path.sep}`) && !src.endsWith(`${path.sep}modules`) });
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('every listed target is registered', () => {
      expect(listExports().filter((e) => !registry.names.includes(e.target))).toEqual([]);
    });

    test('writes the modules, then finds them unchanged; an edit is reported as drift and repaired', () => {
      expect(exportExamples(dir, registry).map((r) => r.status)).toEqual(listExports().map(() => 'written'));
      expect(exportExamples(dir, registry, true).map((r) => r.status)).toEqual(listExports().map(() => 'unchanged'));
      const first = listExports()[0];
      const main = path.join(dir, 'modules', first.module, 'main.tf.json');
      fs.writeFileSync(main, fs.readFileSync(main, 'utf8').replace(/\n$/, ' \n'));
      expect(exportExamples(dir, registry, true)[0].status).toBe('differs');
      expect(matches(freshExport(first, dir, registry), path.join(dir, 'modules', first.module))).toBe(false);
      expect(exportExamples(dir, registry)[0].status).toBe('written');
      expect(exportExamples(dir, registry, true)[0].status).toBe('unchanged');
    });

    test('an unregistered target is skipped, not written', () => {
      expect(exportExamples(dir, new ExportRegistry([])).map((r) => r.status)).toEqual(listExports().map(() => 'skipped'));
      expect(fs.existsSync(path.join(dir, 'modules'))).toBe(false);
    });

    const mirror = '/opt/tf-plugins/registry.terraform.io/hashicorp/aws';
    const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0 && fs.existsSync(mirror);
    (terraform ? test : test.skip)('terraform init + validate accept the root module with the exported module (local provider mirror)', () => {
      exportExamples(dir, registry);
      const rc = path.join(dir, 'cli.tfrc');
      fs.writeFileSync(rc, `provider_installation {\n  filesystem_mirror {\n    path = "/opt/tf-plugins"\n  }\n}\n`);
      const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: rc, TF_IN_AUTOMATION: '1' };
      const init = spawnSync('terraform', ['init', '-input=false', '-no-color', '-backend=false'], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
      expect(init.stderr).toBe('');
      expect(init.status).toBe(0);
      const validate = spawnSync('terraform', ['validate', '-no-color', '-json'], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
      const report = JSON.parse(validate.stdout);
      expect(report.diagnostics).toEqual([]);
      expect(report.valid).toBe(true);
    });
  });
});
