/**
 * Knowledge for the egress inventory: default ports by URL scheme, ports of Azure PaaS endpoints by DNS suffix, and
 * which Azure Firewall rule type fits a destination.
 *
 * Azure Firewall application rules match FQDNs for the protocols Http, Https and Mssql
 * (AzureFirewallApplicationRuleProtocolType,
 * https://learn.microsoft.com/javascript/api/@azure/arm-network/azurefirewallapplicationruleprotocoltype);
 * everything else needs a network rule, whose FQDN destinations work only with the firewall's DNS proxy enabled
 * (`dnsSettings.requireProxyForNetworkRules`, https://learn.microsoft.com/javascript/api/@azure-rest/arm-network/dnssettingsoutput).
 */

export const SCHEME_DEFAULT_PORTS: Readonly<Record<string, number>> = {
  http: 80,
  https: 443,
  ws: 80,
  wss: 443,
  amqp: 5672,
  amqps: 5671,
  // Azure Service Bus / Event Hubs connection strings (`Endpoint=sb://...`): AMQP over TLS.
  sb: 5671,
  postgres: 5432,
  postgresql: 5432,
  mysql: 3306,
  mariadb: 3306,
  sqlserver: 1433,
  mssql: 1433,
  mongodb: 27017,
  'mongodb+srv': 27017,
  redis: 6379,
  // Azure Cache for Redis serves TLS on 6380 (the generic `rediss` default elsewhere is 6379).
  rediss: 6380,
  nats: 4222,
  mqtt: 1883,
  mqtts: 8883,
  kafka: 9092,
  ldap: 389,
  ldaps: 636,
  smtp: 25,
  smtps: 465,
  ftp: 21,
  sftp: 22,
  ssh: 22,
};

/** Azure PaaS endpoints whose port is fixed by the service, for connection strings that leave it out. */
export const AZURE_SUFFIX_PORTS: readonly { suffix: string; port: number; scheme: string }[] = [
  { suffix: '.postgres.database.azure.com', port: 5432, scheme: 'postgres' },
  { suffix: '.mysql.database.azure.com', port: 3306, scheme: 'mysql' },
  { suffix: '.database.windows.net', port: 1433, scheme: 'mssql' },
  { suffix: '.redis.cache.windows.net', port: 6380, scheme: 'rediss' },
  { suffix: '.servicebus.windows.net', port: 5671, scheme: 'amqps' },
  { suffix: '.documents.azure.com', port: 443, scheme: 'https' },
  { suffix: '.vault.azure.net', port: 443, scheme: 'https' },
  { suffix: '.openai.azure.com', port: 443, scheme: 'https' },
  { suffix: '.blob.core.windows.net', port: 443, scheme: 'https' },
  { suffix: '.queue.core.windows.net', port: 443, scheme: 'https' },
  { suffix: '.table.core.windows.net', port: 443, scheme: 'https' },
  { suffix: '.file.core.windows.net', port: 445, scheme: 'smb' },
];

export function azureSuffixPort(host: string): { port: number; scheme: string } | undefined {
  const lower = host.toLowerCase();
  const match = AZURE_SUFFIX_PORTS.find((s) => lower.endsWith(s.suffix));
  return match ? { port: match.port, scheme: match.scheme } : undefined;
}

export type FirewallHint =
  | { kind: 'application'; protocol: 'Http' | 'Https' | 'Mssql'; port: number }
  | { kind: 'network'; protocol: 'TCP'; port: number };

/**
 * The Azure Firewall rule a destination needs. http/ws -> application Http, https/wss -> application Https (the
 * firewall filters by SNI), mssql/sqlserver and Azure SQL hosts -> application Mssql; a destination without scheme
 * on 80/443 -> application Http/Https; everything else -> network rule (TCP), with an FQDN only through DNS proxy.
 * IP destinations always need network rules (application rules match names).
 */
export function firewallHint(scheme: string | undefined, port: number, host: string, isIp: boolean): FirewallHint {
  if (isIp) return { kind: 'network', protocol: 'TCP', port };
  const s = scheme?.toLowerCase();
  if (s === 'http' || s === 'ws') return { kind: 'application', protocol: 'Http', port };
  if (s === 'https' || s === 'wss') return { kind: 'application', protocol: 'Https', port };
  if (s === 'mssql' || s === 'sqlserver' || host.toLowerCase().endsWith('.database.windows.net')) return { kind: 'application', protocol: 'Mssql', port };
  if (s === undefined && port === 443) return { kind: 'application', protocol: 'Https', port };
  if (s === undefined && port === 80) return { kind: 'application', protocol: 'Http', port };
  return { kind: 'network', protocol: 'TCP', port };
}

export function describeFirewallHint(hint: FirewallHint): string {
  return hint.kind === 'application' ? `application rule ${hint.protocol}:${hint.port}` : `network rule TCP ${hint.port}`;
}
