/**
 * cdktf-firewall-requirements: the cloud-neutral core (model, catalogs and profiles, planning).
 * The cdktf constructs live in the per-cloud entry points, so a user installs only the provider
 * binding it needs: `cdktf-firewall-requirements/azure`, `/google`, `/aws`, `/ibm`.
 */
export * from './model';
export * from './catalog';
export * from './plan';
export * from './drift';
export * from './explain';
