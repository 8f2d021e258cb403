# A plain Terraform (or OpenTofu) root module that uses an exported firewall module: no cdktf involved.
# modules/eks-node-rules is written by
#   npx cdktf-firewall-requirements export aws-security-group-rules --spec specs/eks-node-rules.json --out modules/eks-node-rules
# (npm run synth regenerates it from the committed spec; do not edit it by hand).

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

variable "vpc_id" {
  type        = string
  description = "The VPC of the cluster's nodes."
}

resource "aws_security_group" "nodes" {
  name        = "eks-nodes-egress"
  description = "EKS nodes: egress allowed by the exported rules only"
  vpc_id      = var.vpc_id
}

module "eks_node_rules" {
  source = "./modules/eks-node-rules"

  security_group_id = aws_security_group.nodes.id
}

output "node_security_group_id" {
  value       = aws_security_group.nodes.id
  description = "The node security group the exported rules belong to."
}
