// Loaded first by the entry point: a missing or unsupported peer is the library's error naming what to install.
import { checkPeers } from '../peer-check';

checkPeers('ibm');
