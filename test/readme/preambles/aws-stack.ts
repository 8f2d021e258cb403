// Preamble of the README's AWS block: the cluster's subnets and IAM role as variables, and the profile `registry` (Chainguard's registry).
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { chainguardContainersProfile } from 'cdktf-firewall-requirements';

const app = new App();
const stack = new TerraformStack(app, 'readme-aws');
new AwsProvider(stack, 'aws', { region: 'eu-central-1' });

const registry = chainguardContainersProfile();
const subnetIds = new TerraformVariable(stack, 'subnet_ids', { type: 'list(string)' }).listValue;
const clusterRoleArn = new TerraformVariable(stack, 'cluster_role_arn', { type: 'string' }).stringValue;

// README BLOCK

app.synth();
