import { invalidValue } from '../model/errors';
import { Direction } from '../model/protocol';
import { Flow, FlowSource, flowText } from './flow';
import { normalizeProtocol } from './flow-match';

// Firewall log records, as the vendors document their fields:
// - Azure Firewall structured logs, exported from Log Analytics (JSON array, JSON lines or CSV): tables
//   AZFWApplicationRule (SourceIp, SourcePort, Fqdn, TargetUrl, DestinationPort, Protocol, Action, ActionReason, Policy,
//   RuleCollectionGroup, RuleCollection, Rule) and AZFWNetworkRule (SourceIp, SourcePort, DestinationIp,
//   DestinationPort, Protocol, Action, ActionReason, Policy, RuleCollectionGroup, RuleCollection, Rule); see the Azure
//   Monitor table references "AZFWApplicationRule" and "AZFWNetworkRule". The legacy AzureDiagnostics table carries the
//   category (AzureFirewallApplicationRule, AzureFirewallNetworkRule) and the event as text in msg_s, e.g.
//   "HTTPS request from 10.0.0.4:50000 to example.com:443. Action: Deny. No rule matched. Proceeding with default action"
//   ("Azure Firewall logs and metrics", legacy diagnostics).
// - AWS Network Firewall alert logs (one JSON object per line): firewall_name, availability_zone, event_timestamp and
//   event { src_ip, src_port, dest_ip, dest_port, proto, app_proto, tls.sni, http.hostname, alert { action,
//   signature_id, signature } } (AWS Network Firewall Developer Guide, "Contents of a firewall log").
// - Google Cloud firewall rules logging and firewall policy rules logging: the LogEntry's jsonPayload has connection
//   { src_ip, src_port, dest_ip, dest_port, protocol (IANA number) }, disposition (ALLOWED, DENIED) and rule_details
//   { reference, direction, action, priority } (Cloud NGFW "Firewall Rules Logging" and "Firewall policy rules log
//   format").

/** The flows of a log file: the denied ones, and how many records were allowed (not explained). */
export interface LogFlows {
  readonly denied: readonly Flow[];
  readonly allowed: number;
  /** The formats recognized, in record order (each once). */
  readonly formats: readonly FlowSource[];
}

type Json = Record<string, unknown>;

/** Reads a log file's records (JSON array, one JSON object, JSON lines, or a Log Analytics CSV export). */
export function readLogFlows(text: string, file: string): LogFlows {
  const records = logRecords(text, file);
  const denied: Flow[] = [];
  const formats: FlowSource[] = [];
  let allowed = 0;
  records.forEach((record, i) => {
    const origin = `${file} record ${i + 1}`;
    const parsed = recordFlow(record, i + 1, origin);
    if (!formats.includes(parsed.flow.source)) formats.push(parsed.flow.source);
    if (parsed.denied) denied.push(parsed.flow);
    else allowed++;
  });
  return { denied, allowed, formats };
}

function logRecords(text: string, file: string): Json[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw invalidValue('log file', file, file, 'The file is empty. Expected firewall log records (JSON, JSON lines or a Log Analytics CSV export).', 'invalid-log');
  if (body.startsWith('[') || body.startsWith('{')) {
    try {
      const value = JSON.parse(body) as unknown;
      const list = Array.isArray(value) ? value : [value];
      return list.map((v, i) => asObject(v, `${file} record ${i + 1}`));
    } catch (e) {
      if (!body.startsWith('{')) throw invalidValue('log file', file, file, `Not valid JSON: ${(e as Error).message}.`, 'invalid-log');
    }
    return body.split(/\r?\n/).map((line, i) => ({ line: line.trim(), i })).filter((l) => l.line !== '').map(({ line, i }) => {
      try {
        return asObject(JSON.parse(line), `${file} line ${i + 1}`);
      } catch (e) {
        throw invalidValue('log line', line.slice(0, 80), `${file} line ${i + 1}`, `Expected one JSON object per line: ${(e as Error).message}.`, 'invalid-log');
      }
    });
  }
  return csvRecords(body, file);
}

function asObject(value: unknown, origin: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidValue('log record', JSON.stringify(value)?.slice(0, 80) ?? String(value), origin, 'Each log record is a JSON object.', 'invalid-log');
  }
  return value as Json;
}

/** A Log Analytics CSV export: a header of column names (`TimeGenerated [UTC]`, `SourceIp`, ...), quoted values. */
function csvRecords(body: string, file: string): Json[] {
  const rows = body.split(/\r?\n/).filter((l) => l.trim() !== '').map(splitCsv);
  const header = rows[0].map((h) => h.replace(/\s*\[[^\]]*\]$/, '').trim());
  if (rows.length < 2 || !header.some((h) => /^(Action|msg_s|Category)$/i.test(h))) {
    throw invalidValue('log file', file, file, 'Expected firewall log records: JSON, JSON lines, or a CSV export with an Action (or msg_s) column.', 'invalid-log');
  }
  return rows.slice(1).map((cells, i) => {
    if (cells.length !== header.length) throw invalidValue('CSV row', cells.join(','), `${file} line ${i + 2}`, `Expected ${header.length} values like the header.`, 'invalid-log');
    return Object.fromEntries(header.map((h, j) => [h, cells[j]]));
  });
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Field lookup that tolerates the casing of exports (`SourceIp`, `sourceIp`, `SourceIP`). */
function field(record: Json, name: string): unknown {
  if (record[name] !== undefined) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

function str(value: unknown): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

function num(value: unknown, origin: string, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw invalidValue(name, String(value), origin, 'Expected a port number.', 'invalid-log');
  return n;
}

function firewallFields(record: Json, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = str(field(record, n));
    if (v !== undefined) out[n] = v;
  }
  return out;
}

const AZURE_RULE_FIELDS = ['Policy', 'RuleCollectionGroup', 'RuleCollection', 'Rule', 'ActionReason'];

function recordFlow(record: Json, index: number, origin: string): { flow: Flow; denied: boolean } {
  const payload = (field(record, 'jsonPayload') as Json | undefined) ?? record;
  if (typeof payload.connection === 'object' && payload.connection !== null && payload.disposition !== undefined) return gcpFlow(payload, index, origin);
  const event = field(record, 'event') as Json | undefined;
  if (typeof event === 'object' && event !== null && (event.src_ip !== undefined || event.dest_ip !== undefined)) return awsFlow(event, record, index, origin);
  if (field(record, 'msg_s') !== undefined) return legacyAzureFlow(record, index, origin);
  if (field(record, 'Action') !== undefined && (field(record, 'Fqdn') !== undefined || field(record, 'TargetUrl') !== undefined || /ApplicationRule/i.test(String(field(record, 'Type') ?? field(record, 'Category') ?? '')))) {
    return azureFlow(record, FlowSource.AZURE_APPLICATION_RULE, index, origin);
  }
  if (field(record, 'Action') !== undefined && field(record, 'DestinationIp') !== undefined) return azureFlow(record, FlowSource.AZURE_NETWORK_RULE, index, origin);
  throw invalidValue(
    'log record',
    JSON.stringify(record).slice(0, 100),
    origin,
    'Expected an Azure Firewall AZFWApplicationRule / AZFWNetworkRule (or AzureDiagnostics msg_s) record, an AWS Network Firewall alert (event.src_ip, event.dest_ip), or a Google Cloud firewall log (jsonPayload.connection, disposition).',
    'invalid-log',
  );
}

function azureFlow(record: Json, source: FlowSource, index: number, origin: string): { flow: Flow; denied: boolean } {
  const fqdn = str(field(record, 'Fqdn')) ?? hostOfUrl(str(field(record, 'TargetUrl')));
  const ip = str(field(record, 'DestinationIp'));
  const port = num(field(record, 'DestinationPort'), origin, 'DestinationPort');
  const protocol = normalizeProtocol(field(record, 'Protocol'));
  if (!fqdn && !ip) throw invalidValue('log record', JSON.stringify(record).slice(0, 100), origin, 'An Azure Firewall record names its destination in Fqdn, TargetUrl or DestinationIp.', 'invalid-log');
  const remote = (fqdn ?? ip) as string;
  return {
    denied: /^deny$/i.test(String(field(record, 'Action'))),
    flow: {
      text: flowText(remote, port, protocol),
      ...(fqdn ? { host: fqdn.toLowerCase() } : {}),
      ...(ip ? { ip } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(protocol ? { protocol } : {}),
      direction: Direction.EGRESS,
      source,
      ...(str(field(record, 'SourceIp')) ? { localIp: str(field(record, 'SourceIp')) } : {}),
      firewall: firewallFields(record, AZURE_RULE_FIELDS),
      record: index,
    },
  };
}

function hostOfUrl(url: string | undefined): string | undefined {
  return url ? /^[a-z]+:\/\/([^/:]+)/i.exec(url)?.[1] : undefined;
}

const LEGACY = /^(\w+) request from ([0-9a-f.:]+?):(\d+) to ([^\s]+?):(\d+)\.(?: Url: \S+\.)? Action: (\w+)\.?\s*(.*)$/i;

function legacyAzureFlow(record: Json, index: number, origin: string): { flow: Flow; denied: boolean } {
  const msg = String(field(record, 'msg_s'));
  const m = LEGACY.exec(msg.trim());
  if (!m) throw invalidValue('msg_s', msg.slice(0, 100), origin, 'Expected "<PROTO> request from <ip>:<port> to <host>:<port>. Action: <Allow|Deny>..." (AzureDiagnostics).', 'invalid-log');
  const category = String(field(record, 'Category') ?? '');
  const protocol = normalizeProtocol(m[1]);
  const remote = m[4];
  const isApp = /ApplicationRule/i.test(category) || protocol === 'http' || protocol === 'https';
  const isIp = /^[0-9.]+$|:/.test(remote);
  return {
    denied: /^deny$/i.test(m[6]),
    flow: {
      text: flowText(remote, Number(m[5]), protocol),
      ...(isIp ? { ip: remote } : { host: remote.toLowerCase() }),
      port: Number(m[5]),
      ...(protocol ? { protocol } : {}),
      direction: Direction.EGRESS,
      source: isApp ? FlowSource.AZURE_APPLICATION_RULE : FlowSource.AZURE_NETWORK_RULE,
      localIp: m[2],
      firewall: { ...(m[7] ? { ActionReason: m[7] } : {}) },
      record: index,
    },
  };
}

function awsFlow(event: Json, record: Json, index: number, origin: string): { flow: Flow; denied: boolean } {
  const tls = event.tls as Json | undefined;
  const http = event.http as Json | undefined;
  const alert = (event.alert as Json | undefined) ?? {};
  const host = str(tls?.sni) ?? str(http?.hostname) ?? str(event.sni);
  const ip = str(event.dest_ip);
  const port = num(event.dest_port, origin, 'event.dest_port');
  const appProto = str(event.app_proto)?.toLowerCase();
  const protocol = appProto === 'tls' ? 'https' : appProto === 'http' ? 'http' : normalizeProtocol(event.proto);
  const remote = host ?? ip ?? '?';
  const action = String(alert.action ?? '').toLowerCase();
  return {
    denied: ['blocked', 'drop', 'dropped', 'reject', 'rejected'].includes(action),
    flow: {
      text: flowText(remote, port, protocol),
      ...(host ? { host: host.toLowerCase() } : {}),
      ...(ip ? { ip } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(protocol ? { protocol } : {}),
      direction: Direction.EGRESS,
      source: FlowSource.AWS_NETWORK_FIREWALL_ALERT,
      ...(str(event.src_ip) ? { localIp: str(event.src_ip) } : {}),
      firewall: {
        ...(str(record.firewall_name) ? { firewall: str(record.firewall_name) as string } : {}),
        ...(str(alert.signature) ? { signature: str(alert.signature) as string } : {}),
        ...(str(alert.signature_id) ? { signatureId: str(alert.signature_id) as string } : {}),
        ...(appProto ? { appProto } : {}),
      },
      record: index,
    },
  };
}

function gcpFlow(payload: Json, index: number, origin: string): { flow: Flow; denied: boolean } {
  const c = payload.connection as Json;
  const details = (payload.rule_details as Json | undefined) ?? {};
  const ingress = /^ingress$/i.test(String(details.direction ?? ''));
  const ip = str(ingress ? c.src_ip : c.dest_ip);
  const port = num(c.dest_port, origin, 'connection.dest_port');
  const protocol = normalizeProtocol(c.protocol);
  if (!ip) throw invalidValue('log record', JSON.stringify(payload).slice(0, 100), origin, 'A Google Cloud firewall record names connection.src_ip and connection.dest_ip.', 'invalid-log');
  return {
    denied: /^denied$/i.test(String(payload.disposition)),
    flow: {
      text: flowText(ip, port, protocol),
      ip,
      ...(port !== undefined ? { port } : {}),
      ...(protocol ? { protocol } : {}),
      direction: ingress ? Direction.INGRESS : Direction.EGRESS,
      source: FlowSource.GCP_FIREWALL,
      ...(str(ingress ? c.dest_ip : c.src_ip) ? { localIp: str(ingress ? c.dest_ip : c.src_ip) } : {}),
      firewall: {
        ...(str(details.reference) ? { reference: str(details.reference) as string } : {}),
        ...(str(details.action) ? { action: str(details.action) as string } : {}),
        ...(str(details.priority) ? { priority: str(details.priority) as string } : {}),
      },
      record: index,
    },
  };
}
