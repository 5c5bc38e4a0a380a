/**
 * Ports of databases, caches, message brokers, remote shells and control-plane APIs: services that should not
 * face the Internet, many of which have weak or no authentication by default. Numbers are the registered or
 * vendor-default ports (IANA service name registry, the Kubernetes ports reference, each product's documentation).
 */
import { FIRST_RECORDED, type Sourced } from './types';

export interface SensitivePort extends Sourced {
  port: number;
  /** Product or protocol, for messages. */
  service: string;
  /** Why exposing it is risky, in a few words. */
  risk: string;
  /** True when the product answers HTTP on this port (an HTTP health probe there can succeed). */
  speaksHttp?: boolean;
}

export const SENSITIVE_PORTS_SOURCE = 'https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml';
export const KUBERNETES_PORTS_SOURCE = 'https://kubernetes.io/docs/reference/networking/ports-and-protocols/';

const PORTS: readonly Omit<SensitivePort, 'source' | 'checked'>[] = [
  { port: 22, service: 'SSH', risk: 'remote shell, a constant brute-force target' },
  { port: 23, service: 'Telnet', risk: 'remote shell without encryption' },
  { port: 1433, service: 'SQL Server', risk: 'database' },
  { port: 1521, service: 'Oracle Database', risk: 'database' },
  { port: 2181, service: 'ZooKeeper', risk: 'cluster coordination store, often without authentication' },
  { port: 2375, service: 'Docker Engine API (plain HTTP)', risk: 'unauthenticated root on the host', speaksHttp: true },
  { port: 2376, service: 'Docker Engine API (TLS)', risk: 'root on the host', speaksHttp: true },
  { port: 2379, service: 'etcd client API', risk: 'cluster state store', speaksHttp: true },
  { port: 2380, service: 'etcd peer API', risk: 'cluster state store replication', speaksHttp: true },
  { port: 3306, service: 'MySQL/MariaDB', risk: 'database' },
  { port: 3389, service: 'RDP', risk: 'remote desktop, a constant brute-force target' },
  { port: 4369, service: 'Erlang port mapper (RabbitMQ clustering)', risk: 'cluster internals' },
  { port: 5432, service: 'PostgreSQL', risk: 'database' },
  { port: 5601, service: 'Kibana', risk: 'log and data explorer, often without authentication', speaksHttp: true },
  { port: 5672, service: 'AMQP (RabbitMQ)', risk: 'message broker' },
  { port: 5900, service: 'VNC', risk: 'remote desktop' },
  { port: 5984, service: 'CouchDB', risk: 'database with an HTTP admin API', speaksHttp: true },
  { port: 6379, service: 'Redis', risk: 'cache/database without authentication by default' },
  { port: 8086, service: 'InfluxDB', risk: 'time-series database', speaksHttp: true },
  { port: 8500, service: 'Consul HTTP API', risk: 'service registry and key-value store', speaksHttp: true },
  { port: 9042, service: 'Cassandra CQL', risk: 'database' },
  { port: 9092, service: 'Kafka', risk: 'message broker, often without authentication' },
  { port: 9200, service: 'Elasticsearch/OpenSearch HTTP API', risk: 'search database, historically without authentication', speaksHttp: true },
  { port: 9300, service: 'Elasticsearch transport', risk: 'cluster internals' },
  { port: 10250, service: 'kubelet API', risk: 'runs commands in pods on the node', speaksHttp: true },
  { port: 10255, service: 'kubelet read-only API', risk: 'leaks pod and node details', speaksHttp: true },
  { port: 11211, service: 'Memcached', risk: 'cache without authentication, a DDoS amplifier over UDP' },
  { port: 15672, service: 'RabbitMQ management UI', risk: 'broker administration', speaksHttp: true },
  { port: 27017, service: 'MongoDB', risk: 'database' },
];

export const SENSITIVE_PORTS: readonly SensitivePort[] = PORTS.map((p) => ({ ...p, source: p.port >= 10250 && p.port <= 10255 ? KUBERNETES_PORTS_SOURCE : SENSITIVE_PORTS_SOURCE, checked: FIRST_RECORDED }));

const BY_PORT: ReadonlyMap<number, SensitivePort> = new Map(SENSITIVE_PORTS.map((p) => [p.port, p]));

export function sensitivePort(port: number): SensitivePort | undefined {
  return BY_PORT.get(port);
}
