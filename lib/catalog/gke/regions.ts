/**
 * Google Cloud region names. Compiled from Google's public region listing, like the AKS list: it only catches
 * typos (and zones given for regions); GKE is not offered in every region listed. Regions Google opens later are
 * accepted with `allowUnlistedRegion`.
 */
export const GKE_REGIONS: readonly string[] = [
  'africa-south1',
  'asia-east1',
  'asia-east2',
  'asia-northeast1',
  'asia-northeast2',
  'asia-northeast3',
  'asia-south1',
  'asia-south2',
  'asia-southeast1',
  'asia-southeast2',
  'australia-southeast1',
  'australia-southeast2',
  'europe-central2',
  'europe-north1',
  'europe-north2',
  'europe-southwest1',
  'europe-west1',
  'europe-west10',
  'europe-west12',
  'europe-west2',
  'europe-west3',
  'europe-west4',
  'europe-west6',
  'europe-west8',
  'europe-west9',
  'me-central1',
  'me-central2',
  'me-west1',
  'northamerica-northeast1',
  'northamerica-northeast2',
  'northamerica-south1',
  'southamerica-east1',
  'southamerica-west1',
  'us-central1',
  'us-east1',
  'us-east4',
  'us-east5',
  'us-south1',
  'us-west1',
  'us-west2',
  'us-west3',
  'us-west4',
];

/** `europe-west1`: the shape of a Google Cloud region name. */
export const GCP_REGION_PATTERN = /^[a-z]+-[a-z]+\d{1,2}$/;

/** `europe-west1-b`: the shape of a zone name. */
export const GCP_ZONE_PATTERN = /^([a-z]+-[a-z]+\d{1,2})-[a-z]$/;
