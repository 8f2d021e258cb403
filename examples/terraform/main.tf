# A plain Terraform (or OpenTofu) root module that uses exported firewall modules: no cdktf involved.
# The modules under modules/ are written by the export command from the committed specs, e.g.
#   npx cdktf-firewall-requirements export aws-network-firewall --spec specs/registry-egress-domains.json --out modules/registry-egress-domains
# (exports.json lists them; npm run synth regenerates them, so never edit them by hand).
#
# - endpoint-access: the EKS public endpoint admits the operators' network only (the module owns no resource: it
#   computes the vpc_config values this module passes to aws_eks_cluster).
# - registry-egress-domains: the hosts nodes need to pull images from Chainguard's registry (cgr.dev, its blob
#   storage host, registry authentication) as an AWS Network Firewall domain allowlist rule group.
# - node-security-group: the EKS node catalog's CIDR rows (the spec selects them: "select": { "peerKinds": ["cidr"] })
#   as a security group for the nodes, created in var.vpc_id; its domain rows belong in a Network Firewall module.

terraform {
  required_version = ">= 1.3"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 7.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type        = string
  description = "The AWS Region of the cluster."
  default     = "eu-west-1"
}

variable "cluster_role_arn" {
  type        = string
  description = "The IAM role of the EKS cluster."
}

variable "vpc_id" {
  type        = string
  description = "The VPC of the cluster."
}

variable "subnet_ids" {
  type        = list(string)
  description = "The subnets of the cluster's network interfaces."
}

module "endpoint_access" {
  source = "./modules/endpoint-access"
}

module "registry_egress_domains" {
  source = "./modules/registry-egress-domains"
}

module "node_security_group" {
  source = "./modules/node-security-group"
  vpc_id = var.vpc_id
}

resource "aws_eks_cluster" "cluster" {
  name     = "chainguard-demo"
  role_arn = var.cluster_role_arn

  vpc_config {
    subnet_ids              = var.subnet_ids
    security_group_ids      = module.node_security_group.security_group_ids
    endpoint_private_access = module.endpoint_access.endpoint_private_access
    endpoint_public_access  = module.endpoint_access.endpoint_public_access
    public_access_cidrs     = module.endpoint_access.public_access_cidrs
  }
}

resource "aws_networkfirewall_firewall_policy" "egress" {
  name = "eks-registry-egress"

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]

    dynamic "stateful_rule_group_reference" {
      for_each = module.registry_egress_domains.rule_group_arns
      content {
        resource_arn = stateful_rule_group_reference.value
      }
    }
  }
}

output "public_access_cidrs" {
  value       = module.endpoint_access.public_access_cidrs
  description = "The networks admitted to the public cluster endpoint."
}
