/** Exact sets: port ranges per protocol, and address ranges (IPv4 and IPv6), with the one address parser. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalRanges,
  cutAddressSpace,
  formatRange,
  isWholeFamily,
  parseAddressOrCidr,
  parseCidr,
  parseCidrExact,
  rangeOverlaps,
  rangeWithin,
  subtractRanges,
} from '../../server/src/engine/address/addressRange';
import { classifyAddress, formatAddress, parseAddress } from '../../server/src/engine/address/ipAddress';
import {
  allConnections,
  allPortsOf,
  connectionsContain,
  connectionsOf,
  equalConnections,
  formatConnections,
  intersectConnections,
  isAllConnections,
  isEmptyConnections,
  noConnections,
  subtractConnections,
  unionConnections,
} from '../../server/src/engine/netpol/portSet';

test('port sets are canonical: sorted, merged when overlapping or adjacent, clamped to 1-65535', () => {
  const set = connectionsOf('TCP', [{ from: 90, to: 100 }, { from: 80, to: 80 }, { from: 81, to: 85 }, { from: 95, to: 120 }, { from: 0, to: 0 }, { from: 70000, to: 70001 }]);
  assert.deepEqual(set.TCP, [{ from: 80, to: 85 }, { from: 90, to: 120 }]);
  assert.equal(formatConnections(set), 'TCP 80-85,90-120');
});

test('union, intersection and difference are exact', () => {
  const a = unionConnections(connectionsOf('TCP', [{ from: 1, to: 100 }]), connectionsOf('UDP', [{ from: 53, to: 53 }]));
  const b = connectionsOf('TCP', [{ from: 50, to: 60 }, { from: 90, to: 200 }]);
  assert.equal(formatConnections(intersectConnections(a, b)), 'TCP 50-60,90-100');
  assert.equal(formatConnections(subtractConnections(a, b)), 'TCP 1-49,61-89,UDP 53');
  assert.equal(formatConnections(unionConnections(a, b)), 'TCP 1-200,UDP 53');
  assert.ok(equalConnections(subtractConnections(a, a), noConnections()));
  assert.ok(connectionsContain(a, 'UDP', 53) && !connectionsContain(a, 'UDP', 54) && !connectionsContain(a, 'SCTP', 53));
});

test('All Connections means every port of SCTP, TCP and UDP', () => {
  const three = unionConnections(unionConnections(allPortsOf('TCP'), allPortsOf('UDP')), allPortsOf('SCTP'));
  assert.ok(isAllConnections(three));
  assert.equal(formatConnections(three), 'All Connections');
  assert.equal(formatConnections(unionConnections(allPortsOf('TCP'), allPortsOf('UDP'))), 'TCP 1-65535,UDP 1-65535');
  assert.equal(formatConnections(noConnections()), 'No Connections');
  assert.ok(isEmptyConnections(intersectConnections(allPortsOf('TCP'), allPortsOf('UDP'))));
  assert.equal(formatConnections(subtractConnections(allConnections(), connectionsOf('TCP', [{ from: 1, to: 65534 }]))), 'SCTP 1-65535,TCP 65535,UDP 1-65535');
});

test('protocols print in SCTP < TCP < UDP order', () => {
  const set = unionConnections(unionConnections(connectionsOf('UDP', [{ from: 9090, to: 9090 }]), connectionsOf('SCTP', [{ from: 7070, to: 7070 }])), connectionsOf('TCP', [{ from: 8080, to: 8081 }]));
  assert.equal(formatConnections(set), 'SCTP 7070,TCP 8080-8081,UDP 9090');
});

test('CIDRs and addresses parse for IPv4 and IPv6; garbage does not (and never throws)', () => {
  assert.equal(formatRange(parseCidr('10.0.0.0/8')!), '10.0.0.0-10.255.255.255');
  assert.equal(formatRange(parseCidr('10.1.2.3/8')!), '10.0.0.0-10.255.255.255', 'host bits are masked, as Go reads them');
  assert.equal(formatRange(parseCidr('0.0.0.0/0')!), '0.0.0.0-255.255.255.255');
  assert.equal(formatRange(parseCidr('2001:db8::/32')!), '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff');
  assert.equal(formatRange(parseCidr('::/0')!), '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
  assert.equal(formatRange(parseAddressOrCidr('::ffff:1.2.3.4')!), '::ffff:102:304-::ffff:102:304');
  for (const bad of ['10.0.0.0/33', '256.0.0.1/8', '10.0.0/8', '1::2::3/64', 'abc', '', '/8', '10.0.0.0/', '2001:db8::/129', '1.2.3.4/8/9']) {
    assert.equal(parseCidr(bad), undefined, bad);
  }
  assert.equal(parseAddressOrCidr('1.2.3'), undefined);
});

test('IPv6 addresses print in RFC 5952 form', () => {
  assert.equal(formatAddress(6, parseAddressOrCidr('2001:0db8:0000:0000:0001:0000:0000:0001')!.first), '2001:db8::1:0:0:1');
  assert.equal(formatAddress(6, 0n), '::');
  assert.equal(formatAddress(6, 1n), '::1');
  assert.equal(formatAddress(6, parseAddressOrCidr('1:0:1:0:1:0:1:0')!.first), '1:0:1:0:1:0:1:0');
});

test('address set arithmetic: except holes, containment', () => {
  const block = subtractRanges([parseCidr('0.0.0.0/0')!], canonicalRanges([parseCidr('10.0.0.0/9')!, parseCidr('10.128.0.0/9')!, parseCidr('172.21.0.0/16')!]));
  assert.deepEqual(block.map(formatRange), ['0.0.0.0-9.255.255.255', '11.0.0.0-172.20.255.255', '172.22.0.0-255.255.255.255']);
  assert.ok(rangeWithin(parseAddressOrCidr('8.8.8.8')!, block));
  assert.ok(!rangeWithin(parseAddressOrCidr('10.200.0.1')!, block));
  assert.ok(!rangeWithin(parseAddressOrCidr('::1')!, block), 'an IPv6 address is never inside an IPv4 block');
});

test('the address space is cut at every boundary of every block; adjacent excepts merge first', () => {
  const block = subtractRanges([parseCidr('0.0.0.0/0')!], canonicalRanges([parseCidr('10.0.0.0/9')!, parseCidr('10.128.0.0/9')!]));
  assert.deepEqual(cutAddressSpace([block]).map(formatRange), ['0.0.0.0-9.255.255.255', '10.0.0.0-10.255.255.255', '11.0.0.0-255.255.255.255']);
  assert.deepEqual(cutAddressSpace([]).map(formatRange), ['0.0.0.0-255.255.255.255']);
  const overlapping = cutAddressSpace([[parseCidr('10.0.0.0/8')!], [parseCidr('10.1.0.0/16')!], [parseCidr('255.255.255.255/32')!]]).map(formatRange);
  assert.deepEqual(overlapping, ['0.0.0.0-9.255.255.255', '10.0.0.0-10.0.255.255', '10.1.0.0-10.1.255.255', '10.2.0.0-10.255.255.255', '11.0.0.0-255.255.255.254', '255.255.255.255-255.255.255.255']);
});

test('one strict address parser: no leading zeros, zones or odd IPv4 forms; an embedded IPv4 tail is read as written', () => {
  for (const bad of ['010.0.0.1', '10.0.0.01', '0x0a.0.0.1', '10.1', '167772161', ' 10.0.0.1', 'fe80::1%eth0', '::ffff:010.2.3.4', '1:2:3:4:5:6:7:1.2.3.4']) {
    assert.equal(parseAddress(bad), undefined, bad);
  }
  assert.equal(parseCidrExact('010.0.0.0/8'), undefined);
  assert.equal(parseCidrExact(' 10.0.0.0/8'), undefined, 'a manifest CIDR has no surrounding spaces');
  assert.equal(formatRange(parseCidr(' 10.0.0.0/8 ')!), '10.0.0.0-10.255.255.255', 'a CIDR a person typed may have them');
  // ipaddr.js alone would read `::1.2.3.4` as `::ffff:1.2.3.4`.
  assert.equal(formatRange(parseAddressOrCidr('::1.2.3.4')!), '::102:304-::102:304');
  assert.equal(formatRange(parseAddressOrCidr('1:2:3:4:5:6:1.2.3.4')!), '1:2:3:4:5:6:102:304-1:2:3:4:5:6:102:304');
  assert.deepEqual(parseAddress('0.0.0.0'), { family: 4, value: 0n });
  assert.equal(parseAddress('FE80::A')?.family, 6);
});

test('addresses are classified as unspecified, loopback, private (RFC 1918, CGNAT, link-local, ULA) or public', () => {
  const cases: [string, ReturnType<typeof classifyAddress>][] = [
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['0.0.0.1', 'public'],
    ['127.1.2.3', 'loopback'],
    ['::1', 'loopback'],
    ['10.2.3.4', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'private'],
    ['fd00::1', 'private'],
    ['fe80::1', 'private'],
    ['8.8.8.8', 'public'],
    ['2001:db8::1', 'public'],
    ['::ffff:10.0.0.1', 'public'],
    ['010.0.0.1', undefined],
    ['example.com', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(classifyAddress(text), expected, text);
  assert.ok(isWholeFamily(parseCidr('::/0')!) && isWholeFamily(parseCidr('0.0.0.0/0')!) && !isWholeFamily(parseCidr('0.0.0.0/1')!));
  assert.ok(rangeOverlaps(parseCidr('10.0.0.0/8')!, [parseCidr('10.1.0.0/16')!]) && !rangeOverlaps(parseCidr('10.0.0.0/8')!, [parseCidr('::/0')!]));
});
