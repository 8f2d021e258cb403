/** One file of IBM-Cloud/kube-samples `control-plane-ips/`: the control-plane CIDRs of a region. */
export interface IbmControlPlaneIps {
  /** The file's region code, e.g. `dal`. */
  readonly file: string;
  /** The VPC region it serves, e.g. `us-south`. */
  readonly region: string;
  /** The CIDRs, in file order. */
  readonly cidrs: readonly string[];
  /** The commit that last changed the file, and its date. */
  readonly lastChanged: string;
  /** How the file is matched to the region, when the README does not say it. @default - the README's region list */
  readonly note?: string;
}

/**
 * The control-plane CIDRs per VPC region, transcribed from IBM-Cloud/kube-samples `control-plane-ips/` @ 7057ed01
 * (`IBM_CONTROL_PLANE_IPS`); the README maps each file to its region (`dal` us-south, `fra` eu-de, `lon` eu-gb, `osa`
 * jp-osa, `sao` br-sao, `syd` au-syd (AP South), `tok` jp-tok, `tor` ca-tor, `wdc` us-east). `mad` is not in the
 * README; its name is Madrid's (eu-es). The folder has no file for ca-mon, in-che or in-mum.
 */
export const IBM_CONTROL_PLANE_CIDRS: readonly IbmControlPlaneIps[] = [
  {
    file: 'dal',
    region: 'us-south',
    cidrs: ['150.238.229.128/27', '150.238.79.96/27', '169.47.195.48/28', '169.59.222.192/27', '169.62.175.0/28', '52.116.235.224/28'],
    lastChanged: 'b29b0db 2022-04-11',
  },
  {
    file: 'fra',
    region: 'eu-de',
    cidrs: ['149.81.115.96/28', '149.81.128.192/27', '158.177.28.192/27', '158.177.66.192/28', '161.156.134.64/28', '161.156.184.32/27'],
    lastChanged: 'ebc0624 2022-04-11',
  },
  {
    file: 'lon',
    region: 'eu-gb',
    cidrs: ['141.125.78.16/28', '141.125.98.128/27', '158.175.90.160/27', '158.175.94.16/28', '158.176.137.144/28', '158.176.95.0/27'],
    lastChanged: '5e5c65f 2022-04-11',
  },
  {
    file: 'mad',
    region: 'eu-es',
    cidrs: ['13.120.65.128/28', '13.120.65.160/27', '13.121.64.240/28', '13.121.65.0/27', '13.122.65.64/28', '13.122.65.96/27'],
    lastChanged: '79de625 2023-07-11',
    note: 'The README does not list mad; the file name is Madrid (eu-es).',
  },
  {
    file: 'osa',
    region: 'jp-osa',
    cidrs: ['163.68.69.192/28', '163.68.70.160/27', '163.69.65.192/28', '163.69.66.64/27', '163.73.65.224/28', '163.73.66.96/27'],
    lastChanged: '265fff2 2022-04-11',
  },
  {
    file: 'sao',
    region: 'br-sao',
    cidrs: ['163.107.65.224/28', '163.107.66.224/27', '163.109.65.16/28', '163.109.66.224/27', '169.57.187.0/27', '169.57.219.16/28'],
    lastChanged: '54efc5f 2022-04-11',
  },
  { file: 'syd', region: 'au-syd', cidrs: ['130.198.77.96/27', '135.90.83.160/27', '168.1.56.160/27'], lastChanged: '6360a91 2022-04-11' },
  {
    file: 'tok',
    region: 'jp-tok',
    cidrs: ['128.168.91.176/28', '128.168.97.32/27', '161.202.242.224/27', '165.192.77.96/28', '165.192.89.96/27', '169.56.49.192/28'],
    lastChanged: '5828a65 2022-04-11',
  },
  {
    file: 'tor',
    region: 'ca-tor',
    cidrs: ['158.85.73.96/27', '158.85.85.0/28', '163.74.65.208/28', '163.74.69.0/27', '163.75.65.240/28', '163.75.67.192/27'],
    lastChanged: '9bce9da 2022-04-11',
  },
  {
    file: 'wdc',
    region: 'us-east',
    cidrs: ['169.45.253.224/27', '169.60.100.176/28', '169.60.77.64/27', '169.61.125.0/28', '169.63.79.208/28', '52.117.100.64/27'],
    lastChanged: '55ab8f6 2022-04-11',
  },
];

/** The control-plane CIDR file of a VPC region, if kube-samples has one. */
export function ibmControlPlaneIps(region: string): IbmControlPlaneIps | undefined {
  return IBM_CONTROL_PLANE_CIDRS.find((f) => f.region === region);
}
